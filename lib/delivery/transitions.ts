import { getDb } from "@/lib/db";

import { cancelQueuedSql, cancelStoppedRetriesSql, disableSourceSql } from "./disable-sql";
import { insertAttemptsSql, sourceHealthSql, transitionsSql } from "./finished-sql";
import type { HttpResult } from "./http";
import type { Outcome } from "./outcome";
import { sourcesChanged } from "./source-generation";
import { targetState, type DeliveryState } from "./state-machine";

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
  /** The state the delivery was left in, when applied. */
  state: DeliveryState | null;
}

/**
 * Writes a group of finished attempts of one owner in one transaction of a
 * few statements: the attempt rows, every transition (each fenced by state,
 * lease owner and attempt number, so a worker that lost its lease changes
 * nothing), the sources' health, and, when an attempt stops its source (a
 * 410, a failure run past the window), the disablement and the cancelling
 * of what the source had queued (disable-sql.ts). No interactive
 * transaction: on SQLite the adapter's one connection would let the
 * worker's other queries run inside it, and every await in it holds the
 * database's only write lock.
 */
export async function writeFinished(items: readonly Finished[]): Promise<Written[]> {
  const owner = items[0]?.owner;
  if (owner === undefined) return [];
  if (items.some((item) => item.owner !== owner)) throw new Error("one owner per group");
  const db = getDb();
  const now = new Date();
  const disabling = items.flatMap((item) =>
    item.outcome.transition === "fail" && item.outcome.disableSource
      ? [{ item, reason: item.outcome.disableSource }]
      : [],
  );
  const retried = items
    .filter((item) => item.outcome.transition === "retry")
    .map((item) => item.deliveryId);
  const health = sourceHealthSql(items, now);

  const results = await db.$transaction([
    db.$executeRaw(insertAttemptsSql(owner, items)),
    db.$queryRaw<{ id: string }[]>(transitionsSql(owner, items, now)),
    ...health.map((sql) => db.$executeRaw(sql)),
    ...disabling.map((entry) => db.$executeRaw(disableSourceSql(entry, now))),
    ...(retried.length
      ? [db.$queryRaw<{ id: string }[]>(cancelStoppedRetriesSql(retried, now))]
      : []),
    ...disabling.map((entry) => db.$executeRaw(cancelQueuedSql(entry, now))),
  ]);
  const applied = new Set(idsIn(results[1]));
  const disabledAt = 2 + health.length;
  if (results.slice(disabledAt, disabledAt + disabling.length).some((count) => count !== 0)) {
    sourcesChanged();
  }
  const cancelled = new Set(retried.length ? idsIn(results[disabledAt + disabling.length]) : []);

  return items.map((item) => {
    if (!applied.has(item.deliveryId)) return { applied: false, state: null };
    const state = cancelled.has(item.deliveryId) ? CANCELLED : targetState(item.outcome.transition);

    return { applied: true, state };
  });
}

const CANCELLED = targetState("cancel");

/** The ids a RETURNING statement in the batch gave back. */
function idsIn(result: unknown): string[] {
  if (!Array.isArray(result)) return [];

  return result.flatMap((row: unknown) =>
    typeof row === "object" && row !== null && "id" in row && typeof row.id === "string"
      ? [row.id]
      : [],
  );
}
