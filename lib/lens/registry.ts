import type { EqlField, EqlSchema } from "@/lib/eql/schema";

/**
 * The one description of the Lens objects (lens-api.md §2). The GraphQL
 * schema, EQL checking, the console's editor completions and the webhook
 * subscription schema are all derived from it. Adding a field means touching
 * prisma/schema.prisma and this file, nothing else.
 */
export type FieldType = EqlField["type"];

export const OBJECT_NAMES = [
  "Regions",
  "Accounts",
  "Contacts",
  "Resources",
  "Jobs",
  "JobAllocations",
] as const;

export type ObjectName = (typeof OBJECT_NAMES)[number];

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Must be given on insert. */
  required?: boolean;
  /** Set by Tripline (UID, dates, Job Name, FullName); never accepted as input. */
  readOnly?: boolean;
  /** Allowed picklist values; absent for open multi-picklists such as Tags. */
  values?: readonly string[];
  /** Value used on insert when none is given. */
  default?: string | number | boolean;
  maxLength?: number;
  /** The smallest value an integer field accepts. */
  min?: number;
}

export interface LookupDef {
  /** Relation name in filters and GraphQL, e.g. `Region`. */
  name: string;
  /** Field holding the related UID, e.g. `RegionId`. */
  field: string;
  target: ObjectName;
}

export interface ReverseDef {
  /** Relation name in GraphQL, e.g. `JobAllocations`. */
  name: string;
  target: ObjectName;
  /** The target's field that points back, e.g. `JobId`. */
  field: string;
}

export interface ObjectDef {
  /** Schema name, e.g. `Jobs`. */
  name: ObjectName;
  /** Singular form for GraphQL type names, e.g. `Job`. */
  singular: string;
  /** Prisma model delegate, e.g. `job`. */
  model: "region" | "account" | "contact" | "resource" | "job" | "jobAllocation";
  fields: readonly FieldDef[];
  lookups: readonly LookupDef[];
  reverse: readonly ReverseDef[];
}

export const JOB_STATUSES = [
  "Queued",
  "Pending Allocation",
  "Pending Dispatch",
  "Dispatched",
  "Ready",
  "En Route",
  "On Site",
  "In Progress",
  "Complete",
  "Cancelled",
] as const;

export const URGENCIES = ["Low", "Normal", "High", "Critical"] as const;

export const ALLOCATION_STATUSES = [
  "Pending Dispatch",
  "Dispatched",
  "Confirmed",
  "Declined",
  "En Route",
  "Checked In",
  "In Progress",
  "Complete",
  "Deleted",
] as const;

const COMMON: readonly FieldDef[] = [
  { name: "UID", type: "id", readOnly: true },
  { name: "CreatedDate", type: "datetime", readOnly: true },
  { name: "LastModifiedDate", type: "datetime", readOnly: true },
];

const text = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type: "string",
  maxLength: 255,
  ...extra,
});
const id = (name: string, required = false): FieldDef => ({ name, type: "id", required });

export const OBJECTS: Readonly<Record<ObjectName, ObjectDef>> = {
  Regions: {
    name: "Regions",
    singular: "Region",
    model: "region",
    fields: [
      ...COMMON,
      text("Name", { required: true }),
      text("Timezone", { required: true, maxLength: 64 }),
      text("CountryCode", { maxLength: 2 }),
      text("Description", { maxLength: 32_000 }),
    ],
    lookups: [],
    reverse: [],
  },
  Accounts: {
    name: "Accounts",
    singular: "Account",
    model: "account",
    fields: [...COMMON, text("Name", { required: true }), text("BillingCity"), id("RegionId")],
    lookups: [{ name: "Region", field: "RegionId", target: "Regions" }],
    reverse: [],
  },
  Contacts: {
    name: "Contacts",
    singular: "Contact",
    model: "contact",
    fields: [
      ...COMMON,
      text("FirstName"),
      text("LastName", { required: true }),
      text("FullName", { readOnly: true, maxLength: 511 }),
      text("MobilePhone", { maxLength: 32 }),
      text("Email"),
      id("AccountId"),
      id("RegionId"),
    ],
    lookups: [
      { name: "Account", field: "AccountId", target: "Accounts" },
      { name: "Region", field: "RegionId", target: "Regions" },
    ],
    reverse: [],
  },
  Resources: {
    name: "Resources",
    singular: "Resource",
    model: "resource",
    fields: [
      ...COMMON,
      text("Name", { required: true }),
      text("Email"),
      text("MobilePhone", { maxLength: 32 }),
      text("CountryCode", { maxLength: 2 }),
      text("Category"),
      { name: "IsActive", type: "boolean", default: true },
      id("PrimaryRegionId"),
    ],
    lookups: [{ name: "PrimaryRegion", field: "PrimaryRegionId", target: "Regions" }],
    reverse: [{ name: "JobAllocations", target: "JobAllocations", field: "ResourceId" }],
  },
  Jobs: {
    name: "Jobs",
    singular: "Job",
    model: "job",
    fields: [
      ...COMMON,
      text("Name", { readOnly: true }),
      text("Description", { maxLength: 32_000 }),
      { name: "JobStatus", type: "picklist", values: JOB_STATUSES, default: "Queued" },
      text("Type"),
      { name: "Urgency", type: "picklist", values: URGENCIES, default: "Normal" },
      { name: "Start", type: "datetime" },
      { name: "End", type: "datetime" },
      // Minutes; a job of no length, or of negative length, cannot be scheduled.
      { name: "Duration", type: "integer", required: true, min: 1 },
      text("Timezone", { maxLength: 64 }),
      text("Address", { maxLength: 1000 }),
      { name: "Tags", type: "multipicklist", maxLength: 4000 },
      id("AccountId"),
      id("ContactId"),
      id("RegionId", true),
    ],
    lookups: [
      { name: "Account", field: "AccountId", target: "Accounts" },
      { name: "Contact", field: "ContactId", target: "Contacts" },
      { name: "Region", field: "RegionId", target: "Regions" },
    ],
    reverse: [{ name: "JobAllocations", target: "JobAllocations", field: "JobId" }],
  },
  JobAllocations: {
    name: "JobAllocations",
    singular: "JobAllocation",
    model: "jobAllocation",
    fields: [
      ...COMMON,
      text("Name"),
      { name: "Status", type: "picklist", values: ALLOCATION_STATUSES },
      { name: "Start", type: "datetime" },
      { name: "End", type: "datetime" },
      id("JobId", true),
      id("ResourceId", true),
    ],
    lookups: [
      { name: "Job", field: "JobId", target: "Jobs" },
      { name: "Resource", field: "ResourceId", target: "Resources" },
    ],
    reverse: [],
  },
};

export function isObjectName(name: string): name is ObjectName {
  return OBJECT_NAMES.some((objectName) => objectName === name);
}

export function getObject(name: ObjectName): ObjectDef {
  return OBJECTS[name];
}

export function findField(object: ObjectDef, name: string): FieldDef | undefined {
  return object.fields.find((field) => field.name === name);
}

/** The registry as EQL sees it. */
export function eqlSchema(): EqlSchema {
  return Object.fromEntries(
    OBJECT_NAMES.map((name) => {
      const object = getObject(name);
      const fields = object.fields.map((field) => ({
        name: field.name,
        type: field.type,
        nullable: isNullable(field),
        ...(field.values ? { values: field.values } : {}),
      }));

      return [name, { name, fields, lookups: object.lookups }];
    }),
  );
}

/** False for fields that are required, have a default or are set by Tripline. */
export function isNullable(field: FieldDef): boolean {
  return !field.required && field.default === undefined && !field.readOnly;
}

/** The fields a caller may set on insert or update. */
export function writableFields(object: ObjectDef): FieldDef[] {
  return object.fields.filter((field) => !field.readOnly);
}

/**
 * The table holding an object's records. Prisma model names are the singular
 * names (`Job`), and the migrations keep them as table names.
 */
export function tableName(object: ObjectDef): string {
  return object.singular;
}

/** Every lookup, on any object, that points at `target`. */
export function lookupsInto(target: ObjectName): { object: ObjectDef; lookup: LookupDef }[] {
  return OBJECT_NAMES.flatMap((name) =>
    getObject(name)
      .lookups.filter((lookup) => lookup.target === target)
      .map((lookup) => ({ object: getObject(name), lookup })),
  );
}
