import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { compileRecordFilter, EqlError } from "@/lib/eql";

import { annotatedSchema } from "./annotated-schema";
import { jobFilterArb, resourceFilterArb } from "./record-filters";
import { removeRecords, seedRecords, type Seeded } from "./seed";

/**
 * The evaluator and the Prisma translation must agree on every filter, on
 * SQLite and on PostgreSQL: 600 random filters over seeded Jobs and 200 over
 * Resources (a boolean that is never null, a nullable lookup), each run both
 * ways, comparing the sets of matching records. Nulls, absent relations,
 * case, wildcards and NOT are where the two tend to part.
 */
const db = getDb();
const provider = getConfig().database.kind;
const schema = annotatedSchema();
const now = new Date("2027-03-10T12:00:00.000Z");

let seeded: Seeded | undefined;
let jobs: Readonly<Record<string, unknown>>[] = [];
let resources: Readonly<Record<string, unknown>>[] = [];

/**
 * The translation is plain data typed loosely on purpose (EQL knows no
 * Prisma types); Prisma validates it when the query runs.
 */
function isJobWhere(where: unknown): where is Prisma.JobWhereInput {
  return typeof where === "object" && where !== null;
}

function isResourceWhere(where: unknown): where is Prisma.ResourceWhereInput {
  return typeof where === "object" && where !== null;
}

beforeAll(async () => {
  seeded = await seedRecords(db, now);
  jobs = await db.job.findMany({
    where: { UID: { in: seeded.jobIds } },
    include: {
      Region: true,
      Account: { include: { Region: true } },
      Contact: { include: { Account: true, Region: true } },
    },
  });
  resources = await db.resource.findMany({
    where: { UID: { in: seeded.resourceIds } },
    include: { PrimaryRegion: true },
  });
});

afterAll(async () => {
  if (seeded) await removeRecords(db, seeded);
});

/** One object under test: its seeded records as the evaluator sees them, and its query. */
interface Target {
  readonly object: "Jobs" | "Resources";
  records(): readonly Readonly<Record<string, unknown>>[];
  query(where: Record<string, unknown>): Promise<{ UID: string }[]>;
}

const JOBS: Target = {
  object: "Jobs",
  records: () => jobs,
  query: (where) => {
    if (!isJobWhere(where)) throw new Error("the translation is not an object");

    return db.job.findMany({
      where: { AND: [{ UID: { in: seeded?.jobIds ?? [] } }, where] },
      select: { UID: true },
    });
  },
};

const RESOURCES: Target = {
  object: "Resources",
  records: () => resources,
  query: (where) => {
    if (!isResourceWhere(where)) throw new Error("the translation is not an object");

    return db.resource.findMany({
      where: { AND: [{ UID: { in: seeded?.resourceIds ?? [] } }, where] },
      select: { UID: true },
    });
  },
};

async function queried(target: Target, text: string): Promise<string[]> {
  const filter = compileRecordFilter(text, schema, target.object);
  const rows = await target.query(filter.toPrismaWhere({ provider, now }));

  return rows.map((row) => row.UID).sort();
}

function evaluated(target: Target, text: string): string[] {
  const filter = compileRecordFilter(text, schema, target.object);

  return target
    .records()
    .filter((record) => filter.matches(record, { now }))
    .map((record) => String(record.UID))
    .sort();
}

/** Runs `runs` random filters both ways; returns how many told the records apart. */
async function agreeOn(target: Target, filters: fc.Arbitrary<string>, runs: number) {
  let nonTrivial = 0;
  await fc.assert(
    fc.asyncProperty(filters, async (text) => {
      const expected = evaluated(target, text);

      expect({ text, matches: await queried(target, text) }).toEqual({ text, matches: expected });
      if (expected.length > 0 && expected.length < target.records().length) nonTrivial += 1;
    }),
    { seed: 20261203, numRuns: runs },
  );

  return nonTrivial;
}

describe(`EQL on ${provider}`, () => {
  const literalWildcards = provider === "postgresql";

  it("matches the same jobs in memory and in the database for 600 random filters", async () => {
    const nonTrivial = await agreeOn(JOBS, jobFilterArb({ records: jobs, literalWildcards }), 600);

    // The filters must tell records apart, or agreeing would prove little.
    expect(nonTrivial).toBeGreaterThan(300);
  });

  it("matches the same resources in memory and in the database for 200 random filters", async () => {
    const filters = resourceFilterArb({ records: resources, literalWildcards });

    expect(await agreeOn(RESOURCES, filters, 200)).toBeGreaterThan(100);
  });

  it.runIf(provider === "sqlite")(
    "finds no escape for % in Prisma's SQLite LIKE, which is why queries refuse a literal one",
    async () => {
      // Prisma 6.19 sends `LIKE ?` with no ESCAPE clause (prisma/prisma#23611) and SQLite's LIKE
      // has no default escape, so `\%` is a backslash and a wildcard. Should an upgrade add an
      // escape, "100% done" matches `0\%` and prisma-like.ts can stop refusing literal % and _.
      const where = { UID: { in: seeded?.jobIds ?? [] }, Description: { contains: "0\\%" } };
      const withPercent = jobs.filter((job) => String(job.Description).includes("0%"));

      expect(withPercent.length).toBeGreaterThan(0);
      expect(await db.job.count({ where })).toBe(0);
    },
  );

  it("agrees on the cases most likely to part", async () => {
    const cases: readonly (readonly [Target, string])[] = [
      [JOBS, "Description != 'Fix the pump'"],
      [JOBS, "NOT Description LIKE '%pump%'"],
      [JOBS, "Account.BillingCity == null"],
      [JOBS, "NOT Account.Region.Name == 'North'"],
      [JOBS, "Account.Region.Name != 'North' AND Contact.FirstName NOTLIKE 'a%'"],
      [JOBS, "Tags INCLUDES 'vip' AND Tags EXCLUDES ['gold']"],
      [JOBS, "NOT (Tags INCLUDES 'VIP' OR Region.Description == null)"],
      [JOBS, "Description LIKE '%\\\\\\\\%' OR Address LIKE '\\\\%\\\\_\\\\%'"],
      [JOBS, "Name LIKE 'job-%' AND Start > NOW() - 7d"],
      [JOBS, "Region.Name LIKE 'south%' AND Region.Name LIKE '%\\\\\\\\%'"],
      [JOBS, "Description LIKE 'two_lines'"],
      [JOBS, "null == Description OR null != Account.Region.Description"],
      [RESOURCES, "IsActive == true"],
      [RESOURCES, "NOT IsActive != false"],
      [RESOURCES, "IsActive == null OR false != IsActive"],
      [RESOURCES, "NOT (IsActive == true AND PrimaryRegion.Name == 'North')"],
      [RESOURCES, "PrimaryRegion.Description == null AND IsActive != true"],
      [RESOURCES, "Category LIKE '%r' AND NOT Email LIKE '%@example.com'"],
    ];
    for (const [target, text] of cases) {
      let matches: string[];
      try {
        matches = await queried(target, text);
      } catch (error) {
        // LIMITATION (prisma-like.ts): literal % and _ cannot be matched on SQLite.
        const refused = error instanceof EqlError && error.reason.includes("on SQLite");
        if (provider === "sqlite" && refused) continue;
        throw error;
      }

      expect({ text, matches }).toEqual({ text, matches: evaluated(target, text) });
    }
  });
});
