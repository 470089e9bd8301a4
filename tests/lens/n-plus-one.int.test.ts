import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { executeGraphql, SEED_ACTOR, writeRecords } from "@/lib/lens";

import { makeUser, resetDatabase } from "../helpers";
import { createCountingDb, StatementLog } from "./counting-db";
import { listAt, makeBasics, resetLens } from "./lens-helpers";

const log = new StatementLog();
const countingDb = createCountingDb(log);

afterAll(() => countingDb.$disconnect());

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
});

async function makeJobsWithCrews(count: number): Promise<void> {
  const basics = await makeBasics();
  await writeRecords(SEED_ACTOR, async (writer) => {
    for (let index = 0; index < count; index++) {
      const job = await writer.insert("Jobs", {
        Duration: 30,
        RegionId: index % 2 ? basics.regionId : basics.otherRegionId,
        ContactId: index % 3 ? basics.contactId : null,
      });
      for (const resourceId of basics.resourceIds.slice(0, 1 + (index % 3))) {
        await writer.insert("JobAllocations", { JobId: job.UID, ResourceId: resourceId });
      }
    }
  });
}

const QUERY = `{ jobs(first: 50) { totalCount edges { node {
  Name Region { Name } Contact { FullName } JobAllocations { Status Resource { Name } } } } } }`;

async function statementsFor(query: string) {
  const user = await makeUser("viewer");
  const principal = { ...user, userId: user.id, role: "viewer" as const, via: "token" as const };
  log.clear();
  const result = await executeGraphql({ query }, principal, { db: countingDb });
  expect(result.errors).toBeUndefined();

  return { result, statements: [...log.statements] };
}

describe("query count", () => {
  it("50 jobs with Region, Contact and JobAllocations { Resource } take 6 queries", async () => {
    await makeJobsWithCrews(60);
    const { result, statements } = await statementsFor(QUERY);

    expect(listAt(result.data, "jobs", "edges")).toHaveLength(50);
    // The page, its count, then one query per relation level: Region,
    // Contact, JobAllocations and their Resources.
    expect(statements).toHaveLength(6);
  });

  it("the count does not grow with the number of records", async () => {
    await makeJobsWithCrews(3);
    const { statements } = await statementsFor(QUERY);

    expect(statements).toHaveLength(6);
  });
});
