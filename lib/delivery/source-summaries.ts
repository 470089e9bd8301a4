import { getConfig } from "@/lib/config";
import { getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { dbTime } from "./json-rows";

/** What the console's webhook list shows per source. */
export interface SourceSummary {
  sourceId: string;
  /** The most recently updated delivery, however long ago. */
  last: { state: string; statusCode: number | null; at: string } | null;
  /** Deliveries updated since `since`, and how many of those ended in success or error. */
  recent: { total: number; succeeded: number; failed: number };
}

interface Row {
  sourceId: string;
  lastState: string | null;
  lastAt: Date | string | null;
  lastStatusCode: number | bigint | null;
  total: number | bigint | null;
  succeeded: number | bigint | null;
  failed: number | bigint | null;
}

/** PostgreSQL compares timestamps; the SQLite adapter stores ISO text and compares that. */
function since(date: Date): Prisma.Sql {
  return getConfig().database.kind === "postgresql"
    ? Prisma.sql`${date}`
    : Prisma.sql`${dbTime(date)}`;
}

/**
 * Latest delivery and recent counts for many sources in ONE statement, so a
 * list of webhooks costs one round trip however long it is. Each source's
 * latest delivery is a single descending seek on (sourceId, updatedAt) and the
 * counts a range scan of the same index over the window only, so neither
 * grows with a source's history.
 */
function summarySql(ids: readonly string[], from: Date): Prisma.Sql {
  const list = Prisma.join(ids);

  return Prisma.sql`
    SELECT s."id" AS "sourceId", d."state" AS "lastState", d."updatedAt" AS "lastAt",
      (SELECT a."statusCode" FROM "DeliveryAttempt" a
        WHERE a."deliveryId" = d."id" ORDER BY a."number" DESC LIMIT 1) AS "lastStatusCode",
      r."total", r."succeeded", r."failed"
    FROM "DeliverySource" s
    LEFT JOIN "Delivery" d ON d."id" = (
      SELECT l."id" FROM "Delivery" l
      WHERE l."sourceId" = s."id" ORDER BY l."updatedAt" DESC, l."id" DESC LIMIT 1)
    LEFT JOIN (
      SELECT w."sourceId", COUNT(*) AS "total",
        SUM(CASE WHEN w."state" = 'success' THEN 1 ELSE 0 END) AS "succeeded",
        SUM(CASE WHEN w."state" = 'error' THEN 1 ELSE 0 END) AS "failed"
      FROM "Delivery" w
      WHERE w."sourceId" IN (${list}) AND w."updatedAt" >= ${since(from)}
      GROUP BY w."sourceId") r ON r."sourceId" = s."id"
    WHERE s."id" IN (${list})`;
}

function toSummary(row: Row): SourceSummary {
  const at = row.lastAt === null ? null : new Date(row.lastAt).toISOString();

  return {
    sourceId: row.sourceId,
    last:
      row.lastState === null || at === null
        ? null
        : {
            state: row.lastState,
            statusCode: row.lastStatusCode === null ? null : Number(row.lastStatusCode),
            at,
          },
    recent: {
      total: Number(row.total ?? 0),
      succeeded: Number(row.succeeded ?? 0),
      failed: Number(row.failed ?? 0),
    },
  };
}

/** Summaries for the sources that exist among `ids`, keyed by source id. */
export async function summarizeSources(
  ids: readonly string[],
  from: Date,
  db: Db = getDb(),
): Promise<Map<string, SourceSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>(summarySql(ids, from));

  return new Map(rows.map((row) => [row.sourceId, toSummary(row)]));
}
