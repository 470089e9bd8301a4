import type { FieldErrors } from "@/components/forms/field-errors";

import type { DataField, DataObject, DataRecord } from "./types";

// What the record form holds (a string or a checkbox state per field) and how
// it becomes GraphQL input. Pure, so the conversions can be tested alone.

export type DraftValue = string | boolean;
export type Draft = Record<string, DraftValue>;

/** The fields a person may set: everything the API does not set itself. */
export function editableFields(object: DataObject): DataField[] {
  return object.fields.filter((field) => !field.readOnly);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";

  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** A `datetime-local` value, read in the browser's time zone, as ISO UTC; null if invalid. */
export function localInputToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  // Without an offset, Date reads a date-time form as local time.
  const date = new Date(local);

  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toDraftValue(field: DataField, value: unknown): DraftValue {
  switch (field.type) {
    case "boolean":
      return value === true;
    case "datetime":
      return typeof value === "string" ? isoToLocalInput(value) : "";
    case "integer":
    case "decimal":
      return typeof value === "number" ? String(value) : "";
    default:
      return typeof value === "string" ? value : "";
  }
}

/** A new record's form: defaults filled in, the rest empty. */
export function emptyDraft(object: DataObject): Draft {
  return Object.fromEntries(
    editableFields(object).map((field) => [field.name, toDraftValue(field, field.default ?? null)]),
  );
}

export function draftFromRecord(object: DataObject, record: DataRecord): Draft {
  return Object.fromEntries(
    editableFields(object).map((field) => [field.name, toDraftValue(field, record[field.name])]),
  );
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** One field's draft as the API wants it; empty means null. */
export function parseDraftValue(field: DataField, draft: DraftValue): Parsed {
  if (field.type === "boolean") return { ok: true, value: draft === true };
  const text = typeof draft === "string" ? draft : "";
  if (text.trim() === "") return { ok: true, value: null };

  switch (field.type) {
    case "integer":
      return /^\s*-?\d+\s*$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, error: "Must be a whole number" };
    case "decimal": {
      const value = Number(text);

      return Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, error: "Must be a number" };
    }
    case "datetime": {
      const iso = localInputToIso(text);

      return iso ? { ok: true, value: iso } : { ok: false, error: "Must be a date and a time" };
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, error: "Must be a date such as 2027-01-01" };
    case "multipicklist": {
      const values = [...new Set(text.split(";").map((part) => part.trim()))].filter(Boolean);

      return { ok: true, value: values.length > 0 ? values.join(";") : null };
    }
    default:
      return { ok: true, value: text };
  }
}

export interface BuiltInput {
  input: Record<string, unknown>;
  errors: FieldErrors;
}

/**
 * The mutation input for a form. With `initial` (an update) only the fields
 * that changed are sent, and emptying one sends null; without it (an
 * insert) empty fields are left out for the API's defaults.
 */
export function buildInput(object: DataObject, draft: Draft, initial?: Draft): BuiltInput {
  const built: BuiltInput = { input: {}, errors: {} };
  for (const field of editableFields(object)) {
    const current = draft[field.name] ?? toDraftValue(field, null);
    if (initial && current === initial[field.name]) continue;

    const parsed = parseDraftValue(field, current);
    if (!parsed.ok) {
      built.errors[field.name] = parsed.error;
    } else if (parsed.value !== null) {
      built.input[field.name] = parsed.value;
    } else if (field.required) {
      built.errors[field.name] = "Required";
    } else if (initial && field.default !== undefined) {
      built.errors[field.name] = "Cannot be empty";
    } else if (initial) {
      built.input[field.name] = null;
    }
  }

  return built;
}

export function hasChanges(draft: Draft, initial: Draft): boolean {
  return Object.keys(draft).some((name) => draft[name] !== initial[name]);
}
