import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";

import { makeToken, resetDatabase } from "../helpers";
import { gql, makeBasics, makeJobs, resetLens, type Basics, type GqlError } from "./lens-helpers";

let admin: string;
let basics: Basics;

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  ({ token: admin } = await makeToken("admin"));
  basics = await makeBasics();
});

async function oneError(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
  const result = await gql({ token: admin }, query, variables);
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors;
  if (!error) throw new Error("no error");

  return error;
}

const insertJob = (fields: string) => `mutation { schema { j: insertJobs(input: { ${fields} }) } }`;

describe("input errors name the field and the operation's path", () => {
  it("an unknown picklist value lists the allowed ones", async () => {
    const error = await oneError(
      insertJob(`RegionId: "${basics.regionId}", Duration: 1, Urgency: "Meh"`),
    );

    expect(error.path).toEqual(["schema", "j"]);
    expect(error.message).toBe(
      "Urgency: 'Meh' is not an allowed value; use one of 'Low', 'Normal', 'High', 'Critical'",
    );
    expect(error.extensions).toEqual({ code: "FIELD_ERROR", field: "Urgency" });
  });

  it("a missing required field", async () => {
    const error = await oneError(insertJob(`RegionId: "${basics.regionId}"`));

    expect(error.path).toEqual(["schema", "j"]);
    expect(error.message).toBe("Duration: is required on Jobs");
  });

  it("a lookup id that names no record", async () => {
    const error = await oneError(
      insertJob(`RegionId: "00000000-0000-0000-0000-000000000000", Duration: 1`),
    );

    expect(error.message).toBe(
      "RegionId: no Regions record has UID '00000000-0000-0000-0000-000000000000'",
    );
  });

  it("a read-only field, in the document and in variables", async () => {
    const inline = await oneError(
      insertJob(`RegionId: "${basics.regionId}", Duration: 1, Name: "JOB-9"`),
    );
    expect(inline.message).toContain('Field "Name" is not defined by type "NewJobs"');
    expect(inline.message).toContain("Jobs.Name is read-only: Tripline sets it.");
    expect(inline.locations?.[0]?.line).toBe(1);

    const variable = await oneError(
      `mutation($c: UpdateContacts!) { schema { updateContacts(input: $c) } }`,
      {
        c: { UID: basics.contactId, FullName: "X" },
      },
    );
    expect(variable.message).toContain("Contacts.FullName is read-only");
  });

  it("an unknown field", async () => {
    const query = insertJob(`RegionId: "${basics.regionId}", Duration: 1, Colour: "red"`);
    const error = await oneError(query);

    expect(error.message).toContain('Field "Colour" is not defined by type "NewJobs"');
    expect(error.locations).toEqual([{ line: 1, column: query.indexOf("Colour") + 1 }]);
  });

  it("a value of the wrong shape", async () => {
    const error = await oneError(
      insertJob(`RegionId: "${basics.regionId}", Duration: 1, Start: "tomorrow"`),
    );

    expect(error.message).toBe(
      "Start: 'tomorrow' is not an ISO-8601 date-time with a zone, such as 2027-01-01T09:00:00Z",
    );
  });

  it("a Duration of zero or fewer minutes, on insert and on update", async () => {
    for (const duration of [0, -30]) {
      const error = await oneError(
        insertJob(`RegionId: "${basics.regionId}", Duration: ${duration}`),
      );
      expect(error.path).toEqual(["schema", "j"]);
      expect(error.message).toBe(`Duration: must be at least 1; got ${duration}`);
      expect(error.extensions).toEqual({ code: "FIELD_ERROR", field: "Duration" });
    }
    const [uid] = await makeJobs(1, () => ({ RegionId: basics.regionId, Duration: 1 }));
    const update = await oneError(
      `mutation { schema { updateJobs(input: { UID: "${uid}", Duration: 0 }) } }`,
    );
    expect(update.message).toBe("Duration: must be at least 1; got 0");
    const stored = await getDb().job.findMany({ select: { Duration: true } });
    expect(stored).toEqual([{ Duration: 1 }]);
  });

  it("null for a field that must have a value", async () => {
    const [uid] = await makeJobs(1, () => ({ RegionId: basics.regionId }));
    const error = await oneError(
      `mutation { schema { updateJobs(input: { UID: "${uid}", JobStatus: null }) } }`,
    );

    expect(error.message).toBe("JobStatus: cannot be null");
  });

  it("updating or deleting a record that does not exist", async () => {
    const update = await oneError(
      `mutation { schema { updateJobs(input: { UID: "nope", Duration: 2 }) } }`,
    );
    expect(update.message).toBe("no Jobs record has UID 'nope'");
    expect(update.extensions?.code).toBe("NOT_FOUND");

    const remove = await oneError(`mutation { schema { deleteRegions(UID: "nope") } }`);
    expect(remove.extensions?.code).toBe("NOT_FOUND");
  });

  it("deleting a record others point at is refused, naming them", async () => {
    const error = await oneError(
      `mutation { schema { deleteRegions(UID: "${basics.regionId}") } }`,
    );

    expect(error.extensions?.code).toBe("REFERENCED");
    expect(error.message).toContain("is still the Region of Accounts records");
    expect(await getDb().region.count()).toBe(2);
  });
});

describe("query argument errors", () => {
  it("orderBy on an unknown field or in a bad form", async () => {
    const unknown = await oneError(`{ jobs(orderBy: "Colour DESC") { totalCount } }`);
    expect(unknown.path).toEqual(["jobs"]);
    expect(unknown.message).toBe("orderBy: Jobs has no field 'Colour'");

    const badForm = await oneError(`{ jobs(orderBy: "Start DOWN") { totalCount } }`);
    expect(badForm.message).toBe(
      "orderBy: 'Start DOWN' is not 'Field', 'Field ASC' or 'Field DESC'",
    );

    const lookup = await oneError(`{ jobs(orderBy: "Region.Name") { totalCount } }`);
    expect(lookup.extensions?.code).toBe("BAD_ARGUMENT");
  });

  it("first above 200 or below 0", async () => {
    expect((await oneError(`{ jobs(first: 201) { totalCount } }`)).message).toBe(
      "first: must be between 0 and 200",
    );
    expect((await oneError(`{ jobs(first: -1) { totalCount } }`)).message).toBe(
      "first: must be between 0 and 200",
    );
  });

  it("a cursor that is not one, or was made for another order", async () => {
    await makeJobs(2, () => ({ RegionId: basics.regionId }));
    const garbage = await oneError(`{ jobs(after: "not-a-cursor") { totalCount } }`);
    expect(garbage.message).toBe("after: the cursor is not a cursor Tripline made");

    const page = await gql({ token: admin }, `{ jobs(first: 1) { pageInfo { endCursor } } }`);
    const cursor = JSON.stringify(page.data).match(/"endCursor":"([^"]+)"/)?.[1] ?? "";
    const other = await oneError(`{ jobs(orderBy: "Name", after: "${cursor}") { totalCount } }`);
    expect(other.message).toBe("after: the cursor was made for another orderBy");
  });

  it("an EQL error names its position in the filter", async () => {
    const error = await oneError(`{ jobs(filter: "JobStatus == ") { totalCount } }`);

    expect(error.path).toEqual(["jobs"]);
    expect(error.message).toMatch(/^filter: line 1, column 1[0-4]: /);
    expect(error.extensions).toMatchObject({ code: "EQL_ERROR", field: "filter", line: 1 });
    expect(error.extensions?.column).toEqual(expect.any(Number));
  });

  it("an unknown field in a filter is an EQL error too", async () => {
    const error = await oneError(`{ jobs(filter: "Colour == 'red'") { totalCount } }`);

    expect(error.extensions).toMatchObject({ code: "EQL_ERROR", line: 1, column: 1 });
  });
});

describe("document errors", () => {
  it("a syntax error answers 200 with its location and no data", async () => {
    const result = await gql({ token: admin }, `{ jobs { totalCount }`);

    expect(result.status).toBe(200);
    expect(result.body.data).toBeUndefined();
    expect(result.errors[0]?.locations).toEqual([{ line: 1, column: 22 }]);
  });

  it("an unknown field is a validation error", async () => {
    const result = await gql({ token: admin }, `{ jobs { edges { node { Colour } } } }`);

    expect(result.errors[0]?.message).toContain('Cannot query field "Colour" on type "Job"');
  });

  it("a subscription is not served here", async () => {
    const result = await gql({ token: admin }, `subscription { jobs { totalCount } }`);

    expect(result.errors[0]?.message).toBeTruthy();
  });
});
