import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { executeGraphql } from "@/lib/lens";

import { makeUser, resetDatabase } from "../helpers";
import { createCountingDb, StatementLog } from "./counting-db";
import { listAt, makeBasics, makeJobs, resetLens, type Basics } from "./lens-helpers";

const log = new StatementLog();
const countingDb = createCountingDb(log);
let basics: Basics;

afterAll(() => countingDb.$disconnect());

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  basics = await makeBasics();
  log.beforeInTransaction = undefined;
});

describe("a query reads one snapshot", () => {
  it("a job committed between the page and its totalCount is in neither", async () => {
    await makeJobs(3, () => ({ RegionId: basics.regionId }));
    const user = await makeUser("viewer");
    const principal = { ...user, userId: user.id, role: "viewer" as const, via: "token" as const };
    // totalCount is the query's second statement: commit a fourth job through
    // the app's own client, another connection, just before it is sent.
    let committed = false;
    log.beforeInTransaction = async (sql) => {
      if (committed || !/COUNT\(/i.test(sql)) return;
      committed = true;
      await makeJobs(1, () => ({ RegionId: basics.regionId }));
    };

    const result = await executeGraphql(
      { query: "{ jobs(first: 50) { totalCount edges { node { UID } } } }" },
      principal,
      { db: countingDb },
    );

    expect(committed).toBe(true);
    expect(result.errors).toBeUndefined();
    expect(listAt(result.data, "jobs", "edges")).toHaveLength(3);
    expect(result.data).toMatchObject({ jobs: { totalCount: 3 } });
  });
});
