import { z } from "zod";

import { getConfig } from "@/lib/config";
import { getDb, sqlOf, type SqlRunner } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { DeliveryError } from "./errors";
import { newRowId } from "./ids";
import { dbTime, jsonRows } from "./json-rows";
import { NOTIFY_CHANNEL, notifyDeliveries } from "./signal";
import { INITIAL_STATE } from "./state-machine";

/** A Prisma transaction, as the hooks module hands one around. */
export type Tx = Prisma.TransactionClient;

export const ZEnqueueSchema = z.object({
  sourceId: z.string().min(1),
  url: z.string().min(1).max(2048),
  /** Configured headers, already filled in; sent as given. */
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string(),
  /** Unique per (event x hook): a second enqueue with the same key is refused. */
  idempotencyKey: z.string().min(1).max(300).optional(),
  /** `webhook-id` and `Skedulo-Request-Id`; a new UUID unless given. */
  requestId: z.string().min(1).max(200).optional(),
  /** For deferred and scheduled hooks: not before this time. */
  startAfter: z.date().optional(),
  /** A one-shot (a test fire): a failed attempt ends the delivery instead of retrying. */
  noRetry: z.boolean().default(false),
});

export type TEnqueue = z.input<typeof ZEnqueueSchema>;

export interface Enqueued {
  id: string;
  requestId: string;
  /** False when the idempotency key was already used; `id` is then the first delivery's. */
  created: boolean;
}

/**
 * Queues one delivery. Pass the dispatcher's transaction (as a runner, see
 * `prismaRunner`) to enqueue together
 * with its cursor move; workers in other processes are told on commit
 * (PostgreSQL NOTIFY), and on SQLite the caller should call
 * `notifyDeliveries()` after its commit or the next poll finds the row.
 */
export async function enqueueDelivery(input: TEnqueue, tx?: SqlRunner): Promise<Enqueued> {
  const [result] = await enqueueDeliveries([input], tx);
  if (!result) throw new Error("enqueue returned nothing");

  return result;
}

/** Rows per INSERT: one JSON parameter, kept to a few megabytes at most. */
const CHUNK = 500;

/**
 * Queues several deliveries: one INSERT per 500, its rows in one JSON
 * parameter. A statement is atomic on its own, so without a caller's
 * transaction none is opened. Rows whose idempotency key is taken are
 * skipped by the database and reported with the first delivery's id.
 */
export async function enqueueDeliveries(inputs: TEnqueue[], tx?: SqlRunner): Promise<Enqueued[]> {
  const parsed = inputs.map((input) => ZEnqueueSchema.parse(input));
  const client: SqlRunner = tx ?? sqlOf(getDb());
  const results: Enqueued[] = [];
  for (let offset = 0; offset < parsed.length; offset += CHUNK) {
    results.push(...(await insertChunk(client, parsed.slice(offset, offset + CHUNK))));
  }
  if (getConfig().database.kind === "postgresql" && results.some((result) => result.created)) {
    await client.execute(Prisma.sql`SELECT pg_notify(${NOTIFY_CHANNEL}, '')`);
  }
  // Without a caller's transaction the rows are committed now; with one, this
  // early wake finds nothing yet and the caller's notify (or NOTIFY) follows.
  if (!tx) notifyDeliveries();

  return results;
}

type Parsed = z.output<typeof ZEnqueueSchema>;

async function insertChunk(client: SqlRunner, items: Parsed[]): Promise<Enqueued[]> {
  if (!items.length) return [];
  const now = new Date();
  const rows = items.map((item) => {
    const id = newRowId();

    return { id, requestId: item.requestId ?? id, item };
  });
  const v = jsonRows(
    rows.map(({ id, requestId, item }) => ({
      id,
      sourceId: item.sourceId,
      key: item.idempotencyKey ?? null,
      url: item.url,
      headers: JSON.stringify(item.headers),
      body: item.body,
      requestId,
      due: dbTime(item.startAfter ?? now),
      noRetry: item.noRetry,
    })),
    [
      ["id", "text"],
      ["sourceId", "text"],
      ["key", "text"],
      ["url", "text"],
      ["headers", "text"],
      ["body", "text"],
      ["requestId", "text"],
      ["due", "timestamp"],
      ["noRetry", "boolean"],
    ],
  );
  let inserted: { id: string }[];
  try {
    inserted = await client.query<{ id: string }>(Prisma.sql`
      INSERT INTO "Delivery" ("id", "sourceId", "idempotencyKey", "url", "headers", "body",
        "requestId", "state", "attempts", "noRetry", "scheduleStart", "nextAttemptAt",
        "createdAt", "updatedAt")
      SELECT v."id", v."sourceId", v."key", v."url", v."headers", v."body", v."requestId",
        ${INITIAL_STATE}, 0, v."noRetry", 0, v."due", ${now}, ${now}
      FROM ${v} AS v
      -- SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT.
      WHERE true
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING "id"`);
  } catch (error) {
    throw translateInsertError(error, items[0]?.sourceId ?? "");
  }
  const created = new Set(inserted.map((row) => row.id));
  const taken = rows.filter((row) => !created.has(row.id)).map((row) => row.item.idempotencyKey);
  const existing = new Map<string, { id: string; requestId: string }>();
  const keys = taken.filter((key) => key !== undefined);
  if (keys.length) {
    const found = await client.query<{ id: string; requestId: string; key: string }>(Prisma.sql`
      SELECT "id", "requestId", "idempotencyKey" AS "key" FROM "Delivery"
      WHERE "idempotencyKey" IN (${Prisma.join(keys)})`);
    for (const row of found) existing.set(row.key, { id: row.id, requestId: row.requestId });
  }

  return rows.map(({ id, requestId, item }) => {
    if (created.has(id)) return { id, requestId, created: true };
    const first = item.idempotencyKey ? existing.get(item.idempotencyKey) : undefined;
    if (!first) throw new DeliveryError("conflict", "a delivery with this idempotency key exists");

    return { ...first, created: false };
  });
}

function translateInsertError(error: unknown, sourceId: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (/foreign key/i.test(message)) {
    return new DeliveryError("not_found", `delivery source ${sourceId} not found`);
  }
  if (/unique/i.test(message)) {
    return new DeliveryError("conflict", "a delivery with this idempotency key exists");
  }

  return error;
}
