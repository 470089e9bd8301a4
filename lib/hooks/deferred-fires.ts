import type { Tx } from "@/lib/delivery";
import type { ChangeEvent } from "@/lib/lens";
import { findRecords } from "@/lib/lens/read/delegates";
import { getObject, isObjectName } from "@/lib/lens/registry";

import type { CompiledHook } from "./hook-index";
import type { WebhookRow } from "./webhook-row";

function fireTime(value: unknown, offsetMs: number): Date | null {
  const base = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!base || Number.isNaN(base.getTime())) return null;

  return new Date(base.getTime() + offsetMs);
}

/**
 * Stores the fire times of the records that exist when a deferred hook is
 * saved. Fire times already past are not stored: saving a hook must not
 * fire once for every historical record.
 */
export async function seedDeferredFires(tx: Tx, row: WebhookRow): Promise<void> {
  if (row.object === null || row.field === null || !isObjectName(row.object)) return;
  const object = getObject(row.object);
  const offsetMs = Number(row.offsetMs ?? 0);
  const now = Date.now();
  // LIMITATION: reads every record with the field set in one query; a table of
  // millions of rows would want paging here.
  const records = await findRecords(tx, object, { where: { [row.field]: { not: null } } });
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
 * Keeps one hook's stored fire time in step with one change: rescheduled
 * when the field changes, dropped when it is cleared, the record deleted, or
 * the new time is already past when the change happens.
 */
export async function applyDeferredChange(
  tx: Tx,
  hook: CompiledHook,
  event: ChangeEvent,
): Promise<void> {
  const field = hook.field;
  if (!field) return;
  const where = { hookId_uid: { hookId: hook.id, uid: event.uid } };
  if (event.operation === "DELETE") {
    await tx.deferredFire.deleteMany({ where: { hookId: hook.id, uid: event.uid } });
    return;
  }
  if (event.operation === "UPDATE" && !event.changedFields.includes(field)) return;

  const at = fireTime(event.current?.[field], hook.offsetMs);
  if (!at || at.getTime() <= event.createdAt.getTime()) {
    await tx.deferredFire.deleteMany({ where: { hookId: hook.id, uid: event.uid } });
    return;
  }
  await tx.deferredFire.upsert({
    where,
    create: { hookId: hook.id, uid: event.uid, fireAt: at },
    update: { fireAt: at },
  });
}
