import { randomUUID } from "node:crypto";

import type { Db } from "@/lib/db";
import { JOB_STATUSES, URGENCIES } from "@/lib/lens/registry";

/**
 * Records for the differential test: Regions, Accounts, Contacts, Jobs and
 * Resources with every awkward case the filters meet (nulls, empty text,
 * case variants, `%`, `_`, `\` and `;` in text, absent relations, both
 * booleans). All text is ASCII, where SQLite and PostgreSQL agree on
 * case-insensitivity.
 */
export interface Seeded {
  regionIds: string[];
  accountIds: string[];
  contactIds: string[];
  jobIds: string[];
  resourceIds: string[];
}

/** A small deterministic generator (mulberry32), so every run seeds the same records. */
function random(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTIONS = [
  null,
  "",
  "Fix the pump",
  "fix THE pump",
  "100% done",
  "under_score",
  "back\\slash",
  "two\nlines",
  "a;b",
  "VIP",
];
const TYPES = [null, "Install", "install", "Repair", ""];
const ADDRESSES = [null, "1 Main Street", "1 main st", "PO Box 5", "%_%"];
const TAGS = [
  null,
  "",
  "VIP",
  "vip;Gold",
  "VIPX",
  "Gold;VIP",
  "a;VIP;b",
  "Gold",
  "gold;silver",
  "x_y;100%",
  "VIP;",
  ";VIP",
  "VIP;VIP",
  "XVIP;b",
];
const EMAILS = [null, "", "ann@example.com", "ANN@example.com", "b_c@x.org", "100%@x.org"];
const CATEGORIES = [null, "", "Plumber", "plumber", "Elec_trician", "Crane;Rigger"];
const DURATIONS = [0, 15, 30, 45, 60, 90, 120, -5];
const TIMEZONES = [null, "UTC", "Australia/Brisbane"];

export async function seedRecords(db: Db, now: Date): Promise<Seeded> {
  const run = randomUUID().slice(0, 8);
  const next = random(20261203);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("nothing to pick from");

    return item;
  };
  const hours = (count: number) => new Date(now.getTime() + count * 3_600_000);

  const regions = await Promise.all(
    [
      {
        Name: "North",
        Timezone: "Australia/Brisbane",
        CountryCode: "AU",
        Description: "Cold_and 100% wet",
      },
      { Name: "north east", Timezone: "UTC", CountryCode: null, Description: null },
      { Name: "South\\West", Timezone: "Pacific/Auckland", CountryCode: "NZ", Description: "" },
      { Name: "VIP;Gold", Timezone: "UTC", CountryCode: "au", Description: "a%b_c" },
    ].map((data) => db.region.create({ data })),
  );
  const regionId = (index: number) => regions[index]?.UID ?? null;
  const accounts = await Promise.all(
    [
      { Name: "Acme", BillingCity: "Brisbane", RegionId: regionId(0) },
      { Name: "acme pty", BillingCity: null, RegionId: null },
      { Name: "Zeta_Co", BillingCity: "", RegionId: regionId(2) },
      { Name: "Beta%", BillingCity: "Auckland", RegionId: regionId(3) },
    ].map((data) => db.account.create({ data })),
  );
  const accountId = (index: number) => accounts[index]?.UID ?? null;
  const contacts = await Promise.all(
    [
      {
        FirstName: "Ann",
        LastName: "Lee",
        Email: "ann@example.com",
        AccountId: accountId(0),
        RegionId: regionId(0),
      },
      { FirstName: null, LastName: "O'Brien", Email: null, AccountId: null, RegionId: null },
      {
        FirstName: "bob",
        LastName: "Smith_Jones",
        Email: "BOB@EXAMPLE.COM",
        AccountId: accountId(2),
        RegionId: regionId(1),
      },
      {
        FirstName: "",
        LastName: "Ng",
        Email: "ng@example.org",
        AccountId: accountId(1),
        RegionId: regionId(3),
      },
    ].map((data) =>
      db.contact.create({
        data: { ...data, FullName: [data.FirstName, data.LastName].filter(Boolean).join(" ") },
      }),
    ),
  );

  const jobs = [];
  for (let i = 0; i < 48; i++) {
    const start = next() < 0.2 ? null : hours(Math.round((next() - 0.5) * 800));
    const duration = pick(DURATIONS);
    jobs.push(
      await db.job.create({
        data: {
          Name: `${pick(["JOB", "job", "Job_X"])}-${run}-${String(i).padStart(3, "0")}`,
          Description: pick(DESCRIPTIONS),
          JobStatus: pick(JOB_STATUSES),
          Type: pick(TYPES),
          Urgency: pick(URGENCIES),
          Start: start,
          End: start && next() < 0.8 ? new Date(start.getTime() + duration * 60_000) : null,
          Duration: duration,
          Timezone: pick(TIMEZONES),
          Address: pick(ADDRESSES),
          Tags: pick(TAGS),
          AccountId: next() < 0.25 ? null : pick(accounts).UID,
          ContactId: next() < 0.25 ? null : pick(contacts).UID,
          RegionId: pick(regions).UID,
          CreatedDate: hours(-Math.round(next() * 2000)),
        },
      }),
    );
  }

  const resources = [];
  for (let i = 0; i < 16; i++) {
    resources.push(
      await db.resource.create({
        data: {
          Name: `${pick(["Res", "res", "R_s"])}-${run}-${String(i).padStart(2, "0")}`,
          Email: pick(EMAILS),
          Category: pick(CATEGORIES),
          CountryCode: pick([null, "AU", "au", "NZ"]),
          IsActive: next() < 0.6,
          PrimaryRegionId: next() < 0.3 ? null : pick(regions).UID,
        },
      }),
    );
  }

  return {
    resourceIds: resources.map((record) => record.UID),
    regionIds: regions.map((record) => record.UID),
    accountIds: accounts.map((record) => record.UID),
    contactIds: contacts.map((record) => record.UID),
    jobIds: jobs.map((record) => record.UID),
  };
}

/** Deletes what `seedRecords` made, children first; other tests' records stay. */
export async function removeRecords(db: Db, seeded: Seeded): Promise<void> {
  await db.job.deleteMany({ where: { UID: { in: seeded.jobIds } } });
  await db.resource.deleteMany({ where: { UID: { in: seeded.resourceIds } } });
  await db.contact.deleteMany({ where: { UID: { in: seeded.contactIds } } });
  await db.account.deleteMany({ where: { UID: { in: seeded.accountIds } } });
  await db.region.deleteMany({ where: { UID: { in: seeded.regionIds } } });
}
