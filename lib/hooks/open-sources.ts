import { getConfig } from "@/lib/config";
import type { SqlRunner } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

/**
 * The hooks among `ids` whose delivery source still takes deliveries. The
 * delivery engine turns a source off on a 410 or after its failure window
 * and cancels what it had queued, but leaves the webhook row enabled; a
 * delivery queued after that would sit pending until someone re-enabled the
 * source and then go out late. So every enqueue asks here first, in its own
 * transaction.
 *
 * On PostgreSQL the enabled rows are share-locked until that transaction
 * commits: a concurrent disable waits for it and then cancels what it
 * queued, or commits first and this read no longer returns the row. SQLite
 * has one writer at a time, which gives the same order.
 */
export async function openSources(tx: SqlRunner, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const lock = getConfig().database.kind === "postgresql" ? Prisma.sql`FOR SHARE` : Prisma.empty;
  const rows = await tx.query<{ id: string }>(Prisma.sql`
    SELECT "id" FROM "DeliverySource"
    WHERE "id" IN (${Prisma.join(unique)}) AND "enabled" = true
    ${lock}`);

  return new Set(rows.map((row) => row.id));
}
