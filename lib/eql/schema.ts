/**
 * What EQL knows of the objects it filters: field names and types, picklist
 * values and lookups. It comes in as data (the Lens registry builds it), so
 * the same checker serves every object, including ones added later.
 */
export type EqlFieldType =
  | "id"
  | "string"
  | "picklist"
  | "multipicklist"
  | "boolean"
  | "integer"
  | "decimal"
  | "datetime"
  | "date";

export interface EqlField {
  name: string;
  type: EqlFieldType;
  /** Allowed values of a picklist; absent when any value is allowed (e.g. Tags). */
  values?: readonly string[];
  /**
   * Whether the database may hold null for this field. Query translation
   * needs it: Prisma refuses `null` in filters on required columns, yet on
   * nullable ones a negation must add the null case itself. Absent means
   * "may be null", which is always correct for nullable columns and makes
   * Prisma reject negations and `== null` on required ones.
   */
  nullable?: boolean;
}

export interface EqlLookup {
  /** The name used in filters, e.g. `Region` in `Region.Name`. */
  name: string;
  /** The field holding the related record's UID, e.g. `RegionId`. */
  field: string;
  /** The related object's name, e.g. `Regions`. */
  target: string;
}

export interface EqlObject {
  name: string;
  fields: readonly EqlField[];
  lookups: readonly EqlLookup[];
}

/** Every object by name, so lookups can be followed to their targets. */
export type EqlSchema = Readonly<Record<string, EqlObject>>;

/**
 * The object called `name`, if the schema describes one. Names may come from
 * outside (a hook's object, a lookup's target), so only the schema's own
 * entries count: `constructor` or `__proto__` must not find Object.prototype.
 */
export function objectNamed(schema: EqlSchema, name: string): EqlObject | undefined {
  return Object.hasOwn(schema, name) ? schema[name] : undefined;
}
