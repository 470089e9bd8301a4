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
 * Claims up to `limit` due deliveries (the `claim` and `takeover`
 * transitions): pending ones whose time has come, and processing ones whose
 * lease has expired because their worker died. The lease is now + the
 * source's timeout + a margin, so a live worker's attempt is never taken
 * over. Sources at their concurrency cap (counted over live leases of every
 * worker) are skipped and each source gets at most its free slots, so one
 * slow endpoint cannot fill the batch. SQLite has one writer at a time, so
 * there the claim is one statement.
 *
 * On PostgreSQL each statement counts from its own snapshot, so two
 * processes claiming for one source at once would each see the other's
 * claims missing and together exceed the cap. There the claim is a short
 * transaction: first a transaction-scoped advisory lock on every source with
 * due work (in id order, so two claims cannot deadlock), then the claim
 * statement, whose snapshot is taken after the locks and so sees every
 * earlier claim for those sources. Claims for unrelated sources never wait
 * on each other, and the deliveries themselves are still locked `FOR UPDATE
 * SKIP LOCKED`.
 */
export async function claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
  if (options.limit <= 0) return [];
  const now = options.now ?? new Date();
  const window = windowFor(options.limit);
  if (getConfig().database.kind !== "postgresql") {
    return getDb().$queryRaw<ClaimedDelivery[]>(claimSql(options, now, Prisma.empty, Prisma.empty));
  }

  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>(lockDueSourcesSql(now, window));
    if (!locked.length) return [];
    const onlySources = Prisma.sql`AND s."id" IN (${Prisma.join(locked.map((row) => row.id))})`;

    return tx.$queryRaw<ClaimedDelivery[]>(
      claimSql(options, now, onlySources, Prisma.sql`FOR UPDATE OF d SKIP LOCKED`),
    );
  });
}

/** Look a little beyond the limit: rows of capped sources are skipped after ranking. */
function windowFor(limit: number): number {
  return limit * 4;
}

/** Advisory locks of the claim transaction live in their own key space (two int4 keys). */
const SOURCE_LOCK_SPACE = 0x74726970;

/**
 * Locks (for the rest of the transaction) every source the claim would take
 * from, as this statement's snapshot sees them, and returns their ids. The
 * locks are taken in id order: PostgreSQL evaluates a volatile function in
 * the select list after ORDER BY. A hash collision between two ids only
 * makes them share a lock.
 */
function lockDueSourcesSql(now: Date, window: number): Prisma.Sql {
  return Prisma.sql`
    ${dueSql(now, window, Prisma.empty, Prisma.empty)}
    SELECT o."id", pg_advisory_xact_lock(${SOURCE_LOCK_SPACE}, hashtext(o."id"))::text AS "locked"
    FROM open_sources o
    WHERE o."id" IN (SELECT "sourceId" FROM due_pending UNION SELECT "sourceId" FROM due_expired)
    ORDER BY o."id"`;
}

/**
 * The sources below their cap (limited to `onlySources` when given) and the
 * first due rows of each kind among them; `lock` locks those rows.
 */
function dueSql(now: Date, window: number, onlySources: Prisma.Sql, lock: Prisma.Sql): Prisma.Sql {
  const nowMs = BigInt(now.getTime());

  return Prisma.sql`
    WITH busy AS (
      SELECT "sourceId", COUNT(*) AS n FROM "Delivery"
      WHERE "state" = ${IN_FLIGHT} AND "leaseUntilMs" > CAST(${nowMs} AS BIGINT)
      GROUP BY "sourceId"
    ),
    open_sources AS (
      SELECT s."id", s."timeoutSeconds", s."concurrency" - COALESCE(b.n, 0) AS free
      FROM "DeliverySource" s LEFT JOIN busy b ON b."sourceId" = s."id"
      WHERE s."enabled" = true AND s."concurrency" > COALESCE(b.n, 0) ${onlySources}
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
    )`;
}

/** The claim itself: each source's free slots from the due rows, then the lease. */
function claimSql(
  { owner, limit, leaseMarginMs }: ClaimOptions,
  now: Date,
  onlySources: Prisma.Sql,
  lock: Prisma.Sql,
): Prisma.Sql {
  const nowMs = BigInt(now.getTime());
  const margin = BigInt(leaseMarginMs);

  return Prisma.sql`
    ${dueSql(now, windowFor(limit), onlySources, lock)},
    due AS (SELECT * FROM due_pending UNION ALL SELECT * FROM due_expired),
    ranked AS (
      SELECT due."id", due."nextAttemptAt", o."timeoutSeconds", o.free,
        ROW_NUMBER() OVER (PARTITION BY due."sourceId" ORDER BY due."nextAttemptAt") AS rn
      FROM due JOIN open_sources o ON o."id" = due."sourceId"
    ),
    chosen AS (
      SELECT "id", "timeoutSeconds" FROM ranked WHERE rn <= free
      ORDER BY "nextAttemptAt" LIMIT ${limit}
    )
    UPDATE "Delivery" SET
      -- claim and takeover both enter the same state.
      "state" = ${CLAIM.to},
      "attempts" = "attempts" + 1,
      "leaseOwner" = ${owner},
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
