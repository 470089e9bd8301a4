import type { DataField, DataLookup, DataObject, DataRecord } from "./types";

/** `JobAllocations` → `job allocations`: for sentences such as "No job allocations yet". */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function pluralLabel(object: DataObject): string {
  return words(object.name);
}

export function singularLabel(object: DataObject): string {
  return words(object.singular);
}

/** `Jobs` → `jobs`, `JobAllocations` → `jobAllocations`: the GraphQL list field. */
export function listFieldName(object: DataObject): string {
  return object.name.charAt(0).toLowerCase() + object.name.slice(1);
}

/** The field that names a record to a person: Name, else FullName (Contacts), else UID. */
export function displayFieldName(object: DataObject): string {
  const names = object.fields.map((field) => field.name);

  return ["Name", "FullName"].find((name) => names.includes(name)) ?? "UID";
}

export function findField(object: DataObject, name: string): DataField | undefined {
  return object.fields.find((field) => field.name === name);
}

/** The lookup whose id is held in `fieldName`, e.g. Region for RegionId. */
export function lookupFor(object: DataObject, fieldName: string): DataLookup | undefined {
  return object.lookups.find((lookup) => lookup.field === fieldName);
}

/** What a record is called on screen: its Name, FullName or, failing those, its UID. */
export function recordTitle(object: DataObject, record: DataRecord): string {
  const value = record[displayFieldName(object)];
  if (typeof value === "string" && value.trim() !== "") return value;
  const uid = record.UID;

  return typeof uid === "string" ? uid : "(unnamed)";
}

export type Column =
  | { kind: "field"; key: string; field: DataField }
  | { kind: "lookup"; key: string; lookup: DataLookup };

// A person scanning a list wants these; everything else is one click away.
// Names that the registry no longer has are skipped.
const PREFERRED_COLUMNS: Partial<Record<string, readonly string[]>> = {
  Regions: ["Name", "Timezone", "CountryCode", "LastModifiedDate"],
  Accounts: ["Name", "BillingCity", "Region", "LastModifiedDate"],
  Contacts: ["FullName", "Email", "MobilePhone", "Account", "Region"],
  Resources: ["Name", "Category", "IsActive", "PrimaryRegion", "Email"],
  Jobs: ["Name", "JobStatus", "Urgency", "Start", "Duration", "Region", "Account"],
  JobAllocations: ["Name", "Status", "Job", "Resource", "Start"],
};

const MAX_COLUMNS = 6;

/** For an object this file does not know: its name, then picklists, lookups and dates. */
function defaultColumnNames(object: DataObject): string[] {
  const display = displayFieldName(object);
  const rank = (field: DataField): number => {
    if (field.name === display) return 0;
    if (field.type === "picklist" || field.type === "boolean") return 1;
    if (field.type === "datetime" && !field.readOnly) return 3;

    return 9;
  };
  const fields = object.fields
    .filter((field) => rank(field) < 9)
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => field.name);
  const lookups = object.lookups.map((lookup) => lookup.name);

  return [...fields.slice(0, 2), ...lookups, ...fields.slice(2)].slice(0, MAX_COLUMNS);
}

export function columnsFor(object: DataObject): Column[] {
  const names = PREFERRED_COLUMNS[object.name] ?? defaultColumnNames(object);

  return names.flatMap((name): Column[] => {
    const field = findField(object, name);
    if (field) return [{ kind: "field", key: name, field }];
    const lookup = object.lookups.find((candidate) => candidate.name === name);

    return lookup ? [{ kind: "lookup", key: name, lookup }] : [];
  });
}

export function listHref(objectName: string): string {
  return `/data?object=${encodeURIComponent(objectName)}`;
}

export function recordHref(objectName: string, uid: string): string {
  return `/data/${encodeURIComponent(objectName)}/${encodeURIComponent(uid)}`;
}

export function newRecordHref(objectName: string): string {
  return `/data/${encodeURIComponent(objectName)}/new`;
}

/** A nested GraphQL object, e.g. the `Region { UID Name }` of a job. */
export function isRecord(value: unknown): value is DataRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A scalar as text; null for anything else (a nested object, an array, null). */
export function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);

  return null;
}
