import type { RecordLoaders } from "@/lib/lens/read/loaders";
import { getObject, type ObjectName } from "@/lib/lens/registry";

/**
 * EQL reads `Region.Name` from `record.Region.Name`: this loads every lookup
 * a filter names and nests it under the lookup's name, as it is now.
 */
export async function withLookups(
  record: Readonly<Record<string, unknown>>,
  paths: readonly (readonly string[])[],
  object: ObjectName,
  loaders: RecordLoaders,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...record };
  for (const path of paths) await nest(out, path, object, loaders);

  return out;
}

async function nest(
  record: Record<string, unknown>,
  path: readonly string[],
  object: ObjectName,
  loaders: RecordLoaders,
): Promise<void> {
  const [name, ...rest] = path;
  const lookup = getObject(object).lookups.find((candidate) => candidate.name === name);
  if (!lookup) return;
  let related = record[lookup.name];
  if (related === undefined) {
    const uid = record[lookup.field];
    const row = typeof uid === "string" ? await loaders.byUid(lookup.target).load(uid) : null;
    related = row ? { ...row } : null;
    record[lookup.name] = related;
  }
  if (rest.length && isRecord(related)) await nest(related, rest, lookup.target, loaders);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}
