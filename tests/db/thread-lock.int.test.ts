import { join } from "node:path";
import type { Worker } from "node:worker_threads";

import { expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { freeSqliteLockOf, getDb, sqliteLockMemory, sqlOf } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { takeSqliteLock } from "@/lib/db/thread-lock";
import { startTsThread } from "@/lib/delivery";

// The lock that keeps this process's threads from writing to SQLite at once.

function holder(release: boolean): Promise<Worker> {
  const thread = startTsThread(join("tests", "db", "lock-holder.ts"), {
    memory: sqliteLockMemory(),
    release,
  });

  return new Promise((resolve, reject) => {
    thread.once("message", () => resolve(thread));
    thread.once("error", reject);
  });
}

const exited = (thread: Worker) => new Promise((resolve) => thread.once("exit", resolve));

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));

  return Promise.race([promise.then(() => true), late]);
}

it("makes this thread wait while another holds it, and go on once it is given back", async () => {
  const thread = await holder(true);
  const taken = takeSqliteLock();

  expect(await settlesWithin(taken, 300)).toBe(false);
  const ended = exited(thread);
  thread.postMessage("release");
  await ended;
  expect(await settlesWithin(taken, 2000)).toBe(true);
  (await taken)();
});

it("is freed for the others when a thread ends while holding it", async () => {
  const thread = await holder(false);
  const { threadId } = thread;
  const taken = takeSqliteLock();
  const ended = exited(thread);
  thread.postMessage("end");
  await ended;
  expect(await settlesWithin(taken, 300)).toBe(false);

  freeSqliteLockOf(threadId);

  expect(await settlesWithin(taken, 2000)).toBe(true);
  (await taken)();
});

it.runIf(getConfig().database.kind === "sqlite")(
  "holds back this thread's writes, Prisma's and direct ones, while another thread has it",
  async () => {
    const thread = await holder(true);
    const none = Prisma.sql`DELETE FROM "DeliverySource" WHERE "id" = 'none'`;
    const direct = sqlOf(getDb()).execute(none);
    const returning = sqlOf(getDb()).query<{ id: string }>(
      Prisma.sql`UPDATE "DeliverySource" SET "kind" = "kind" WHERE "id" = 'none' RETURNING "id"`,
    );
    const viaPrisma = getDb().deliverySource.deleteMany({ where: { id: "none" } });

    const any = Promise.race([direct, returning, viaPrisma]);
    expect(await settlesWithin(any, 300)).toBe(false);
    const ended = exited(thread);
    thread.postMessage("release");
    await ended;
    expect(await direct).toBe(0);
    expect(await returning).toEqual([]);
    expect((await viaPrisma).count).toBe(0);
  },
);

it.runIf(getConfig().database.kind === "sqlite")(
  "lets this thread's reads go ahead while another thread has it: WAL readers wait for no writer",
  async () => {
    const thread = await holder(true);
    try {
      const direct = sqlOf(getDb()).query<{ one: unknown }>(Prisma.sql`SELECT 1 AS one`);
      const viaPrisma = getDb().deliverySource.count();

      expect(await settlesWithin(Promise.all([direct, viaPrisma]), 2000)).toBe(true);
      expect((await direct).map((row) => Number(row.one))).toEqual([1]);
      expect(typeof (await viaPrisma)).toBe("number");
    } finally {
      const ended = exited(thread);
      thread.postMessage("release");
      await ended;
    }
  },
);
