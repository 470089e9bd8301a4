import { LensError } from "./errors";
import { isNullable, type FieldDef } from "./registry";

/** A field's value as the write layer holds it; date-times are Dates. */
export type LensValue = string | number | boolean | Date | null;

/** One record: every field of its object, by Lens field name. */
export type LensRecord = Record<string, LensValue>;

/** A value as stored in a change event and sent in payloads: dates become ISO strings. */
export type JsonValue = string | number | boolean | null;

const INT32_MAX = 2_147_483_647;
// A date and a time with an explicit zone: a bare `2027-01-01T09:00` would
// depend on the server's time zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one input value against its field and returns it in stored form. */
export function coerceInput(field: FieldDef, value: unknown): LensValue {
  if (value === null) {
    if (!isNullable(field)) throw LensError.field(field.name, "cannot be null");

    return null;
  }

  switch (field.type) {
    case "boolean":
      if (typeof value !== "boolean") throw mismatch(field, value, "true or false");

      return value;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
        throw mismatch(field, value, "a whole number");
      }
      if (field.min !== undefined && value < field.min) {
        throw LensError.field(field.name, `must be at least ${field.min}; got ${value}`);
      }

      return value;
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value))
        throw mismatch(field, value, "a number");

      return value;
    case "datetime":
      return coerceDateTime(field, value);
    case "date":
      if (typeof value !== "string" || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw mismatch(field, value, "a date such as 2027-01-01");
      }

      return value;
    case "picklist":
      return coercePicklist(field, value);
    case "multipicklist":
      return coerceMultiPicklist(field, value);
    case "id":
    case "string":
      return coerceText(field, value);
  }
}

function coerceText(field: FieldDef, value: unknown): string {
  if (typeof value !== "string") throw mismatch(field, value, "a string");
  if (field.required && value.trim() === "") throw LensError.field(field.name, "must not be empty");
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    throw LensError.field(field.name, `is longer than ${field.maxLength} characters`);
  }

  return value;
}

function coercePicklist(field: FieldDef, value: unknown): string {
  const text = coerceText(field, value);
  if (field.values && !field.values.includes(text)) {
    const allowed = field.values.map((allowedValue) => `'${allowedValue}'`).join(", ");
    throw LensError.field(field.name, `'${text}' is not an allowed value; use one of ${allowed}`);
  }

  return text;
}

/** `;`-separated values, kept trimmed, without blanks or repeats. */
function coerceMultiPicklist(field: FieldDef, value: unknown): string | null {
  const text = coerceText(field, value);
  const values = [...new Set(text.split(";").map((part) => part.trim()))].filter(Boolean);
  for (const part of values) {
    if (field.values && !field.values.includes(part)) {
      throw LensError.field(field.name, `'${part}' is not an allowed value`);
    }
  }
  if (values.length === 0 && isNullable(field)) return null;

  return values.join(";");
}

function coerceDateTime(field: FieldDef, value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === "string" && DATE_TIME.test(value)) {
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }

  throw mismatch(field, value, "an ISO-8601 date-time with a zone, such as 2027-01-01T09:00:00Z");
}

function mismatch(field: FieldDef, value: unknown, expected: string): LensError {
  const shown = typeof value === "string" ? `'${value}'` : JSON.stringify(value);

  return LensError.field(field.name, `${shown ?? String(value)} is not ${expected}`);
}

export function toJsonValue(value: LensValue): JsonValue {
  return value instanceof Date ? value.toISOString() : value;
}

export function sameValue(a: LensValue, b: LensValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();

  return a === b;
}

/**
 * Reads one stored value back into its Lens form. The drivers differ in
 * small ways (SQLite has no boolean or date type), so this accepts each
 * driver's form and refuses anything else rather than guessing.
 */
export function decodeStored(field: FieldDef, value: unknown): LensValue {
  if (value === null || value === undefined) return null;
  if (field.type === "datetime") {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
  } else if (field.type === "boolean") {
    if (typeof value === "boolean") return value;
    if (value === 0 || value === 1) return value === 1;
  } else if (field.type === "integer" || field.type === "decimal") {
    if (typeof value === "number") return value;
    if (typeof value === "bigint") return Number(value);
  } else if (typeof value === "string") {
    return value;
  }

  throw new Error(`unexpected stored value for ${field.name}: ${typeof value}`);
}
