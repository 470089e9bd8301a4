import { LensError } from "../errors";
import { findField, type ObjectDef } from "../registry";
import { coerceInput, type LensValue } from "../values";

/** The caller's field values, checked and in stored form; absent fields are absent. */
export type PreparedValues = Map<string, LensValue>;

/** Checks an insert's input: known, writable, well-typed fields and every required one. */
export function prepareInsert(object: ObjectDef, input: Record<string, unknown>): PreparedValues {
  const values = prepare(object, input);
  for (const field of object.fields) {
    const value = values.get(field.name);
    if (field.required && (value === undefined || value === null)) {
      throw LensError.field(field.name, `is required on ${object.name}`);
    }
  }

  return values;
}

/** Checks an update's input: only the fields given change; null clears one. */
export function prepareUpdate(object: ObjectDef, input: Record<string, unknown>): PreparedValues {
  return prepare(object, input);
}

function prepare(object: ObjectDef, input: Record<string, unknown>): PreparedValues {
  const values: PreparedValues = new Map();
  for (const [name, value] of Object.entries(input)) {
    // GraphQL leaves absent input fields out; other callers may pass undefined.
    if (value === undefined) continue;
    const field = findField(object, name);
    if (!field) throw LensError.field(name, `${object.name} has no such field`);
    if (field.readOnly) throw LensError.field(name, "is read-only: Tripline sets it");
    values.set(name, coerceInput(field, value));
  }

  return values;
}
