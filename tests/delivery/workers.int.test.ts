import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { enqueueDeliveries } from "@/lib/delivery";

import { Receiver } from "./receiver";
import { cleanDeliveries, listeningWorkers, makeSource, openLoopback, waitUntil } from "./support";

const isPostgres = () => getConfig().database.kind === "postgresql";

function startWorker(): ChildProcess {
  return spawn("node", ["bin/tripline", "worker"], {
    env: {
      ...process.env,
      LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "silent",
      TRIPLINE_ALLOW_HTTP: "true",
      TRIPLINE_ALLOWED_TARGETS: "127.0.0.0/8",
      TRIPLINE_RETRY_SCALE: "0.001",
      TRIPLINE_LEASE_MARGIN_MS: "500",
      TRIPLINE_WORKER_POLL_MS: "200",
    },
    stdio: ["ignore", process.env.WORKER_LOG_LEVEL ? "inherit" : "ignore", "inherit"],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);

  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** SIGTERM, then the exit code; a worker that does not stop in time is killed and fails. */
async function stop(child: ChildProcess, withinMs = 10_000): Promise<number | null> {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), withinMs);
  try {
    return await exited(child);
  } finally {
    clearTimeout(timer);
  }
}

let receiver: Receiver;
const children: ChildProcess[] = [];

beforeAll(async () => {
  openLoopback();
  receiver = await new Receiver().start();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await receiver.stop();
  await cleanDeliveries();
});

beforeEach(async () => {
  await cleanDeliveries();
  receiver.received.length = 0;
});

/** (webhook-id, attempt) pairs the receiver saw more than once. */
function duplicates(path: string): string[] {
  const seen = new Map<string, number>();
  for (const request of receiver.at(path)) {
    const key = `${String(request.headers["webhook-id"])}#${String(request.headers["tripline-attempt"])}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }

  return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

/**
 * Rows of another hook in flight under leases that outlast the test: every
 * claim counts them, which takes long enough for claims of several
 * processes to overlap.
 */
async function holdLongLeases(count: number): Promise<void> {
  const other = await makeSource({}, { concurrency: 1000 });
  const until = BigInt(Date.now() + 3_600_000);
  await getDb().$executeRaw`
    INSERT INTO "Delivery" ("id", "sourceId", "url", "headers", "body", "requestId", "state",
      "attempts", "nextAttemptAt", "leaseOwner", "leaseUntilMs", "updatedAt")
    SELECT gen_random_uuid()::text, ${other.id}, 'http://127.0.0.1:9/held', '{}', '{}',
      gen_random_uuid()::text, 'processing', 1, now(), 'nobody', ${until}, now()
    FROM generate_series(1, ${count})`;
}

async function allSucceeded(count: number): Promise<boolean> {
  return (await getDb().delivery.count({ where: { state: "success" } })) === count;
}

describe("worker processes", () => {
  it("takes over a SIGKILLed worker's deliveries when their leases expire, never earlier", async () => {
    // The lease is the source's timeout plus the 500 ms margin: long enough
    // that the second worker is up and claiming well before it runs out, so
    // a claim that ignored live leases would show as an early second call.
    const leaseMs = 5500;
    let first: ChildProcess | null = null;
    receiver.on("/crash", () => {
      // Kill inside the handler, as the 30th call arrives: waiting for a
      // promise first left a gap in which, on a loaded machine, the first
      // worker's own timeout could fire and it would record and retry.
      // The calls it made stay open: it dies mid-batch.
      if (receiver.at("/crash").length === 30) first?.kill("SIGKILL");
    });
    const source = await makeSource({ timeoutSeconds: 5 }, { concurrency: 50 });
    await enqueueDeliveries(
      Array.from({ length: 30 }, (_, n) => ({
        sourceId: source.id,
        url: receiver.url("/crash"),
        body: JSON.stringify({ n }),
      })),
    );
    first = startWorker();
    children.push(first);
    await receiver.waitFor(30, "/crash", 20_000);
    await exited(first);
    receiver.on("/crash", (_, res) => res.writeHead(200).end());

    const second = startWorker();
    children.push(second);
    await receiver.waitFor(60, "/crash", 20_000);
    await waitUntil(() => allSucceeded(30), 10_000, 50);

    // startedAt is the first worker's claim, which set the lease.
    const rows = await getDb().delivery.findMany({ select: { id: true, startedAt: true } });
    const claimedAt = new Map(rows.map((row) => [row.id, row.startedAt?.getTime() ?? 0]));
    const calls = receiver.at("/crash");
    expect(calls).toHaveLength(60);
    for (const request of calls.slice(30)) {
      const id = String(request.headers["webhook-id"]);
      expect(request.headers["tripline-attempt"]).toBe("2");
      expect(request.at - (claimedAt.get(id) ?? 0)).toBeGreaterThanOrEqual(leaseMs);
    }
    expect(new Set(calls.map((call) => String(call.headers["webhook-id"]))).size).toBe(30);
    expect(duplicates("/crash")).toEqual([]);
    expect(await stop(second)).toBe(0);
  }, 60_000);

  it.runIf(isPostgres())(
    "keeps each hook within its concurrency cap when four worker processes claim at once",
    async () => {
      const cap = 2;
      const inFlight = new Map<string, number>();
      const most = new Map<string, number>();
      receiver.on("/capped", (request, res) => {
        const hook = String(request.headers["skedulo-webhook-id"]);
        const now = (inFlight.get(hook) ?? 0) + 1;
        inFlight.set(hook, now);
        most.set(hook, Math.max(most.get(hook) ?? 0, now));
        setTimeout(() => {
          inFlight.set(hook, (inFlight.get(hook) ?? 1) - 1);
          res.writeHead(200).end();
        }, 100);
      });
      const sources = await Promise.all(
        Array.from({ length: 5 }, () => makeSource({}, { concurrency: cap })),
      );
      await holdLongLeases(20_000);
      const procs = Array.from({ length: 4 }, () => startWorker());
      children.push(...procs);
      await waitUntil(async () => (await listeningWorkers()) >= procs.length, 30_000, 100);

      // Each round is one insert and one NOTIFY, so every idle worker claims
      // at once, for three times as many deliveries as the caps let through.
      const rounds = 6;
      const perRound = 3 * cap * sources.length;
      for (let round = 1; round <= rounds; round++) {
        await enqueueDeliveries(
          Array.from({ length: perRound }, (_, n) => ({
            sourceId: sources[n % sources.length]?.id ?? "",
            url: receiver.url("/capped"),
            body: JSON.stringify({ round, n }),
          })),
        );
        await waitUntil(() => allSucceeded(perRound * round), 30_000, 20);
      }

      expect([...most.keys()].sort()).toEqual(sources.map((source) => source.id).sort());
      expect(Math.max(...most.values())).toBeLessThanOrEqual(cap);
      expect(duplicates("/capped")).toEqual([]);
      expect(await Promise.all(procs.map((proc) => stop(proc)))).toEqual(procs.map(() => 0));
    },
    120_000,
  );

  it.runIf(isPostgres()).each([2, 4])(
    "%i workers on one PostgreSQL database send 5,000 deliveries with no duplicate attempt",
    async (workers) => {
      const sources = await Promise.all(
        Array.from({ length: 10 }, () => makeSource({}, { concurrency: 20 })),
      );
      const procs = Array.from({ length: workers }, () => startWorker());
      children.push(...procs);
      for (let chunk = 0; chunk < 10; chunk++) {
        await enqueueDeliveries(
          Array.from({ length: 500 }, (_, n) => ({
            sourceId: sources[n % sources.length]?.id ?? "",
            url: receiver.url("/many"),
            body: JSON.stringify({ chunk, n }),
          })),
        );
      }
      await waitUntil(() => allSucceeded(5000), 90_000, 250);

      expect(duplicates("/many")).toEqual([]);
      expect(receiver.at("/many")).toHaveLength(5000);
      expect(await getDb().deliveryAttempt.count()).toBe(5000);
      expect(await Promise.all(procs.map((proc) => stop(proc)))).toEqual(procs.map(() => 0));
    },
    120_000,
  );
});
