import { getDb } from "@/lib/db";

import type { Tx } from "./enqueue";
import { insertAttemptsSql, sourceHealthSql, transitionsSql } from "./finished-sql";
import type { HttpResult } from "./http";
import type { Outcome } from "./outcome";
import { sourcesChanged } from "./source-generation";
import { step } from "./state-machine";

const CANCEL_QUEUED = step("cancel", "pending");

/** One finished attempt, ready to be written with the transition it causes. */
export interface Finished {
  deliveryId: string;
  sourceId: string;
  owner: string;
  attempt: number;
  attemptedAt: Date;
  result: HttpResult;
  outcome: Outcome;
  /** The source's failure run has not started yet, so a failure must start it. */
  sourceWasHealthy: boolean;
}

export interface Written {
  /** False when the lease was lost (another worker took the delivery over). */
  applied: boolean;
}

/**
 * Writes a group of finished attempts of one owner in one transaction of a
 * few statements: the attempt rows, every transition (each fenced by state,
 * lease owner and attempt number, so a worker that lost its lease changes
 * nothing), and the sources' health. No interactive transaction: on SQLite
 * the adapter's one connection would let the worker's other queries run
 * inside it, and every await in it holds the database's only write lock.
 */
export async function writeFinished(items: readonly Finished[]): Promise<Written[]> {
  const owner = items[0]?.owner;
  if (owner === undefined) return [];
  if (items.some((item) => item.owner !== owner)) throw new Error("one owner per group");
  const db = getDb();
  const now = new Date();

  const [, moved] = await db.$transaction([
    db.$executeRaw(insertAttemptsSql(owner, items)),
    db.$queryRaw<{ id: string }[]>(transitionsSql(owner, items, now)),
    ...sourceHealthSql(items, now).map((sql) => db.$executeRaw(sql)),
  ]);
  const applied = new Set(moved.map((row) => row.id));

  // Rare: a 410 or a long failure run turns the source off and cancels its queue.
  for (const item of items) {
    const reason = item.outcome.transition === "fail" ? item.outcome.disableSource : null;
    if (reason && applied.has(item.deliveryId)) {
      await db.$transaction((tx) => disableSource(tx, item.sourceId, reason, now));
    }
  }

  return items.map((item) => ({ applied: applied.has(item.deliveryId) }));
}

/** Disables a source and cancels what it still had queued (the `cancel` transition). */
export async function disableSource(tx: Tx, id: string, reason: string, now = new Date()) {
  const changed = await tx.deliverySource.updateMany({
    where: { id, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason },
  });
  if (!changed.count) return;
  sourcesChanged();
  await tx.delivery.updateMany({
    where: { sourceId: id, state: CANCEL_QUEUED.from },
    data: { state: CANCEL_QUEUED.to, completedAt: now },
  });
}
