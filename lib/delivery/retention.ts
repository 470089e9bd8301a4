import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { FINISHED_STATES } from "./state-machine";

const BATCH = 500;

/**
 * Deletes finished deliveries older than the retention age, with their
 * attempts (by cascade), a small batch per statement with a pause between,
 * so the single SQLite writer is never held for long and claims go on in
 * between. Attempts are never deleted on their own: a pending or processing
 * delivery keeps its whole history, however old, until it finishes and ages
 * out. Returns how many deliveries went.
 */
export async function deleteExpired(
  retentionMs: number,
  now = new Date(),
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 10)),
): Promise<{ deliveries: number }> {
  const cutoff = new Date(now.getTime() - retentionMs);
  const db = getDb();
  let deliveries = 0;
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

  return { deliveries };
}
