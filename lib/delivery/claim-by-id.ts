import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import type { ClaimedDelivery } from "./claim";
import { fromStates, step, targetState } from "./state-machine";

/** A pending delivery is only taken ahead of its schedule: it keeps its retries. */
const TAKE_AHEAD = step("resend", "pending");

/**
 * The `resend` transition: one named delivery to processing under this
 * owner's lease, unless an attempt of it is in flight. A finished delivery
 * becomes a one-shot (noRetry); a pending one keeps its schedule.
 */
export async function claimById(
  id: string,
  owner: string,
  leaseMarginMs: number,
): Promise<ClaimedDelivery | null> {
  const now = new Date();
  const nowMs = BigInt(now.getTime());
  const from = Prisma.join(fromStates("resend"));
  const rows = await getDb().$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET
      "state" = ${targetState("resend")},
      "noRetry" = CASE WHEN "state" = ${TAKE_AHEAD.from} THEN "noRetry" ELSE true END,
      "attempts" = "attempts" + 1,
      "leaseOwner" = ${owner},
      "leaseUntilMs" = CAST(${nowMs + BigInt(leaseMarginMs)} AS BIGINT) + 1000 * (
        SELECT s."timeoutSeconds" FROM "DeliverySource" s WHERE s."id" = "Delivery"."sourceId"),
      "startedAt" = COALESCE("startedAt", ${now}),
      "completedAt" = NULL,
      "updatedAt" = ${now}
    WHERE "id" = ${id} AND "state" IN (${from})
    RETURNING "id", "sourceId", "url", "headers", "body", "requestId", "attempts",
      "scheduleStart", "noRetry"`;

  return rows[0] ?? null;
}
