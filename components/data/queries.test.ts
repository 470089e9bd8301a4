import { describe, expect, it } from "vitest";

import { buildInput, draftFromRecord, emptyDraft, localInputToIso } from "./form-values";
import { columnsFor, displayFieldName, listFieldName } from "./object-meta";
import {
  deleteMutation,
  eqlString,
  graphqlLiteral,
  insertMutation,
  listQuery,
  nameContainsFilter,
  optionsQuery,
  parseOrderBy,
  recordQuery,
  updateMutation,
} from "./queries";
import type { DataObject, DataObjects } from "./types";

const common = [
  { name: "UID", type: "id", readOnly: true },
  { name: "CreatedDate", type: "datetime", readOnly: true },
  { name: "LastModifiedDate", type: "datetime", readOnly: true },
] as const;

const Regions: DataObject = {
  name: "Regions",
  singular: "Region",
  fields: [...common, { name: "Name", type: "string", required: true }],
  lookups: [],
  reverse: [],
};
const Contacts: DataObject = {
  name: "Contacts",
  singular: "Contact",
  fields: [...common, { name: "FullName", type: "string", readOnly: true }],
  lookups: [],
  reverse: [],
};
const JobAllocations: DataObject = {
  name: "JobAllocations",
  singular: "JobAllocation",
  fields: [
    ...common,
    { name: "Name", type: "string" },
    { name: "Status", type: "picklist", values: ["Dispatched"] },
  ],
  lookups: [],
  reverse: [],
};
const Jobs: DataObject = {
  name: "Jobs",
  singular: "Job",
  fields: [
    ...common,
    { name: "Name", type: "string", readOnly: true },
    { name: "Description", type: "string" },
    { name: "JobStatus", type: "picklist", values: ["Queued", "Dispatched"], default: "Queued" },
    { name: "Start", type: "datetime" },
    { name: "Duration", type: "integer", required: true },
    { name: "Tags", type: "multipicklist" },
    { name: "ContactId", type: "id" },
    { name: "RegionId", type: "id", required: true },
  ],
  lookups: [
    { name: "Contact", field: "ContactId", target: "Contacts" },
    { name: "Region", field: "RegionId", target: "Regions" },
  ],
  reverse: [{ name: "JobAllocations", target: "JobAllocations", field: "JobId" }],
};
const objects: DataObjects = { Regions, Contacts, Jobs, JobAllocations };

describe("Data page queries", () => {
  it("list queries select every field and each lookup by its display name", () => {
    const query = listQuery(Jobs, objects);
    expect(query).toContain("list: jobs(filter: $filter, orderBy: $orderBy, first: $first");
    expect(query).toContain("totalCount");
    expect(query).toContain("pageInfo { hasNextPage endCursor }");
    expect(query).toContain("UID CreatedDate LastModifiedDate Name Description JobStatus");
    expect(query).toContain("Contact { UID FullName } Region { UID Name }");
    expect(query).not.toContain("JobAllocations");
  });

  it("the record query adds reverse relations with their status", () => {
    const query = recordQuery(Jobs, objects);
    expect(query).toContain("record: jobsById(UID: $uid)");
    expect(query).toContain("JobAllocations { UID Name Status }");
  });

  it("list field names lower the first letter only", () => {
    expect(listFieldName(JobAllocations)).toBe("jobAllocations");
    expect(displayFieldName(Contacts)).toBe("FullName");
  });

  it("lookup options sort and search by the display field", () => {
    expect(optionsQuery(Contacts)).toContain(
      'options: contacts(filter: $filter, orderBy: "FullName ASC"',
    );
    expect(nameContainsFilter(Regions, "  ")).toBeNull();
    expect(nameContainsFilter(Regions, "O'Brien")).toBe("Name LIKE '%O\\'Brien%'");
  });

  it("EQL strings escape quotes and backslashes", () => {
    expect(eqlString("a\\b'c")).toBe("'a\\\\b\\'c'");
  });

  it("mutations spell their input as GraphQL literals", () => {
    expect(insertMutation(Jobs, { RegionId: "r-1", Duration: 60, Description: 'say "hi"\n' })).toBe(
      'mutation DataInsert { schema { uid: insertJobs(input: { RegionId: "r-1", Duration: 60, Description: "say \\"hi\\"\\n" }) } }',
    );
    expect(updateMutation(Jobs, "j-1", { JobStatus: "Dispatched", Start: null })).toBe(
      'mutation DataUpdate { schema { uid: updateJobs(input: { UID: "j-1", JobStatus: "Dispatched", Start: null }) } }',
    );
    expect(deleteMutation(Jobs, "j-1")).toBe(
      'mutation DataDelete { schema { uid: deleteJobs(UID: "j-1") } }',
    );
    expect(() => graphqlLiteral({ "bad key": 1 })).toThrow("not a GraphQL name");
    expect(graphqlLiteral([true, 1.5, null])).toBe("[true, 1.5, null]");
  });

  it("orderBy text round-trips", () => {
    expect(parseOrderBy("Start desc")).toEqual({ field: "Start", direction: "DESC" });
    expect(parseOrderBy("Name")).toEqual({ field: "Name", direction: "ASC" });
    expect(parseOrderBy("Start DESC, Name")).toBeNull();
  });

  it("columns put the name first and show lookups by relation", () => {
    const keys = columnsFor(Jobs).map((column) => column.key);
    expect(keys[0]).toBe("Name");
    expect(keys).toContain("Region");
  });
});

describe("Data page forms", () => {
  it("an insert sends what was filled in and reports missing required fields", () => {
    const draft = { ...emptyDraft(Jobs), Duration: "90", Tags: " VIP ; ;Gold;VIP" };
    const built = buildInput(Jobs, draft);
    expect(built.input).toEqual({ JobStatus: "Queued", Duration: 90, Tags: "VIP;Gold" });
    expect(built.errors).toEqual({ RegionId: "Required" });
  });

  it("an update sends only changed fields, and null for a cleared one", () => {
    const record = {
      UID: "j-1",
      Description: "old",
      JobStatus: "Queued",
      Duration: 60,
      RegionId: "r-1",
      Start: "2027-01-01T09:00:00.000Z",
    };
    const initial = draftFromRecord(Jobs, record);
    const draft = { ...initial, JobStatus: "Dispatched", Description: "" };
    expect(buildInput(Jobs, draft, initial)).toEqual({
      input: { JobStatus: "Dispatched", Description: null },
      errors: {},
    });
    expect(buildInput(Jobs, { ...initial, Duration: "1.5" }, initial).errors).toEqual({
      Duration: "Must be a whole number",
    });
  });

  it("datetime-local values are read in local time and sent as UTC", () => {
    const iso = localInputToIso("2027-01-01T09:30");
    expect(iso).toBe(new Date(2027, 0, 1, 9, 30).toISOString());
    expect(localInputToIso("tomorrow")).toBeNull();
    const draft = draftFromRecord(Jobs, { Start: iso });
    expect(draft.Start).toBe("2027-01-01T09:30");
  });
});
