import { getConfig } from "@/lib/config";
import { Prisma } from "@/lib/db/generated/sqlite/client";

export type ColumnType = "text" | "integer" | "boolean" | "timestamp";

const PG_TYPES: Record<ColumnType, string> = {
  text: "text",
  integer: "integer",
  boolean: "boolean",
  timestamp: "timestamp(3)",
};

/** A date as both databases keep it: the SQLite adapter's ISO form, UTC for PostgreSQL. */
export function dbTime(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "+00:00") : null;
}

/**
 * A table of many rows passed as ONE JSON parameter, for multi-row writes.
 * Through Prisma every bound parameter has a cost of its own (mapping,
 * serialising, binding), larger than the row it carries; one JSON text per
 * statement, unpacked by the database, removes it.
 */
export function jsonRows(
  rows: readonly Record<string, string | number | boolean | null>[],
  columns: readonly (readonly [string, ColumnType])[],
): Prisma.Sql {
  const json = JSON.stringify(rows);
  if (getConfig().database.kind === "postgresql") {
    const defs = columns.map(([name, type]) => `"${name}" ${PG_TYPES[type]}`).join(", ");

    return Prisma.sql`(SELECT * FROM json_to_recordset(CAST(${json} AS json)) AS x(${Prisma.raw(defs)}))`;
  }
  const picks = columns.map(([name]) => `json_extract(value, '$.${name}') AS "${name}"`).join(", ");

  return Prisma.sql`(SELECT ${Prisma.raw(picks)} FROM json_each(${json}))`;
}
