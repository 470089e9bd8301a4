import { randomUUID } from "node:crypto";

import type { SqlRunner } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Tx } from "@/lib/delivery";
import type { ChangeEvent } from "@/lib/lens";
import { findRecords } from "@/lib/lens/read/delegates";
import { CHANGE_EVENT_COUNTER } from "@/lib/lens/records/write-transaction";
import { findField, getObject, isNullable, isObjectName } from "@/lib/lens/registry";

import type { CompiledHook } from "./hook-index";
import type { WebhookRow } from "./webhook-row";

function fireTime(value: unknown, offsetMs: number): Date | null {
  const base = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!base || Number.isNaN(base.getTime())) return null;

  return new Date(base.getTime() + offsetMs);
}

/**
 * Holds Lens writes back until `tx` commits, by writing the row every Lens
 * write transaction writes first (write-transaction.ts). Records read after
 * this are final until the hook's own commit: a change that commits later
 * is read by the dispatcher after that commit, so it meets the hook in the
 * index. Without it, on PostgreSQL, a change committing between the read and
 * the hook's commit could reach a dispatcher that did not yet know the hook,
 * and the fire time would stay stale.
 */
async function holdLensWrites(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Counter" ("name", "value") VALUES (${CHANGE_EVENT_COUNTER}, 0)
    ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value"`;
}

/**
 * Stores the fire times of the records that exist when a deferred hook is
 * saved. Fire times already past are not stored: saving a hook must not
 * fire once for every historical record.
 */
export async function seedDeferredFires(tx: Tx, row: WebhookRow): Promise<void> {
  if (row.object === null || row.field === null || !isObjectName(row.object)) return;
  await holdLensWrites(tx);
  const object = getObject(row.object);
  const offsetMs = Number(row.offsetMs ?? 0);
  const now = Date.now();
  // LIMITATION: reads every record with the field set in one query; a table of
  // millions of rows would want paging here.
  // Prisma refuses `not: null` on a column that is never null (CreatedDate).
  const field = findField(object, row.field);
  const where = field && isNullable(field) ? { [row.field]: { not: null } } : {};
  const records = await findRecords(tx, object, { where });
  const data = records.flatMap((record) => {
    const at = fireTime(record[row.field ?? ""], offsetMs);
    const uid = record.UID;

    return at && at.getTime() > now && typeof uid === "string"
      ? [{ hookId: row.id, uid, fireAt: at }]
      : [];
  });
  if (data.length) await tx.deferredFire.createMany({ data });
}

/**
 * Replaces a deferred hook's fire times with those of its records as they
 * are now. For a hook being turned back on, in the transaction that enables
 * it: while it was off the dispatcher did not follow its records, so the
 * stored times may be stale, and those that fell due were dropped unsent.
 * Only future times are stored, as when the hook was created. A hook that is
 * disabled, missing or not deferred is left with no fire times.
 */
export async function rebuildDeferredFires(tx: Tx, webhookId: string): Promise<void> {
  await tx.deferredFire.deleteMany({ where: { hookId: webhookId } });
  const row = await tx.webhook.findUnique({ where: { id: webhookId } });
  if (row?.enabled && row.type === "graphql_deferred") await seedDeferredFires(tx, row);
}

/**
 * Keeps one hook's stored fire time in step with one change: rescheduled
 * when the field changes, dropped when it is cleared, the record deleted, or
 * the new time is already past when the change happens. Runs in the
 * dispatcher's write transaction, on its SQL runner.
 */
export async function applyDeferredChange(
  tx: SqlRunner,
  hook: CompiledHook,
  event: ChangeEvent,
): Promise<void> {
  const field = hook.field;
  if (!field) return;
  if (event.operation === "UPDATE" && !event.changedFields.includes(field)) return;
  const at = event.operation === "DELETE" ? null : fireTime(event.current?.[field], hook.offsetMs);
  if (!at || at.getTime() <= event.createdAt.getTime()) {
    await tx.execute(Prisma.sql`
      DELETE FROM "DeferredFire" WHERE "hookId" = ${hook.id} AND "uid" = ${event.uid}`);
    return;
  }
  await tx.execute(Prisma.sql`
    INSERT INTO "DeferredFire" ("id", "hookId", "uid", "fireAt")
    VALUES (${randomUUID()}, ${hook.id}, ${event.uid}, ${at})
    ON CONFLICT ("hookId", "uid") DO UPDATE SET "fireAt" = excluded."fireAt"`);
}
