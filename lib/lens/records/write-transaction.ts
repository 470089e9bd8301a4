import { sqlOf, type Db, type TransactionLimits } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import type { Actor } from "../actor";
import { signalChangesCommitted } from "./commit-signal";
import type { WriteTx } from "./sql";

export const CHANGE_EVENT_COUNTER = "change_event";
export const JOB_NAME_COUNTER = "job_name";

/**
 * A write transaction that holds the gate, who is writing, and the numbers
 * for its change events. The record functions take one; get it from
 * `writeRecords` (record-writer.ts).
 */
export interface WriteScope {
  tx: WriteTx;
  actor: Actor;
  sequence: ChangeSequence;
}

export type { TransactionLimits };

// Writers queue behind one another (see below); the wait allows for a queue.
const DEFAULT_LIMITS = { maxWait: 10_000, timeout: 15_000 };

/**
 * Hands out one write transaction's change-event numbers. The gate has
 * already reserved the first one in the counter row; the others follow it in
 * memory, and `settle` stores the last one handed out before the commit (or
 * gives the reserved one back when no event was written). A transaction that
 * writes one event, the usual case, thus costs no counter statement beyond
 * the gate.
 */
export class ChangeSequence {
  private handedOut = 0;
  private written = 0;

  constructor(
    private readonly tx: WriteTx,
    private readonly first: number,
  ) {}

  /** Writes one event under the next number; returns the number. */
  async append(write: (seq: number) => Promise<void>): Promise<number> {
    // Taken before the await, so two writes started together never share one.
    const seq = this.first + this.handedOut;
    this.handedOut += 1;
    await write(seq);
    this.written += 1;

    return seq;
  }

  /** Leaves the counter at the last number used; runs just before COMMIT. */
  async settle(): Promise<void> {
    // A failed event insert whose error was caught would leave a hole.
    if (this.written !== this.handedOut) {
      throw new Error("a change event was not written; rolling back so that no number is skipped");
    }
    if (this.handedOut === 1) return;
    const last = this.first + this.handedOut - 1;
    await this.tx.execute(Prisma.sql`
      UPDATE "Counter" SET "value" = ${last} WHERE "name" = ${CHANGE_EVENT_COUNTER}`);
  }
}

/**
 * Runs `work` in one transaction whose first statement takes the write gate:
 * a write to the `change_event` counter row that also reserves the number of
 * the transaction's first change event.
 *
 * Why change events are gap-free and numbered in commit order, on both
 * databases: every transaction that writes Lens records starts by adding one
 * to the `change_event` row, numbers its events on from the value it gets
 * back, and leaves the row at its last number before it commits (taking one
 * off again if it wrote no event). A row written in a transaction stays
 * locked until that transaction commits or rolls back, so a second writer
 * waits at its first statement until the first has finished. It then reads
 * the value the first committed (PostgreSQL re-reads the latest committed
 * row version for a write that waited on a lock, even in READ COMMITTED), so
 * its numbers follow on without a gap. A rolled-back transaction takes its
 * counter writes with it, so its numbers are handed out again. And because
 * the lock is let go only once the commit is visible, whoever sees event N+1
 * committed can already see event N: a reader that remembers "I have read up
 * to N" never misses one that commits later. On SQLite the same statement
 * takes the database's single write lock, which gives the same order.
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
  work: (tx: WriteTx, sequence: ChangeSequence) => Promise<T>,
  limits: TransactionLimits = {},
): Promise<T> {
  const result = await sqlOf(db).transaction(
    async (tx) => {
      const sequence = new ChangeSequence(tx, await incrementCounter(tx, CHANGE_EVENT_COUNTER));
      const done = await work(tx, sequence);
      await sequence.settle();

      return done;
    },
    { ...DEFAULT_LIMITS, ...limits },
  );
  signalChangesCommitted();

  return result;
}

/** Adds one to a named counter (creating it at 1) and returns the new value. */
export async function incrementCounter(tx: WriteTx, name: string): Promise<number> {
  const rows = await tx.query<{ value: unknown }>(Prisma.sql`
    INSERT INTO "Counter" ("name", "value") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`);

  return counterValue(rows[0]?.value);
}

/** The counter's value, or null when it has never been set. */
export async function readCounter(tx: WriteTx, name: string): Promise<number | null> {
  const rows = await tx.query<{ value: unknown }>(Prisma.sql`
    SELECT "value" FROM "Counter" WHERE "name" = ${name}`);
  const [row] = rows;

  return row ? counterValue(row.value) : null;
}

function counterValue(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new Error(`counter returned ${typeof value}`);
}
