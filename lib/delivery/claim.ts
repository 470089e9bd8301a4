import { getConfig } from "@/lib/config";
import { getDb, sqlOf } from "@/lib/db";
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
  const claim = { ...options, now };
  const postgres = getConfig().database.kind === "postgresql";
  const due: DueQuery = { now, limit: options.limit, lateral: postgres };
  const sql = sqlOf(getDb());
  if (!postgres) {
    return inDueOrder(
      await sql.query<Claimed>(claimSql(claim, dueSql(due, Prisma.empty, Prisma.empty))),
    );
  }

  const claimed = await sql.transaction(async (tx) => {
    const locked = await tx.query<{ id: string }>(lockDueSourcesSql(due));
    if (!locked.length) return [];
    const onlySources = Prisma.sql`AND s."id" IN (${Prisma.join(locked.map((row) => row.id))})`;
    const lock = Prisma.sql`FOR UPDATE OF d SKIP LOCKED`;

    return tx.query<Claimed>(claimSql(claim, dueSql(due, onlySources, lock)));
  });

  return inDueOrder(claimed);
}

type Claimed = ClaimedDelivery & { nextAttemptAt: Date | string };

/**
 * Oldest due first, then in the order they were queued (ids are time-ordered):
 * an engine sends a claim's deliveries in the order given, and RETURNING
 * keeps no order (PostgreSQL's came back in any).
 */
function inDueOrder(rows: Claimed[]): ClaimedDelivery[] {
  const due = (row: Claimed) => new Date(row.nextAttemptAt).getTime();

  return rows.sort((a, b) => due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const DUE_COLUMNS = Prisma.sql`d."id", d."sourceId", d."nextAttemptAt"`;

interface DueQuery {
  now: Date;
  /** The claim's limit: no source can be given more rows than this. */
  limit: number;
  /** PostgreSQL: read each source's rows with a LATERAL join (SQLite has none). */
  lateral: boolean;
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
function lockDueSourcesSql(due: DueQuery): Prisma.Sql {
  return Prisma.sql`
    ${dueSql(due, Prisma.empty, Prisma.empty)}
    SELECT o."id", pg_advisory_xact_lock(${SOURCE_LOCK_SPACE}, hashtext(o."id"))::text AS "locked"
    FROM open_sources o
    WHERE o."id" IN (SELECT "sourceId" FROM due_pending UNION SELECT "sourceId" FROM due_expired)
    ORDER BY o."id"`;
}

/**
 * The sources below their cap (limited to `onlySources` when given) and the
 * first due rows of each kind among them; `lock` locks those rows.
 *
 * Pending rows are read source by source, each source's first few in time
 * order straight from the (sourceId, state, nextAttemptAt) index, so what a
 * claim reads is bounded by the open sources and the limit, never by a
 * backlog: the rows of a source at its cap are not read at all, so a slow
 * hook's long queue does not slow the claims of the others. PostgreSQL
 * takes each source's free slots through a LATERAL join. SQLite's LIMIT
 * cannot name the outer row, so there every source gets one row count (see
 * perSourceSql) and the ranking trims each to its free slots; it reads row
 * ids from the index, so each row costs one lookup. Expired leases are rare
 * and read in one pass.
 */
function dueSql(
  { now, limit, lateral }: DueQuery,
  onlySources: Prisma.Sql,
  lock: Prisma.Sql,
): Prisma.Sql {
  const nowMs = BigInt(now.getTime());
  // One source's first due rows; `o` is the open source of the outer query.
  const firstDue = (columns: Prisma.Sql, perSource: Prisma.Sql) => Prisma.sql`
    SELECT ${columns} FROM "Delivery" d
    WHERE d."sourceId" = o."id" AND d."state" = ${CLAIM.from} AND d."nextAttemptAt" <= ${now}
    ORDER BY d."nextAttemptAt"
    LIMIT ${perSource}`;
  const duePending = lateral
    ? Prisma.sql`
      SELECT p."id", p."sourceId", p."nextAttemptAt" FROM open_sources o
      CROSS JOIN LATERAL (
        ${firstDue(DUE_COLUMNS, Prisma.sql`LEAST(o.free, CAST(${limit} AS BIGINT))`)} ${lock}
      ) p`
    : Prisma.sql`
      SELECT p."id", p."sourceId", p."nextAttemptAt" FROM open_sources o
      CROSS JOIN "Delivery" p ON p.rowid IN (
        ${firstDue(Prisma.sql`d.rowid`, Prisma.sql`(SELECT n FROM per_source)`)}
      )`;

  return Prisma.sql`
    WITH busy AS (
      SELECT "sourceId", COUNT(*) AS n FROM "Delivery"
      WHERE "state" = ${IN_FLIGHT} AND "leaseUntilMs" > CAST(${nowMs} AS BIGINT)
      GROUP BY "sourceId"
    ),
    open_sources AS MATERIALIZED (
      SELECT s."id", s."concurrency" - COALESCE(b.n, 0) AS free
      FROM "DeliverySource" s LEFT JOIN busy b ON b."sourceId" = s."id"
      WHERE s."enabled" = true AND s."concurrency" > COALESCE(b.n, 0) ${onlySources}
    ),
    ${lateral ? Prisma.empty : perSourceSql(now, limit)}
    due_pending AS (${duePending}),
    due_expired AS (
      SELECT ${DUE_COLUMNS} FROM "Delivery" d
      WHERE d."state" = ${TAKEOVER.from} AND d."leaseUntilMs" <= CAST(${nowMs} AS BIGINT)
        AND d."sourceId" IN (SELECT "id" FROM open_sources)
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit * 4}
      ${lock}
    )`;
}

/** The claim itself: each source's free slots from the due rows, then the lease. */
function claimSql(
  { owner, limit, leaseMarginMs, now }: ClaimOptions & { now: Date },
  due: Prisma.Sql,
): Prisma.Sql {
  const nowMs = BigInt(now.getTime());
  const margin = BigInt(leaseMarginMs);

  return Prisma.sql`
    ${due},
    due AS (SELECT * FROM due_pending UNION ALL SELECT * FROM due_expired),
    ranked AS (
      SELECT due."id", due."nextAttemptAt", o.free,
        ROW_NUMBER() OVER (PARTITION BY due."sourceId" ORDER BY due."nextAttemptAt") AS rn
      FROM due JOIN open_sources o ON o."id" = due."sourceId"
    ),
    chosen AS (
      SELECT "id" FROM ranked WHERE rn <= free
      ORDER BY "nextAttemptAt" LIMIT ${limit}
    )
    -- IN rather than UPDATE ... FROM: SQLite would read every delivery and
    -- look each up in chosen, instead of the few chosen ones by their key.
    UPDATE "Delivery" SET
      -- claim and takeover both enter the same state.
      "state" = ${CLAIM.to},
      "attempts" = "attempts" + 1,
      "leaseOwner" = ${owner},
      "leaseUntilMs" = CAST(${nowMs} AS BIGINT) + CAST(${margin} AS BIGINT) + 1000 * (
        SELECT s."timeoutSeconds" FROM "DeliverySource" s WHERE s."id" = "Delivery"."sourceId"),
      -- "updatedAt" stays: see the schema. Moving it here rewrote two index
      -- entries per claim, and the claim is the engine's busiest statement.
      "startedAt" = COALESCE("startedAt", ${now})
    WHERE "id" IN (SELECT "id" FROM chosen)
    RETURNING "id", "sourceId", "url", "headers", "body", "requestId", "attempts",
      "scheduleStart", "noRetry", "nextAttemptAt"`;
}

/** The fewest due rows a SQLite claim reads from a source. */
const SHARE_FLOOR = 8;

/**
 * SQLite: how many due rows the claim reads from each open source, as
 * `per_source`: twice that source's even share of the limit among the
 * sources with work due, but never more than the limit or the freest
 * source's slots. Reading the limit from every source (as the claim did)
 * read ten times the rows it took with ten busy hooks, and ranking them was
 * most of the claim's time. With one hook busy its share is the limit, so
 * the claim still fills; a hook whose due rows lead the others' by more than
 * twice its share is taken in turns over several claims, in its own order.
 */
function perSourceSql(now: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    with_due AS (
      SELECT COUNT(*) AS n FROM open_sources o WHERE EXISTS (
        SELECT 1 FROM "Delivery" d
        WHERE d."sourceId" = o."id" AND d."state" = ${CLAIM.from} AND d."nextAttemptAt" <= ${now})
    ),
    per_source AS (
      SELECT CAST(MIN(${limit}, (SELECT MAX(free) FROM open_sources),
        MAX(${SHARE_FLOOR}, (2 * ${limit} + w.n - 1) / MAX(w.n, 1))) AS INTEGER) AS n
      FROM with_due w
    ),`;
}

/**
 * Extends the lease of a delivery this owner holds for this attempt to now
 * + its source's timeout + the margin, as a claim would set it. For a
 * claimed delivery that waited in its engine for a free call slot: its call
 * must end inside its lease, or another worker could take it over and send
 * it a second time. False when the delivery is no longer this owner's.
 */
export async function renewLease(
  delivery: Pick<ClaimedDelivery, "id" | "attempts">,
  owner: string,
  leaseMarginMs: number,
): Promise<boolean> {
  const nowMs = BigInt(Date.now());
  const changed = await sqlOf(getDb()).execute(Prisma.sql`
    UPDATE "Delivery" SET
      "leaseUntilMs" = CAST(${nowMs + BigInt(leaseMarginMs)} AS BIGINT) + 1000 * (
        SELECT s."timeoutSeconds" FROM "DeliverySource" s WHERE s."id" = "Delivery"."sourceId")
    WHERE "id" = ${delivery.id} AND "state" = ${IN_FLIGHT} AND "leaseOwner" = ${owner}
      AND "attempts" = ${Number(delivery.attempts)}`);

  return changed > 0;
}
