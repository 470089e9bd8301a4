// `npm run bench:graphql`: the GraphQL API on SQLite with 10,000 jobs,
// calling the /graphql route handler in-process as Next.js would. Prints
// requests per second and latency percentiles for the 50-job list query with
// its relations, for single-record updates (each with its change event), and
// for the same updates through the write layer alone, without HTTP and auth.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { NextRequest } from "next/server";

const dir = mkdtempSync(join(tmpdir(), "tripline-bench-"));
process.env.TRIPLINE_DATA_DIR = dir;
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.LOG_LEVEL = "silent";

const { getConfig } = await import("@/lib/config");
const { getDb, migrate } = await import("@/lib/db");
const { createUser } = await import("@/lib/auth/users");
const { createToken } = await import("@/lib/auth/tokens");
const { SEED_ACTOR, writeRecords } = await import("@/lib/lens");
const { POST: graphql } = await import("@/app/graphql/route");

const JOBS = 10_000;
const LIST_QUERY = `query($after: String) {
  jobs(first: 50, orderBy: "Start DESC, Name", after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { UID Name Start JobStatus Region { Name } Contact { FullName }
                   JobAllocations { Status Resource { Name } } } } } }`;

interface Stats {
  perSecond: number;
  /** Process CPU time per request: steadier than wall time on a busy machine. */
  cpuMs: number;
  p50: number;
  p95: number;
  p99: number;
}

async function measure(runs: number, fn: (i: number) => Promise<void>): Promise<Stats> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn(i);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  const total = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;

  return {
    perSecond: (runs / total) * 1000,
    cpuMs: (user + system) / 1000 / runs,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

function print(name: string, stats: Stats): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(9);
  console.log(
    `${name.padEnd(34)} ${stats.perSecond.toFixed(0).padStart(6)}/s` +
      `   p50 ${ms(stats.p50)}   p95 ${ms(stats.p95)}   p99 ${ms(stats.p99)}` +
      `   cpu ${ms(stats.cpuMs)}/req`,
  );
}

async function post(token: string, query: string, variables: Record<string, unknown>) {
  const request = new NextRequest("http://bench.local/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const response = await graphql(request, { params: Promise.resolve({}) });
  const body: unknown = await response.json();
  if (response.status !== 200 || (typeof body === "object" && body !== null && "errors" in body)) {
    throw new Error(`bench request failed: ${response.status} ${JSON.stringify(body)}`);
  }

  return body;
}

function endCursorOf(body: unknown): string | null {
  const match = /"endCursor":"([^"]+)"/.exec(JSON.stringify(body));

  return match?.[1] ?? null;
}

async function seed(): Promise<string[]> {
  const seeded = performance.now();
  const base = await writeRecords(SEED_ACTOR, async (writer) => {
    const regions: string[] = [];
    for (const name of ["North", "South", "East", "West"]) {
      regions.push(String((await writer.insert("Regions", { Name: name, Timezone: "UTC" })).UID));
    }
    const contacts: string[] = [];
    const resources: string[] = [];
    for (let i = 0; i < 40; i++) {
      const region = regions[i % regions.length];
      const contact = await writer.insert("Contacts", {
        FirstName: "C",
        LastName: `${i}`,
        RegionId: region,
      });
      contacts.push(String(contact.UID));
      const resource = await writer.insert("Resources", { Name: `R${i}`, PrimaryRegionId: region });
      resources.push(String(resource.UID));
    }

    return { regions, contacts, resources };
  });
  const jobs: string[] = [];
  const pick = (list: string[], i: number) => list[i % list.length] ?? null;
  for (let batch = 0; batch < JOBS / 500; batch++) {
    await writeRecords(SEED_ACTOR, async (writer) => {
      for (let j = 0; j < 500; j++) {
        const i = batch * 500 + j;
        const job = await writer.insert("Jobs", {
          Duration: 60,
          RegionId: pick(base.regions, i),
          ContactId: i % 4 ? pick(base.contacts, i * 7) : null,
          Start: new Date(Date.UTC(2027, 0, 1) + (i % 2000) * 3_600_000),
        });
        jobs.push(String(job.UID));
        for (let k = 0; k < i % 3; k++) {
          await writer.insert("JobAllocations", {
            JobId: job.UID,
            ResourceId: pick(base.resources, i + k),
          });
        }
      }
    });
  }
  console.log(`seeded ${JOBS} jobs in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  return jobs;
}

try {
  await migrate(getConfig().database);
  const user = await createUser({
    email: "bench@example.com",
    name: "Bench",
    password: "bench password",
    role: "admin",
  });
  const { token } = await createToken(user.id, { name: "bench" });
  const jobs = await seed();
  // Wall-clock figures suffer when other work shares the CPUs; say how busy it was.
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );

  let after: string | null = null;
  print(
    "list: 50 jobs + relations",
    await measure(300, async () => {
      after = endCursorOf(await post(token, LIST_QUERY, { after }));
    }),
  );

  const uidFor = (i: number) => jobs[(i * 7919) % jobs.length] ?? "";
  print(
    "update: one job per request",
    await measure(2000, async (i) => {
      await post(
        token,
        `mutation { schema { updateJobs(input: { UID: "${uidFor(i)}", Description: "r${i}" }) } }`,
        {},
      );
    }),
  );
  print(
    "update: write layer only",
    await measure(2000, async (i) => {
      await writeRecords(SEED_ACTOR, (writer) =>
        writer.update("Jobs", uidFor(i), { Description: `w${i}` }),
      );
    }),
  );
  const events = await getDb().changeEvent.count();
  console.log(`change events written: ${events}`);
  await getDb().$disconnect();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
