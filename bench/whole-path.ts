// The second half of `npm run bench:delivery`: the whole path. Job updates
// through GraphQL → change events → matching against 100 webhooks (10 match)
// → deliveries → a loopback receiver. After an untimed warm-up, prints changes
// per second sustained and p50/p99 from commit to receiver at the target rate
// (BENCH_RATE, 500) and again at a rate the path keeps up with
// (BENCH_STEADY_RATE, 250). DATABASE_URL picks the database (a temporary
// SQLite file by default).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "tripline-bench-hooks-"));
process.env.TRIPLINE_DATA_DIR = dir;
process.env.DATABASE_URL ??= `file:${join(dir, "bench.db")}`;
process.env.LOG_LEVEL = "silent";

const { getConfig } = await import("@/lib/config");
const { getDb, migrate } = await import("@/lib/db");
const { configureDelivery } = await import("@/lib/delivery");
const { createWebhook, deleteWebhook, startHooksLoop, notifyChange } = await import("@/lib/hooks");
const { executeGraphql } = await import("@/lib/lens");
const { startDeliveryWorker } = await import("@/lib/worker");

const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
/** A second run below what the engine sustains, for the latency of a path that keeps up. */
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 250);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const admin = {
  userId: "bench",
  email: "b@example.com",
  name: "b",
  role: "admin",
  via: "token",
} as const;

const latencies: number[] = [];
let received = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const match = /"Description":"(\d+)"/.exec(Buffer.concat(chunks).toString());
    if (match?.[1]) latencies.push(Date.now() - Number(match[1]));
    received += 1;
    res.end("ok");
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;

async function gql(query: string): Promise<string> {
  const result = await executeGraphql({ query }, admin);
  const schema = result.data?.schema;
  if (result.errors || typeof schema !== "object" || schema === null) {
    throw new Error(JSON.stringify(result.errors));
  }

  return String(Object.values(schema)[0]);
}

await migrate(getConfig().database);
configureDelivery({ allowHttp: true, allowedTargets: ["127.0.0.0/8"] });
const region = await gql(
  'mutation { schema { r: insertRegions(input: { Name: "B", Timezone: "UTC" }) } }',
);
const jobs: string[] = [];
for (let i = 0; i < 50; i += 1) {
  jobs.push(
    await gql(
      `mutation { schema { j: insertJobs(input: { RegionId: "${region}", Duration: 60 }) } }`,
    ),
  );
}
const hookIds: string[] = [];
for (let i = 0; i < 100; i += 1) {
  // 10 hooks match every update; 90 watch another status or another object.
  const filter = i < 10 ? "Duration > 0" : i < 50 ? "JobStatus == 'Cancelled'" : null;
  const object = i < 50 ? "schemaJobs" : "schemaResources";
  const args = filter ? `(filter: "${filter}")` : "";
  const hook = await createWebhook({
    name: `bench ${i}`,
    url: `http://127.0.0.1:${port}/h`,
    type: "graphql",
    query: `subscription { ${object}${args} { data { UID ${object === "schemaJobs" ? "Description" : "Name"} } } }`,
  });
  hookIds.push(hook.id);
}

// As `npm start` runs it: on a thread of its own unless TRIPLINE_WORKER_THREAD=off.
const worker = startDeliveryWorker(
  { concurrency: 100, batchSize: 100, pollMs: 50, retentionMs: 86_400_000 },
  getConfig().worker.thread,
);
const loop = startHooksLoop({ pollMs: 50, batchSize: 500 });
// The worker's threads load their code before the first change goes in.
await new Promise((resolve) => setTimeout(resolve, 2000));

/** Updates `changes` jobs at `rate` per second and waits for every delivery. */
async function drive(changes: number, rate: number) {
  received = 0;
  latencies.length = 0;
  const started = Date.now();
  for (let i = 0; i < changes; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const uid = jobs[i % jobs.length] ?? "";
    await gql(
      `mutation { schema { u: updateJobs(input: { UID: "${uid}", Description: "${Date.now()}" }) } }`,
    );
    notifyChange();
  }
  const committed = Date.now();
  const expected = changes * 10;
  while (received < expected && Date.now() - committed < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;

  return { received, expected, perSecond: changes / seconds, p50: p(0.5), p99: p(0.99) };
}

// Untimed: the first seconds run cold (JIT, caches) and would stand for
// start-up in the p99 rather than the steady state.
await drive(WARMUP, RATE);
for (const rate of [RATE, STEADY_RATE]) {
  const run = await drive(CHANGES, rate);
  console.log(
    `changes: ${CHANGES} at a target of ${rate}/s; deliveries received ${run.received}/${run.expected}`,
  );
  console.log(`  sustained: ${run.perSecond.toFixed(0)} changes/s end to end`);
  console.log(`  commit → receiver: p50 ${run.p50} ms, p99 ${run.p99} ms`);
}

await loop.stop();
await worker.stop();
server.close();
// A PostgreSQL database given by DATABASE_URL outlives the run: leave no hooks behind.
for (const id of hookIds) await deleteWebhook(id);
await getDb().$disconnect();
rmSync(dir, { recursive: true, force: true });
