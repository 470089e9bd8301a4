// `npm run bench:delivery`: deliveries per second through the engine (every
// attempt written), enqueue-to-receiver latency, and the raw limit of the
// same receiver and concurrency with no database. DATABASE_URL picks the
// database (a temporary SQLite file by default).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Agent, request } from "undici";

const dir = mkdtempSync(join(tmpdir(), "tripline-bench-"));
process.env.TRIPLINE_DATA_DIR = dir;
process.env.DATABASE_URL ??= `file:${join(dir, "bench.db")}`;
process.env.LOG_LEVEL = "silent";

const { getConfig } = await import("@/lib/config");
const { getDb, migrate } = await import("@/lib/db");
const delivery = await import("@/lib/delivery");
const { claimDue } = await import("@/lib/delivery/claim");
const { startDeliveryWorker } = await import("@/lib/worker");

const CONCURRENCY = 100;
const TOTAL = Number(process.env.BENCH_TOTAL ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const sentAt = new Map<string, number>();
const latencies: number[] = [];
let received = 0;
let onReceived: (() => void) | null = null;
const server = createServer((req, res) => {
  const id = req.headers["webhook-id"];
  const start = typeof id === "string" ? sentAt.get(id) : undefined;
  if (start !== undefined) latencies.push(performance.now() - start);
  req.resume();
  req.on("end", () => {
    res.end("ok");
    received += 1;
    onReceived?.();
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;
const url = `http://127.0.0.1:${port}/hook`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function waitForReceived(count: number): Promise<void> {
  return new Promise((resolve) => {
    onReceived = () => {
      if (received >= count) resolve();
    };
    onReceived();
  });
}

/** The raw limit: the same receiver and concurrency, no database. */
async function raw(total: number): Promise<number> {
  const agent = new Agent({ connections: 64 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        const response = await request(url, { method: "POST", body: "{}", dispatcher: agent });
        await response.body.dump();
      }
    }),
  );
  await agent.close();

  return total / ((performance.now() - started) / 1000);
}

const BACKLOG = 50_000;

/**
 * 3. A slow hook at its cap with a long queue: how long a claim for the
 * other hooks takes. The claim should not read the capped hook's rows.
 */
async function claimBehindBacklog(url: string): Promise<number> {
  const stamp = Date.now();
  const capped = await delivery.upsertDeliverySource({
    id: `bench-capped-${stamp}`,
    kind: "webhook",
    concurrency: 1,
  });
  const others = await Promise.all(
    Array.from({ length: 20 }, (_, n) =>
      delivery.upsertDeliverySource({ id: `bench-other-${n}-${stamp}`, kind: "webhook" }),
    ),
  );
  for (let offset = 0; offset < BACKLOG; offset += 500) {
    await delivery.enqueueDeliveries(
      Array.from({ length: 500 }, () => ({ sourceId: capped.id, url, body: "{}" })),
    );
  }
  // Its one slot taken under a long lease, as by a call that hangs.
  await claimDue({ owner: "bench-slow", limit: 1, leaseMarginMs: 600_000 });
  const times: number[] = [];
  for (let round = 0; round < 15; round++) {
    await delivery.enqueueDeliveries(
      others.map((source) => ({ sourceId: source.id, url, body: "{}" })),
    );
    const started = performance.now();
    await claimDue({ owner: "bench-other", limit: 100, leaseMarginMs: 600_000 });
    times.push(performance.now() - started);
  }
  // Its deliveries go with it, so a PostgreSQL database kept between runs stays clean.
  for (const source of [capped, ...others]) await delivery.removeDeliverySource(source.id);

  return percentile(times, 50);
}

try {
  await migrate(getConfig().database);
  delivery.configureDelivery({ allowHttp: true, allowedTargets: ["127.0.0.0/8"] });
  const sources = await Promise.all(
    Array.from({ length: 10 }, (_, n) =>
      delivery.upsertDeliverySource({
        id: `bench-${n}-${Date.now()}`,
        kind: "webhook",
        concurrency: 100,
      }),
    ),
  );
  const options = {
    concurrency: CONCURRENCY,
    batchSize: 100,
    pollMs: 1000,
    retentionMs: 30 * 86_400_000,
  };
  // As `npm start` runs it: on a thread of its own unless TRIPLINE_WORKER_THREAD=off.
  const worker = startDeliveryWorker(options, getConfig().worker.thread);
  // The worker's threads load their code before the first deliveries go in.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const db = getDb();
  // Only this run's rows: a PostgreSQL database given by DATABASE_URL may hold earlier runs.
  const ours = { sourceId: { in: sources.map((source) => source.id) } };

  /** 1. Throughput: enqueue TOTAL in batches, time until the last is recorded. */
  async function throughput(round: number): Promise<number> {
    received = 0;
    latencies.length = 0;
    const started = performance.now();
    for (let offset = 0; offset < TOTAL; offset += 500) {
      const batch = Array.from({ length: Math.min(500, TOTAL - offset) }, (_, n) => {
        const requestId = crypto.randomUUID();
        sentAt.set(requestId, performance.now());

        return {
          sourceId: sources[(offset + n) % sources.length]?.id ?? "",
          url,
          body: JSON.stringify({ n: offset + n }),
          requestId,
        };
      });
      await delivery.enqueueDeliveries(batch);
    }
    await waitForReceived(TOTAL);
    const expected = (round + 1) * TOTAL;
    while ((await db.delivery.count({ where: { state: "success", ...ours } })) < expected) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    return TOTAL / ((performance.now() - started) / 1000);
  }

  // The machine's speed drifts from second to second, so the raw limit and the
  // engine are measured in turns and each round's share is taken from the pair.
  const rounds: { raw: number; rate: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rawRate = await raw(TOTAL);
    rounds.push({ raw: rawRate, rate: await throughput(round) });
  }
  const median = (values: number[]) => percentile(values, 50);
  const rate = median(rounds.map((r) => r.rate));
  const rawRate = median(rounds.map((r) => r.raw));
  const share = median(rounds.map((r) => r.rate / r.raw));

  // 2. Latency at a steady 500 per second, one enqueue at a time.
  received = 0;
  latencies.length = 0;
  const steady = 2500;
  const tickStart = performance.now();
  for (let n = 0; n < steady; n++) {
    const due = tickStart + n * 2;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const requestId = crypto.randomUUID();
    sentAt.set(requestId, performance.now());
    void delivery.enqueueDelivery({
      sourceId: sources[n % sources.length]?.id ?? "",
      url,
      body: "{}",
      requestId,
    });
  }
  await waitForReceived(steady);
  await worker.stop();

  const attempts = await db.deliveryAttempt.count({ where: { delivery: ours } });
  const claimMs = await claimBehindBacklog(url);
  console.log(`database            ${getConfig().database.kind}`);
  const each = (values: number[]) => values.map((value) => value.toFixed(0)).join(", ");
  const rates = each(rounds.map((r) => r.rate));
  const raws = each(rounds.map((r) => r.raw));
  const shares = each(rounds.map((r) => (r.rate / r.raw) * 100));
  const rawSetup = `same receiver, ${CONCURRENCY} in flight, no database`;
  console.log(`deliveries          ${ROUNDS} × ${TOTAL}, then ${steady} at 500/s`);
  console.log(`attempts recorded   ${attempts}`);
  console.log(
    `throughput          ${rate.toFixed(0)} deliveries/s (median of ${ROUNDS} rounds: ${rates})`,
  );
  console.log(
    `raw limit           ${rawRate.toFixed(0)} requests/s (rounds: ${raws}; ${rawSetup})`,
  );
  console.log(
    `share of raw        ${(share * 100).toFixed(0)}% (median of each round's share: ${shares}%)`,
  );
  console.log(
    `latency @500/s      p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (enqueue to receiver)`,
  );
  console.log(
    `claim beside a queue median ${claimMs.toFixed(1)} ms for 20 hooks' rows, one capped hook holding ${BACKLOG} due`,
  );
  await db.$disconnect();
} finally {
  server.close();
  if (getConfig().database.kind === "sqlite") rmSync(dir, { recursive: true, force: true });
}
