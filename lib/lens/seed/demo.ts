import { getDb, type Db } from "@/lib/db";

import { SEED_ACTOR } from "../actor";
import { writeRecords, type RecordWriter } from "../records/record-writer";
import { incrementCounter, readCounter } from "../records/write-transaction";
import { ALLOCATION_STATUSES, JOB_STATUSES, URGENCIES } from "../registry";
import type { LensRecord } from "../values";
import {
  DEMO_ACCOUNTS,
  DEMO_REGIONS,
  FIRST_NAMES,
  JOB_TYPES,
  LAST_NAMES,
  RESOURCE_CATEGORIES,
  STREETS,
  TAG_SETS,
} from "./demo-catalog";

/** The Counter row that marks a database as seeded. */
export const DEMO_MARKER = "demo_seeded";

export class DemoAlreadySeeded extends Error {
  override name = "DemoAlreadySeeded";

  constructor() {
    super("demo data is already in this database; pass --force to add another set");
  }
}

export interface DemoSummary {
  regions: number;
  accounts: number;
  contacts: number;
  resources: number;
  jobs: number;
  allocations: number;
}

export interface SeedOptions {
  force?: boolean;
  jobs?: number;
  db?: Db;
}

/**
 * Writes a small, plausible data set through the record writer, so every
 * record has its change event like any other. It is one transaction: a seed
 * that fails leaves nothing, and two seeds started at once cannot both pass
 * the marker check, because the check runs after the write gate is taken.
 */
export async function seedDemoData(options: SeedOptions = {}): Promise<DemoSummary> {
  return writeRecords(
    SEED_ACTOR,
    async (writer) => {
      const { tx } = writer.scope;
      if (!options.force && (await readCounter(tx, DEMO_MARKER)) !== null) {
        throw new DemoAlreadySeeded();
      }
      const summary = await seed(writer, options.jobs ?? 200);
      await incrementCounter(tx, DEMO_MARKER);

      return summary;
    },
    { db: options.db ?? getDb(), limits: { timeout: 300_000 } },
  );
}

/** A fixed-seed generator, so every demo set looks the same apart from its dates. */
function random(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pickFrom<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error("cannot pick from an empty list");

  return item;
}

const HOUR = 3_600_000;

async function seed(writer: RecordWriter, jobCount: number): Promise<DemoSummary> {
  const next = random(4242);
  const uid = (record: LensRecord) => String(record.UID);

  const regions: string[] = [];
  for (const region of DEMO_REGIONS) regions.push(uid(await writer.insert("Regions", region)));

  const accounts: { uid: string; region: string }[] = [];
  for (const [index, [name, city]] of DEMO_ACCOUNTS.entries()) {
    const region = regions[index % regions.length] ?? null;
    const account = await writer.insert("Accounts", {
      Name: name,
      BillingCity: city,
      RegionId: region,
    });
    accounts.push({ uid: uid(account), region: String(region) });
  }

  const contacts: { uid: string; account: string; region: string }[] = [];
  for (const [index, lastName] of LAST_NAMES.entries()) {
    const account = accounts[index % accounts.length];
    if (!account) continue;
    const firstName = FIRST_NAMES[index] ?? null;
    const contact = await writer.insert("Contacts", {
      FirstName: firstName,
      LastName: lastName,
      MobilePhone: `+1555${String(1_000_000 + index * 7919).slice(-7)}`,
      Email: `${String(firstName).toLowerCase()}.${lastName.toLowerCase()}@example.com`,
      AccountId: account.uid,
      RegionId: account.region,
    });
    contacts.push({ uid: uid(contact), account: account.uid, region: account.region });
  }

  const resources: { uid: string; region: string }[] = [];
  for (let index = 0; index < 12; index++) {
    const region = regions[index % regions.length] ?? "";
    const name = `${pickFrom(next, FIRST_NAMES)} ${pickFrom(next, LAST_NAMES)}`;
    const resource = await writer.insert("Resources", {
      Name: name,
      Category: RESOURCE_CATEGORIES[index % RESOURCE_CATEGORIES.length],
      IsActive: index % 6 !== 5,
      PrimaryRegionId: region,
      MobilePhone: `+1555${String(2_000_000 + index * 104_729).slice(-7)}`,
    });
    resources.push({ uid: uid(resource), region });
  }

  // Jobs spread from ten days ago to twenty days ahead, on the hour.
  const base = Math.floor(Date.now() / HOUR) * HOUR - 10 * 24 * HOUR;
  let allocations = 0;
  for (let index = 0; index < jobCount; index++) {
    const contact = pickFrom(next, contacts);
    const status = pickFrom(next, JOB_STATUSES);
    const start = new Date(base + Math.floor(next() * 30 * 24) * HOUR);
    const duration = 30 * (1 + Math.floor(next() * 8));
    const job = await writer.insert("Jobs", {
      Description: `${pickFrom(next, JOB_TYPES)} at ${pickFrom(next, DEMO_ACCOUNTS)[0]}`,
      JobStatus: status,
      Type: pickFrom(next, JOB_TYPES),
      Urgency: pickFrom(next, URGENCIES),
      Start: start,
      End: new Date(start.getTime() + duration * 60_000),
      Duration: duration,
      Address: `${1 + Math.floor(next() * 200)} ${pickFrom(next, STREETS)}`,
      Tags: pickFrom(next, TAG_SETS),
      AccountId: contact.account,
      ContactId: contact.uid,
      RegionId: contact.region,
    });
    if (status === "Queued" || status === "Pending Allocation") continue;

    const local = resources.filter((resource) => resource.region === contact.region);
    const pool = local.length ? local : resources;
    // Consecutive members from a random start: one or two different people.
    const first = Math.floor(next() * pool.length);
    const crew = Math.min(pool.length, 1 + Math.floor(next() * 2));
    for (let member = 0; member < crew; member++) {
      const resource = pool[(first + member) % pool.length];
      if (!resource) continue;
      await writer.insert("JobAllocations", {
        JobId: uid(job),
        ResourceId: resource.uid,
        Status: pickFrom(next, ALLOCATION_STATUSES.slice(0, 8)),
        Start: start,
        End: new Date(start.getTime() + duration * 60_000),
      });
      allocations += 1;
    }
  }

  return {
    regions: regions.length,
    accounts: accounts.length,
    contacts: contacts.length,
    resources: resources.length,
    jobs: jobCount,
    allocations,
  };
}
