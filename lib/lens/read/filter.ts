import { getConfig } from "@/lib/config";
import { compileRecordFilter, EqlError, type EqlSchema } from "@/lib/eql";

import { LensError } from "../errors";
import { eqlSchema, type ObjectDef } from "../registry";

let schema: EqlSchema | undefined;

/** The Prisma `where` for an EQL filter; an empty filter matches everything. */
export function filterWhere(
  object: ObjectDef,
  text: string | null | undefined,
  now: Date,
): Record<string, unknown> {
  if (!text?.trim()) return {};
  schema ??= eqlSchema();
  try {
    const filter = compileRecordFilter(text, schema, object.name);

    return filter.toPrismaWhere({ provider: getConfig().database.kind, now });
  } catch (error) {
    if (error instanceof EqlError) {
      throw new LensError("EQL_ERROR", `filter: ${error.message}`, {
        field: "filter",
        line: error.line,
        column: error.column,
        length: error.length,
      });
    }
    throw error;
  }
}
