import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { FINISHED_STATES } from "./state-machine";

const BATCH = 500;

/**
 * Deletes finished deliveries (with their attempts, by cascade) and attempts
 * older than the retention age, a small batch per statement with a pause
 * between, so the single SQLite writer is never held for long and claims go
 * on in between. Returns how many rows went.
 */
export async function deleteExpired(
  retentionMs: number,
  now = new Date(),
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 10)),
): Promise<{ deliveries: number; attempts: number }> {
  const cutoff = new Date(now.getTime() - retentionMs);
  const db = getDb();
  let deliveries = 0;
  let attempts = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "Delivery" WHERE "id" IN (
        SELECT "id" FROM "Delivery"
        WHERE "state" IN (${Prisma.join(FINISHED_STATES)}) AND "completedAt" < ${cutoff}
        LIMIT ${BATCH})`;
    deliveries += count;
    if (count < BATCH) break;
    await pause();
  }
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "DeliveryAttempt" WHERE "id" IN (
        SELECT "id" FROM "DeliveryAttempt" WHERE "attemptedAt" < ${cutoff} LIMIT ${BATCH})`;
    attempts += count;
    if (count < BATCH) break;
    await pause();
  }

  return { deliveries, attempts };
}
