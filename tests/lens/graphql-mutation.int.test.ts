import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";

import { BASE, makeToken, makeUser, resetDatabase, sessionCookie } from "../helpers";
import { allEvents, at, gql, makeBasics, makeJobs, resetLens, type Basics } from "./lens-helpers";

let admin: string;
let basics: Basics;

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  ({ token: admin } = await makeToken("admin"));
  basics = await makeBasics();
});

describe("mutations in Skedulo's shape", () => {
  it("insert, update and delete each answer the record's UID under its alias", async () => {
    const inserted = await gql(
      { token: admin },
      `mutation { schema {
         j1: insertJobs(input: { RegionId: "${basics.regionId}", Duration: 60,
                                  Start: "2027-01-01T09:00:00Z", Tags: "VIP; Fragile ;VIP" })
         j2: insertJobs(input: { RegionId: "${basics.regionId}", Duration: 30, Urgency: "High" }) } }`,
    );
    expect(inserted.errors).toEqual([]);
    const j1 = String(at(inserted.data, "schema", "j1"));
    const j2 = String(at(inserted.data, "schema", "j2"));
    const db = getDb();
    expect(await db.job.findUniqueOrThrow({ where: { UID: j1 } })).toMatchObject({
      Name: "JOB-0001",
      JobStatus: "Queued",
      Urgency: "Normal",
      Tags: "VIP;Fragile",
      Start: new Date("2027-01-01T09:00:00Z"),
    });
    expect(await db.job.findUniqueOrThrow({ where: { UID: j2 } })).toMatchObject({
      Name: "JOB-0002",
      Urgency: "High",
    });

    const changed = await gql(
      { token: admin },
      `mutation { schema {
         updateJobs(input: { UID: "${j1}", JobStatus: "Dispatched", Start: null })
         deleteJobs(UID: "${j2}") } }`,
    );
    expect(changed.errors).toEqual([]);
    expect(changed.data).toEqual({ schema: { updateJobs: j1, deleteJobs: j2 } });
    expect(await db.job.findUniqueOrThrow({ where: { UID: j1 } })).toMatchObject({
      JobStatus: "Dispatched",
      Start: null,
    });
    expect(await db.job.findUnique({ where: { UID: j2 } })).toBeNull();
  });

  it("an idAlias stands for the inserted record's UID later in the same request", async () => {
    const result = await gql(
      { token: admin },
      `mutation { schema {
         insertRegions(input: { Name: "East", Timezone: "America/New_York" }, idAlias: "EAST")
         insertJobs(input: { RegionId: "EAST", Duration: 45 }) } }`,
    );

    expect(result.errors).toEqual([]);
    const job = await getDb().job.findUniqueOrThrow({
      where: { UID: String(at(result.data, "schema", "insertJobs")) },
      include: { Region: true },
    });
    expect(job.Region.Name).toBe("East");
    expect(job.RegionId).toBe(at(result.data, "schema", "insertRegions"));
  });

  it("variables work as input", async () => {
    const result = await gql(
      { token: admin },
      `mutation($input: NewContacts!) { schema { insertContacts(input: $input) } }`,
      { input: { FirstName: "Grace", LastName: "Hopper" } },
    );

    expect(result.errors).toEqual([]);
    const contact = await getDb().contact.findUniqueOrThrow({
      where: { UID: String(at(result.data, "schema", "insertContacts")) },
    });
    expect(contact.FullName).toBe("Grace Hopper");
  });

  it("FullName follows FirstName and LastName on update", async () => {
    const result = await gql(
      { token: admin },
      `mutation { schema { updateContacts(input: { UID: "${basics.contactId}", FirstName: null, LastName: "Byron" }) } }`,
    );

    expect(result.errors).toEqual([]);
    const contact = await getDb().contact.findUniqueOrThrow({ where: { UID: basics.contactId } });
    expect(contact.FullName).toBe("Byron");
  });
});

describe("atomicity", () => {
  it("a failing second operation leaves no trace of the first and no change event", async () => {
    const before = await allEvents();
    const result = await gql(
      { token: admin },
      `mutation { schema {
         ok: insertJobs(input: { RegionId: "${basics.regionId}", Duration: 60 })
         bad: insertJobs(input: { RegionId: "${basics.regionId}", Duration: 60, JobStatus: "Lost" })
         never: insertJobs(input: { RegionId: "${basics.regionId}", Duration: 60 }) } }`,
    );

    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toEqual(["schema", "bad"]);
    expect(await getDb().job.count()).toBe(0);
    expect(await allEvents()).toEqual(before);

    // The rolled-back insert's name is handed out again: no gap.
    const next = await gql(
      { token: admin },
      `mutation { schema { insertJobs(input: { RegionId: "${basics.regionId}", Duration: 5 }) } }`,
    );
    const job = await getDb().job.findUniqueOrThrow({
      where: { UID: String(at(next.data, "schema", "insertJobs")) },
    });
    expect(job.Name).toBe("JOB-0001");
  });

  it("a failed update after a delete restores the deleted record", async () => {
    const [first, second] = await makeJobs(2, () => ({ RegionId: basics.regionId }));
    const result = await gql(
      { token: admin },
      `mutation { schema {
         deleteJobs(UID: "${first}")
         updateJobs(input: { UID: "${second}", RegionId: "no-such-region" }) } }`,
    );

    expect(result.data).toBeNull();
    expect(result.errors[0]?.extensions).toMatchObject({ code: "FIELD_ERROR", field: "RegionId" });
    expect(await getDb().job.count()).toBe(2);
  });
});

describe("viewers", () => {
  it("a viewer's mutation is refused with 403 and writes nothing", async () => {
    const { token } = await makeToken("viewer");
    const result = await gql(
      { token },
      `mutation { schema { insertRegions(input: { Name: "X", Timezone: "UTC" }) } }`,
    );

    expect(result.status).toBe(403);
    expect(result.body.errorType).toBe("forbidden");
    expect(await getDb().region.count()).toBe(2);
  });

  it("a viewer's console session is refused a mutation too; an admin's is not", async () => {
    const mutation = `mutation { schema { insertRegions(input: { Name: "X", Timezone: "UTC" }) } }`;
    const events = (await allEvents()).length;
    // From the console's own origin, so only the role can be the reason.
    const asViewer = { cookie: await sessionCookie((await makeUser("viewer")).id), origin: BASE };
    const refused = await gql({ headers: asViewer }, mutation);

    expect(refused.status).toBe(403);
    expect(refused.body.errorType).toBe("forbidden");
    expect(refused.body.message).toBe("mutations need the admin role; viewers may only query");
    expect(await getDb().region.count()).toBe(2);
    expect(await allEvents()).toHaveLength(events);

    const asAdmin = { cookie: await sessionCookie((await makeUser("admin")).id), origin: BASE };
    const accepted = await gql({ headers: asAdmin }, mutation);
    expect(accepted.errors).toEqual([]);
    expect(await getDb().region.count()).toBe(3);
  });
});
