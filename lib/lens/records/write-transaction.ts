import type { Db } from "@/lib/db";

import type { Actor } from "../actor";
import { signalChangesCommitted } from "./commit-signal";
import type { Tx } from "./sql";

export const CHANGE_EVENT_COUNTER = "change_event";
export const JOB_NAME_COUNTER = "job_name";

/**
 * A write transaction that holds the gate, and who is writing. The record
 * functions take one; get it from `writeRecords` (record-writer.ts).
 */
export interface WriteScope {
  tx: Tx;
  actor: Actor;
}

export interface TransactionLimits {
  /** How long to wait for a connection and for the write gate, in ms. */
  maxWait?: number;
  /** How long the whole transaction may take, in ms. */
  timeout?: number;
}

// Writers queue behind one another (see below); the wait allows for a queue.
const DEFAULT_LIMITS = { maxWait: 10_000, timeout: 15_000 };

/**
 * Runs `work` in one transaction whose first statement takes the write gate:
 * a write to the `change_event` counter row.
 *
 * Why change events are gap-free and numbered in commit order, on both
 * databases: every transaction that writes Lens records starts by writing the
 * `change_event` row and, for each change, increments it again and uses the
 * new value as the event's `seq`. A row written in a transaction stays locked
 * until that transaction commits or rolls back, so a second writer waits at
 * its first statement until the first has finished. It then reads the value
 * the first committed (PostgreSQL re-reads the latest committed row version
 * for a write that waited on a lock, even in READ COMMITTED), so its numbers
 * follow on without a gap. A rolled-back transaction takes its increments
 * with it, so its numbers are handed out again. And because the lock is let
 * go only once the commit is visible, whoever sees event N+1 committed can
 * already see event N: a reader that remembers "I have read up to N" never
 * misses one that commits later. On SQLite the same statement takes the
 * database's single write lock, which gives the same order.
 *
 * Taking the gate first, rather than just before writing the event, has two
 * further effects. Records are read only after every earlier writer has
 * committed, so an update's "previous values" are exactly the last event's
 * "current values" even when many requests update one record at once. And on
 * SQLite a transaction that began by reading could not later take the write
 * lock if another process had written meanwhile; starting with a write
 * avoids that.
 *
 * LIMITATION: Lens writes are serialised, on PostgreSQL too: a writer holds the
 * gate for its whole transaction. Transactions are a few statements long, so
 * this allows hundreds of writes a second, but not more.
 */
export async function withWriteTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  limits: TransactionLimits = {},
): Promise<T> {
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Counter" ("name", "value") VALUES (${CHANGE_EVENT_COUNTER}, 0)
        ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value"`;

      return work(tx);
    },
    { ...DEFAULT_LIMITS, ...limits },
  );
  signalChangesCommitted();

  return result;
}

/** Adds one to a named counter (creating it at 1) and returns the new value. */
export async function incrementCounter(tx: Tx, name: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: unknown }[]>`
    INSERT INTO "Counter" ("name", "value") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;

  return counterValue(rows[0]?.value);
}

/** The counter's value, or null when it has never been set. */
export async function readCounter(tx: Tx, name: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ value: unknown }[]>`
    SELECT "value" FROM "Counter" WHERE "name" = ${name}`;
  const [row] = rows;

  return row ? counterValue(row.value) : null;
}

function counterValue(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new Error(`counter returned ${typeof value}`);
}
