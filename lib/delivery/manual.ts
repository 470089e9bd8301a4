import { getDb } from "@/lib/db";

import { claimById } from "./claim-by-id";
import { DeliveryEngine, type AttemptReport } from "./engine";
import { enqueueDelivery } from "./enqueue";
import { DeliveryError } from "./errors";
import { deliverySettings } from "./settings";
import { notifyDeliveries } from "./signal";
import { step } from "./state-machine";

const RECOVER = step("recover", "error");

/** lens-api.md §6 test fire: a sample body unless the caller gives one. */
export const SAMPLE_PAYLOAD = { type: "test", message: "Test delivery from Tripline" };

function manualEngine(): DeliveryEngine {
  return new DeliveryEngine({ concurrency: 1, batchSize: 1 });
}

async function sendClaimed(engine: DeliveryEngine, id: string): Promise<AttemptReport> {
  const claimed = await claimById(id, engine.owner, deliverySettings().leaseMarginMs);
  if (!claimed) throw new DeliveryError("conflict", "an attempt of this delivery is in flight");
  const [report] = await engine.start([claimed], true);
  if (!report) throw new Error("the attempt produced no report");

  return report;
}

/**
 * Sends a sample payload to a source now and answers with the attempt. The
 * delivery is logged like any other, but it is never retried.
 */
export async function testFire(
  sourceId: string,
  target: { url: string; headers?: Record<string, string> },
  payload: unknown = SAMPLE_PAYLOAD,
): Promise<AttemptReport> {
  // Not due for a day, so no worker claims it before this call does.
  const { id } = await enqueueDelivery({
    sourceId,
    url: target.url,
    headers: target.headers ?? {},
    body: JSON.stringify(payload),
    startAfter: new Date(Date.now() + 86_400_000),
  });
  await getDb().delivery.update({ where: { id }, data: { noRetry: true } });

  return sendClaimed(manualEngine(), id);
}

/**
 * A new attempt now. A finished delivery's resend is not rescheduled when it
 * fails; a pending one is only taken ahead of its schedule.
 */
export async function resendDelivery(id: string): Promise<AttemptReport> {
  const row = await getDb().delivery.findUnique({ where: { id }, select: { state: true } });
  if (!row) throw new DeliveryError("not_found", `delivery ${id} not found`);

  return sendClaimed(manualEngine(), id);
}

/**
 * Re-queues every delivery of a source that failed since `since` (the
 * `recover` transition), each with a fresh retry schedule. Returns the count.
 */
export async function recoverDeliveries(sourceId: string, since: Date): Promise<number> {
  const source = await getDb().deliverySource.findUnique({ where: { id: sourceId } });
  if (!source) throw new DeliveryError("not_found", `delivery source ${sourceId} not found`);
  const now = new Date();
  const count = await getDb().$executeRaw`
    UPDATE "Delivery" SET "state" = ${RECOVER.to}, "nextAttemptAt" = ${now},
      "scheduleStart" = "attempts", "noRetry" = false, "completedAt" = NULL, "updatedAt" = ${now}
    WHERE "sourceId" = ${sourceId} AND "state" = ${RECOVER.from}
      AND "completedAt" >= ${since}`;
  if (count) notifyDeliveries();

  return count;
}
