import { getDb, sqlOf } from "@/lib/db";

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
 * of what the source had queued (disable-sql.ts). The statements are all
 * built before the transaction opens, so it holds the database's only write
 * lock (on SQLite) for nothing but running them.
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

  const attempts = insertAttemptsSql(owner, items);
  const transitions = transitionsSql(owner, items, now);
  const disables = disabling.map((entry) => disableSourceSql(entry, now));
  const cancelRetries = retried.length ? cancelStoppedRetriesSql(retried, now) : null;
  const cancelQueued = disabling.map((entry) => cancelQueuedSql(entry, now));

  const { applied, disabledAny, cancelled } = await sqlOf(db).transaction(async (tx) => {
    await tx.execute(attempts);
    const moved = await tx.query<{ id: string }>(transitions);
    for (const sql of health) await tx.execute(sql);
    let disabled = 0;
    for (const sql of disables) disabled += await tx.execute(sql);
    const stopped = cancelRetries ? await tx.query<{ id: string }>(cancelRetries) : [];
    for (const sql of cancelQueued) await tx.execute(sql);

    return {
      applied: new Set(idsIn(moved)),
      disabledAny: disabled > 0,
      cancelled: new Set(idsIn(stopped)),
    };
  });
  if (disabledAny) sourcesChanged();

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
