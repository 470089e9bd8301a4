import { LensError } from "../errors";
import { getObject, type ObjectName } from "../registry";
import { sameValue, type LensRecord, type LensValue } from "../values";
import { writeChangeEvent } from "./change-events";
import { deriveFields } from "./derived-fields";
import { prepareUpdate } from "./prepare-input";
import { checkLookups } from "./relations";
import { selectRecord, updateRow } from "./sql";
import type { WriteScope } from "./write-transaction";

/**
 * Applies `patch` to one record and writes its UPDATE event. A patch that
 * changes no value writes nothing, not even LastModifiedDate, so saving an
 * unchanged form fires no hook. Returns the record as it now stands.
 */
export async function updateRecord(
  scope: WriteScope,
  objectName: ObjectName,
  uid: string,
  patch: Record<string, unknown>,
): Promise<LensRecord> {
  const { tx } = scope;
  const object = getObject(objectName);
  const values = prepareUpdate(object, patch);
  const previous = await selectRecord(tx, object, uid);
  if (!previous) throw new LensError("NOT_FOUND", `no ${objectName} record has UID '${uid}'`);

  const next: LensRecord = { ...previous, ...Object.fromEntries(values) };
  deriveFields(object, next);
  const changes: Record<string, LensValue> = {};
  for (const field of object.fields) {
    const value = next[field.name] ?? null;
    if (!sameValue(previous[field.name] ?? null, value)) changes[field.name] = value;
  }
  if (Object.keys(changes).length === 0) return previous;

  await checkLookups(tx, object, new Map(Object.entries(changes)));
  const now = new Date();
  next.LastModifiedDate = now;
  changes.LastModifiedDate = now;
  await updateRow(tx, object, uid, changes);
  await writeChangeEvent(scope, {
    object,
    uid,
    operation: "UPDATE",
    previous,
    current: next,
    changedFields: object.fields
      .map((field) => field.name)
      .filter((name) => !sameValue(previous[name] ?? null, next[name] ?? null)),
    actor: scope.actor,
    at: now,
  });

  return next;
}
