import { getConfig } from "@/lib/config";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { newRowId } from "./ids";
import { dbTime, jsonRows } from "./json-rows";
import type { Outcome } from "./outcome";
import { step, type DeliveryState } from "./state-machine";
import type { Finished } from "./transitions";

/**
 * The multi-row statements behind `writeFinished`: a group of finished
 * attempts is one statement per table instead of one per attempt, each with
 * its rows in a single JSON parameter.
 */
const OUTCOME_STEPS: Record<Outcome["transition"], { from: DeliveryState; to: DeliveryState }> = {
  succeed: step("succeed", "processing"),
  retry: step("retry", "processing"),
  fail: step("fail", "processing"),
};

/** The state every outcome leaves: the one a claim put the delivery in. */
const PROCESSING = OUTCOME_STEPS.succeed.from;

/**
 * SQLite's planner would otherwise walk every processing row through the
 * state index and scan the JSON rows for each (4 ms for 40 rows against a
 * busy queue); a unary plus keeps it on the primary key from the JSON side.
 */
function notIndexed(): Prisma.Sql {
  return getConfig().database.kind === "postgresql" ? Prisma.empty : Prisma.raw("+");
}

/**
 * Attempt rows for the items whose delivery this owner still holds at this
 * attempt number. On PostgreSQL the rows are locked, so the transition that
 * follows in the same transaction sees exactly the same set (a concurrent
 * takeover skips locked rows); SQLite has one writer, so nothing can slip in.
 */
export function insertAttemptsSql(owner: string, items: readonly Finished[]): Prisma.Sql {
  const rows = items.map((item) => ({
    id: newRowId(),
    deliveryId: item.deliveryId,
    number: item.attempt,
    attemptedAt: dbTime(item.attemptedAt),
    durationMs: item.result.durationMs,
    statusCode: item.result.statusCode,
    error: item.result.error,
    responseHeaders: item.result.responseHeaders
      ? JSON.stringify(item.result.responseHeaders)
      : null,
    responseBody: item.result.responseBody,
  }));
  const v = jsonRows(rows, [
    ["id", "text"],
    ["deliveryId", "text"],
    ["number", "integer"],
    ["attemptedAt", "timestamp"],
    ["durationMs", "integer"],
    ["statusCode", "integer"],
    ["error", "text"],
    ["responseHeaders", "text"],
    ["responseBody", "text"],
  ]);
  const lock =
    getConfig().database.kind === "postgresql" ? Prisma.sql`FOR UPDATE OF d` : Prisma.empty;

  return Prisma.sql`
    INSERT INTO "DeliveryAttempt" ("id", "deliveryId", "number", "attemptedAt", "durationMs",
      "statusCode", "error", "responseHeaders", "responseBody")
    SELECT v."id", v."deliveryId", v."number", v."attemptedAt", v."durationMs", v."statusCode",
      v."error", v."responseHeaders", v."responseBody"
    FROM ${v} AS v
    JOIN "Delivery" d ON d."id" = v."deliveryId" AND ${notIndexed()}d."state" = ${PROCESSING}
      AND d."leaseOwner" = ${owner} AND d."attempts" = v."number"
    ${lock}`;
}

/**
 * Every item's transition (succeed, retry or fail), fenced by state, lease
 * owner and attempt number; returns the ids it moved.
 */
export function transitionsSql(owner: string, items: readonly Finished[], now: Date): Prisma.Sql {
  const rows = items.map(({ deliveryId, attempt, outcome }) => ({
    id: deliveryId,
    attempt,
    state: OUTCOME_STEPS[outcome.transition].to,
    next: outcome.transition === "retry" ? dbTime(outcome.nextAttemptAt) : null,
    completedAt: outcome.transition === "retry" ? null : dbTime(now),
  }));
  const v = jsonRows(rows, [
    ["id", "text"],
    ["attempt", "integer"],
    ["state", "text"],
    ["next", "timestamp"],
    ["completedAt", "timestamp"],
  ]);

  return Prisma.sql`
    UPDATE "Delivery" SET "state" = v."state", "leaseOwner" = NULL, "leaseUntilMs" = NULL,
      "nextAttemptAt" = COALESCE(v."next", "Delivery"."nextAttemptAt"),
      "completedAt" = v."completedAt", "updatedAt" = ${now}
    FROM ${v} AS v
    WHERE "Delivery"."id" = v."id" AND ${notIndexed()}"Delivery"."state" = ${PROCESSING}
      AND "Delivery"."leaseOwner" = ${owner} AND "Delivery"."attempts" = v."attempt"
    RETURNING "Delivery"."id"`;
}

/** A success ends a source's failure run; a first failure starts one. */
export function sourceHealthSql(items: readonly Finished[], now: Date): Prisma.Sql[] {
  const succeeded = new Set<string>();
  const startedFailing = new Set<string>();
  for (const item of items) {
    if (item.outcome.transition === "succeed") succeeded.add(item.sourceId);
    else if (item.sourceWasHealthy) startedFailing.add(item.sourceId);
  }
  const failing = [...startedFailing].filter((id) => !succeeded.has(id));
  const statements: Prisma.Sql[] = [];
  if (succeeded.size) {
    statements.push(Prisma.sql`
      UPDATE "DeliverySource" SET "lastSuccessAt" = ${now}, "failingSince" = NULL,
        "updatedAt" = ${now}
      WHERE "id" IN (${Prisma.join([...succeeded])})`);
  }
  if (failing.length) {
    statements.push(Prisma.sql`
      UPDATE "DeliverySource" SET "failingSince" = ${now}, "updatedAt" = ${now}
      WHERE "id" IN (${Prisma.join(failing)}) AND "failingSince" IS NULL`);
  }

  return statements;
}
