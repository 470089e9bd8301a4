import { Prisma } from "@/lib/db/generated/sqlite/client";

import { step } from "./state-machine";
import type { Finished } from "./transitions";

/**
 * The statements that stop a source, written in the same transaction as the
 * attempts that stopped it (transitions.ts). Each is fenced on that attempt's
 * row existing, which it does only when the attempt was recorded: a worker
 * that lost its lease disables nothing.
 *
 * What a disablement does to the source's deliveries:
 * - pending ones are cancelled;
 * - processing ones whose lease has expired (their worker died) are
 *   cancelled, since claims skip a disabled source and nothing else would
 *   ever finish them;
 * - processing ones still in flight finish their attempt, which is
 *   recorded; a success or a final failure stands, and a retry is cancelled
 *   instead of rescheduled (`cancelStoppedRetriesSql`).
 */
const CANCEL_QUEUED = step("cancel", "pending");
const CANCEL_ABANDONED = step("cancel", "processing");
/** A retry just written for a source that is disabled is cancelled at once. */
const RETRY_WRITTEN = step("retry", "processing").to;
const CANCEL_RETRY = step("cancel", RETRY_WRITTEN);

export interface Disabling {
  item: Finished;
  reason: string;
}

function recorded({ deliveryId, attempt }: Finished): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "DeliveryAttempt" a
    WHERE a."deliveryId" = ${deliveryId} AND a."number" = ${attempt})`;
}

/** Turns the source off with its reason; counts 1 only when it was still on. */
export function disableSourceSql({ item, reason }: Disabling, now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "DeliverySource" SET "enabled" = false, "disabledAt" = ${now},
      "disabledReason" = ${reason}, "updatedAt" = ${now}
    WHERE "id" = ${item.sourceId} AND "enabled" = true AND ${recorded(item)}`;
}

/** Cancels what the stopped source still had queued or abandoned. */
export function cancelQueuedSql({ item }: Disabling, now: Date): Prisma.Sql {
  const nowMs = BigInt(now.getTime());

  return Prisma.sql`
    UPDATE "Delivery" SET "state" = ${CANCEL_QUEUED.to}, "leaseOwner" = NULL,
      "leaseUntilMs" = NULL, "completedAt" = ${now}, "updatedAt" = ${now}
    WHERE "sourceId" = ${item.sourceId}
      AND ("state" = ${CANCEL_QUEUED.from}
        OR ("state" = ${CANCEL_ABANDONED.from} AND "leaseUntilMs" <= CAST(${nowMs} AS BIGINT)))
      AND ${recorded(item)}`;
}

/** The group's retries whose source is now disabled, cancelled; returns their ids. */
export function cancelStoppedRetriesSql(ids: readonly string[], now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Delivery" SET "state" = ${CANCEL_RETRY.to}, "completedAt" = ${now},
      "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "state" = ${CANCEL_RETRY.from}
      AND "leaseOwner" IS NULL
      AND "sourceId" IN (SELECT s."id" FROM "DeliverySource" s WHERE s."enabled" = false)
    RETURNING "id"`;
}
