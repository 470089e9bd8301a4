/**
 * The console's copy of the Lens object registry: plain data the server page
 * hands to client components, which may not import lib/lens. The shapes match
 * the registry's, so the page passes its objects through unchanged.
 */
export type DataFieldType =
  | "id"
  | "string"
  | "picklist"
  | "multipicklist"
  | "boolean"
  | "integer"
  | "decimal"
  | "datetime"
  | "date";

export interface DataField {
  name: string;
  type: DataFieldType;
  required?: boolean;
  readOnly?: boolean;
  values?: readonly string[];
  default?: string | number | boolean;
  maxLength?: number;
}

export interface DataLookup {
  /** Relation name, e.g. `Region`. */
  name: string;
  /** Field holding the related UID, e.g. `RegionId`. */
  field: string;
  target: string;
}

export interface DataReverse {
  name: string;
  target: string;
  field: string;
}

export interface DataObject {
  name: string;
  singular: string;
  fields: readonly DataField[];
  lookups: readonly DataLookup[];
  reverse: readonly DataReverse[];
}

/** Every object by name, so a lookup can find its target. */
export type DataObjects = Readonly<Record<string, DataObject>>;

/** A record as GraphQL returns it: scalars, lookups as objects, reverse relations as arrays. */
export type DataRecord = Record<string, unknown>;
