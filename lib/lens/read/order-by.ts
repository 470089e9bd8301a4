import { LensError } from "../errors";
import { findField, isNullable, type FieldDef, type ObjectDef } from "../registry";
import type { PrismaOrderBy, SortDirection } from "./delegates";

export interface SortKey {
  field: FieldDef;
  direction: SortDirection;
}

const TERM = /^([A-Za-z][A-Za-z0-9]*)(?:\s+(asc|desc))?$/i;

/**
 * Parses `orderBy: "Start DESC, Name"`. Only the object's own fields sort.
 * The UID is always the last key, so the order is total and a cursor names
 * one place in it exactly. With no orderBy, records come oldest first.
 */
export function parseOrderBy(object: ObjectDef, text: string | null | undefined): SortKey[] {
  const source = text?.trim() ? text : "CreatedDate";
  const keys: SortKey[] = [];
  for (const term of source.split(",")) {
    const match = TERM.exec(term.trim());
    if (!match?.[1]) {
      throw orderByError(`'${term.trim()}' is not 'Field', 'Field ASC' or 'Field DESC'`);
    }
    const field = findField(object, match[1]);
    if (!field) throw orderByError(`${object.name} has no field '${match[1]}'`);
    if (keys.some((key) => key.field.name === field.name)) {
      throw orderByError(`'${field.name}' appears twice`);
    }
    keys.push({ field, direction: match[2]?.toLowerCase() === "desc" ? "desc" : "asc" });
    // Keys after the UID could never decide anything.
    if (field.name === "UID") return keys;
  }
  const uid = findField(object, "UID");
  if (uid) keys.push({ field: uid, direction: "asc" });

  return keys;
}

function orderByError(message: string): LensError {
  return new LensError("BAD_ARGUMENT", `orderBy: ${message}`, { field: "orderBy" });
}

/**
 * Empty values sort after all others going up and before them going down, on
 * both databases (their own defaults differ), so cursors mean the same thing.
 */
export function nullsPlacement(key: SortKey): "first" | "last" {
  return key.direction === "asc" ? "last" : "first";
}

export function prismaOrderBy(keys: SortKey[]): PrismaOrderBy[] {
  return keys.map((key) => ({
    [key.field.name]: isNullable(key.field)
      ? { sort: key.direction, nulls: nullsPlacement(key) }
      : key.direction,
  }));
}

/** `Start desc,UID asc`: cursors carry it, so one made for another order is refused. */
export function orderSignature(keys: SortKey[]): string {
  return keys.map((key) => `${key.field.name} ${key.direction}`).join(",");
}
