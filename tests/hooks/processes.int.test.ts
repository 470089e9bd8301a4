import { spawn, type ChildProcess } from "node:child_process";

import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { configureDelivery } from "@/lib/delivery";
import { CHANGE_CURSOR } from "@/lib/hooks/dispatcher";
import { writeRecords } from "@/lib/lens";

import { Receiver } from "../delivery/receiver";
import { waitUntil } from "../delivery/support";
import { cleanHooks, insertRegion, makeWebhook, openLoopback } from "./support";

const quiet = process.env.WORKER_LOG_LEVEL ? "inherit" : "ignore";

/** Child processes on the test database: environment as in tests/delivery/workers. */
function spawnChild(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn("node", args, {
    env: {
      ...process.env,
      LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? "silent",
      TRIPLINE_ALLOW_HTTP: "true",
      TRIPLINE_ALLOWED_TARGETS: "127.0.0.0/8",
      TRIPLINE_LEASE_MARGIN_MS: "500",
      TRIPLINE_WORKER_POLL_MS: "200",
      ...extraEnv,
    },
    stdio: ["ignore", quiet, "inherit"],
  });
  children.push(child);

  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);

  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
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
  await cleanHooks();
  configureDelivery({});
});

beforeEach(async () => {
  await cleanHooks();
  receiver.received.length = 0;
});

const cursor = async () =>
  (await getDb().hookCursor.findUnique({ where: { name: CHANGE_CURSOR } }))?.seq ?? 0;

/**
 * Whether another connection is inside a write transaction right now: on
 * PostgreSQL, a backend with a transaction id; on SQLite, the write lock
 * refusing an immediate transaction.
 */
async function someoneIsWriting(): Promise<boolean> {
  const database = getConfig().database;
  if (database.kind === "postgresql") {
    const rows = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND backend_xid IS NOT NULL
        AND pid <> pg_backend_pid()`;

    return Number(rows[0]?.n ?? 0) > 0;
  }
  const probe = new Database(database.url.replace(/^file:/, ""), { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");

    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

describe("a dispatcher process killed mid-batch", () => {
  it("loses and repeats nothing: every (event, webhook) pair gets exactly one delivery", async () => {
    const hooks = await Promise.all(
      ["/a", "/b", "/c"].map((path) =>
        makeWebhook({
          name: path,
          url: receiver.url(path),
          type: "graphql",
          query: "subscription { schemaJobs(operation: [INSERT]) { data { UID } } }",
        }),
      ),
    );
    const region = await insertRegion("North");
    const before = await getDb().changeEvent.aggregate({ _max: { seq: true } });
    // Start the dispatcher at these jobs rather than at every earlier test's changes.
    await getDb().hookCursor.create({
      data: { name: CHANGE_CURSOR, seq: before._max.seq ?? 0 },
    });
    const jobs = 600;
    await writeRecords(
      { type: "system", id: "tests" },
      async (writer) => {
        for (let n = 0; n < jobs; n += 1) {
          await writer.insert("Jobs", { RegionId: region, Duration: 60 });
        }
      },
      // 600 inserts in one transaction: a loaded machine needs more than the usual 15 s.
      { limits: { timeout: 120_000 } },
    );
    const events = await getDb().changeEvent.findMany({
      where: { seq: { gt: before._max.seq ?? 0 } },
      select: { seq: true },
    });
    expect(events).toHaveLength(jobs);
    const lastSeq = Math.max(...events.map((event) => event.seq));

    const first = spawnChild(["--import", "tsx", "tests/hooks/run-dispatcher.ts"], {
      DISPATCH_BATCH: "50",
    });
    // Kill it inside a batch's transaction, once at least one batch is in.
    await waitUntil(async () => (await cursor()) > (before._max.seq ?? 0), 30_000, 10);
    await waitUntil(someoneIsWriting, 30_000, 1);
    first.kill("SIGKILL");
    await exited(first);
    const reached = await cursor();
    expect(reached).toBeLessThan(lastSeq);
    // The batch it died in left nothing behind: deliveries stop where the cursor does.
    const start = before._max.seq ?? 0;
    expect(await getDb().delivery.count()).toBe((reached - start) * hooks.length);

    const second = spawnChild(["--import", "tsx", "tests/hooks/run-dispatcher.ts"], {
      DISPATCH_BATCH: "50",
    });
    await waitUntil(async () => (await cursor()) === lastSeq, 60_000, 50);
    expect(await stop(second)).toBe(0);

    const keys = await getDb().delivery.findMany({ select: { idempotencyKey: true } });
    const expected = hooks.flatMap((hook) => events.map((event) => `wh:${hook.id}:${event.seq}`));
    expect(keys.map((row) => row.idempotencyKey).sort()).toEqual(expected.sort());
  }, 120_000);
});

describe("two tripline worker processes", () => {
  it("send exactly one delivery per cron tick between them", async () => {
    const hook = await makeWebhook({
      name: "Every second",
      url: receiver.url("/tick"),
      type: "scheduled",
      cron: "* * * * *",
    });
    // The API takes five fields; the scheduler's parser also takes a leading
    // seconds field, so storing one makes real ticks a second apart.
    await getDb().webhook.update({
      where: { id: hook.id },
      data: { cron: "* * * * * *", lastTickAt: new Date() },
    });
    const workers = [0, 1].map(() => spawnChild(["bin/tripline", "worker"]));
    await receiver.waitFor(6, "/tick", 60_000);
    expect(await Promise.all(workers.map((worker) => stop(worker)))).toEqual([0, 0]);

    const rows = await getDb().delivery.findMany({
      where: { sourceId: hook.id },
      select: { idempotencyKey: true, requestId: true, state: true },
    });
    const ticks = rows.map((row) => row.idempotencyKey?.replace(`cron:${hook.id}:`, "") ?? "");
    expect(new Set(ticks).size).toBe(rows.length);
    for (const tick of ticks) expect(new Date(tick).getUTCMilliseconds()).toBe(0);
    // Each tick's one delivery reached the receiver once, whichever worker sent it.
    const calls = receiver.at("/tick").map((request) => String(request.headers["webhook-id"]));
    expect(new Set(calls).size).toBe(calls.length);
    const sent = rows.filter((row) => row.state === "success").map((row) => row.requestId);
    expect(calls.sort()).toEqual(sent.sort());
    expect(calls.length).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
