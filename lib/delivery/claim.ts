import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { step } from "./state-machine";

const CLAIM = step("claim", "pending");
const TAKEOVER = step("takeover", "processing");
/** Claimed rows, the ones a live lease counts against a source's cap. */
const IN_FLIGHT = CLAIM.to;

export interface ClaimedDelivery {
  id: string;
  sourceId: string;
  url: string;
  headers: string;
  body: string;
  requestId: string;
  /** The number of the attempt this claim is for. */
  attempts: number;
  scheduleStart: number;
  noRetry: boolean;
}

export interface ClaimOptions {
  owner: string;
  limit: number;
  leaseMarginMs: number;
  now?: Date;
}

/**
 * Claims up to `limit` due deliveries in one statement (the `claim` and
 * `takeover` transitions): pending ones whose time has come, and processing
 * ones whose lease has expired because their worker died. The lease is now +
 * the source's timeout + a margin, so a live worker's attempt is never taken
 * over. Sources at their concurrency cap (counted over live leases of every
 * worker) are skipped and each source gets at most its free slots, so one
 * slow endpoint cannot fill the batch. On PostgreSQL the candidate rows are
 * locked `FOR UPDATE SKIP LOCKED`, so concurrent workers claim disjoint rows
 * without waiting on each other; SQLite has one writer at a time.
 */
export async function claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
  if (options.limit <= 0) return [];
  const now = options.now ?? new Date();
  const nowMs = BigInt(now.getTime());
  const margin = BigInt(options.leaseMarginMs);
  // Look a little beyond the limit: rows of capped sources are skipped after ranking.
  const window = options.limit * 4;
  const lock =
    getConfig().database.kind === "postgresql"
      ? Prisma.sql`FOR UPDATE OF d SKIP LOCKED`
      : Prisma.empty;

  return getDb().$queryRaw<ClaimedDelivery[]>`
    WITH busy AS (
      SELECT "sourceId", COUNT(*) AS n FROM "Delivery"
      WHERE "state" = ${IN_FLIGHT} AND "leaseUntilMs" > CAST(${nowMs} AS BIGINT)
      GROUP BY "sourceId"
    ),
    open_sources AS (
      SELECT s."id", s."timeoutSeconds", s."concurrency" - COALESCE(b.n, 0) AS free
      FROM "DeliverySource" s LEFT JOIN busy b ON b."sourceId" = s."id"
      WHERE s."enabled" = true AND s."concurrency" > COALESCE(b.n, 0)
    ),
    -- Two index range scans in time order (an OR would read and sort every due row).
    due_pending AS (
      SELECT d."id", d."sourceId", d."nextAttemptAt" FROM "Delivery" d
      WHERE d."state" = ${CLAIM.from} AND d."nextAttemptAt" <= ${now}
        AND d."sourceId" IN (SELECT "id" FROM open_sources)
      ORDER BY d."nextAttemptAt"
      LIMIT ${window}
      ${lock}
    ),
    due_expired AS (
      SELECT d."id", d."sourceId", d."nextAttemptAt" FROM "Delivery" d
      WHERE d."state" = ${TAKEOVER.from} AND d."leaseUntilMs" <= CAST(${nowMs} AS BIGINT)
        AND d."sourceId" IN (SELECT "id" FROM open_sources)
      ORDER BY d."nextAttemptAt"
      LIMIT ${window}
      ${lock}
    ),
    due AS (SELECT * FROM due_pending UNION ALL SELECT * FROM due_expired),
    ranked AS (
      SELECT due."id", due."nextAttemptAt", o."timeoutSeconds", o.free,
        ROW_NUMBER() OVER (PARTITION BY due."sourceId" ORDER BY due."nextAttemptAt") AS rn
      FROM due JOIN open_sources o ON o."id" = due."sourceId"
    ),
    chosen AS (
      SELECT "id", "timeoutSeconds" FROM ranked WHERE rn <= free
      ORDER BY "nextAttemptAt" LIMIT ${options.limit}
    )
    UPDATE "Delivery" SET
      -- claim and takeover both enter the same state.
      "state" = ${CLAIM.to},
      "attempts" = "attempts" + 1,
      "leaseOwner" = ${options.owner},
      "leaseUntilMs" = CAST(${nowMs} AS BIGINT) + chosen."timeoutSeconds" * 1000
        + CAST(${margin} AS BIGINT),
      "startedAt" = COALESCE("startedAt", ${now}),
      "updatedAt" = ${now}
    FROM chosen
    WHERE "Delivery"."id" = chosen."id"
    RETURNING "Delivery"."id", "Delivery"."sourceId", "Delivery"."url", "Delivery"."headers",
      "Delivery"."body", "Delivery"."requestId", "Delivery"."attempts",
      "Delivery"."scheduleStart", "Delivery"."noRetry"`;
}
