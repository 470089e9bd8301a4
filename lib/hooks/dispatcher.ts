import { enqueueDeliveries, notifyDeliveries, type TEnqueue } from "@/lib/delivery";
import { getDb, sqlOf, type Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { readChangeEvents, type ChangeEvent } from "@/lib/lens";
import { RecordLoaders } from "@/lib/lens/read/loaders";
import { logger } from "@/lib/log";

import { applyDeferredChange } from "./deferred-fires";
import { deliveryInput } from "./delivery-input";
import { hookIndex, type CompiledHook, type HookIndex } from "./hook-index";
import { withLookups } from "./lookups";
import { openSources } from "./open-sources";
import { buildPayload } from "./payload";

export const CHANGE_CURSOR = "change-events";

/** Another dispatcher moved the cursor first: this pass's work is theirs. */
class CursorMoved extends Error {}

export interface DispatchResult {
  events: number;
  deliveries: number;
}

/**
 * Where the dispatcher stands. A fresh install starts at the first event:
 * starting at the latest could skip events committed after a hook was
 * created but before the first pass. Older events cost a read, never a
 * delivery (see `matches`).
 */
async function readCursor(db: Db): Promise<number> {
  const [stored] = await sqlOf(db).query<{ seq: unknown }>(
    Prisma.sql`SELECT "seq" FROM "HookCursor" WHERE "name" = ${CHANGE_CURSOR}`,
  );
  if (stored) return Number(stored.seq);

  return db.$transaction(async (tx) => {
    const row = await tx.hookCursor.findUnique({ where: { name: CHANGE_CURSOR } });
    if (row) return row.seq;
    // Two dispatchers may both create it; the second upsert changes nothing.
    await tx.hookCursor.upsert({
      where: { name: CHANGE_CURSOR },
      create: { name: CHANGE_CURSOR, seq: 0 },
      update: {},
    });

    return 0;
  });
}

/**
 * One pass: reads the next change events after the stored cursor, matches
 * them and builds their payloads, then, in one transaction, moves the
 * cursor, updates deferred fire times and enqueues a delivery per matching
 * (event, hook). The cursor moves only from the value read (compare-and-set),
 * so two dispatchers never both take a batch, and the idempotency key
 * `wh:<hook>:<seq>` makes a repeated pass harmless.
 *
 * The events are read before the hooks, and that order is what lets a hook
 * see every change committed after it was. Say hook H commits, then event E
 * commits. The pass that takes E read it after E's commit and reads the
 * hooks after that, so after H's commit: H is in the index it matches E
 * against (saving a hook changes the index's stamp, see `hookIndex`). Read
 * the other way round, a hook saved between the two reads would be missing
 * for events committed after it, and the cursor would move past them.
 *
 * Matching reads (the lookups of filters and payloads) happen before the
 * write transaction, at match time as lens-api.md §4 asks, so on SQLite the
 * one writer's lock is held only for the writes. The transaction runs its
 * SQL directly (sql.ts): through Prisma, a pass of a few events spent most
 * of its time in the client rather than the database.
 */
export async function dispatchOnce(limit = 200, db: Db = getDb()): Promise<DispatchResult> {
  const after = await readCursor(db);
  const events = await readChangeEvents({ after, limit }, db);
  const last = events.at(-1);
  if (!last) return { events: 0, deliveries: 0 };
  const index = await hookIndex(db);
  const { matched, deferred } = await matchEvents(db, index, events);

  let deliveries = 0;
  try {
    await sqlOf(db).transaction(
      async (tx) => {
        const moved = await tx.execute(Prisma.sql`
          UPDATE "HookCursor" SET "seq" = ${last.seq}, "updatedAt" = ${new Date()}
          WHERE "name" = ${CHANGE_CURSOR} AND "seq" = ${after}`);
        if (moved !== 1) throw new CursorMoved();
        for (const { hook, event } of deferred) await applyDeferredChange(tx, hook, event);
        const open = await openSources(
          tx,
          matched.map((input) => input.sourceId),
        );
        const inputs = matched.filter((input) => open.has(input.sourceId));
        if (inputs.length) {
          const results = await enqueueDeliveries(inputs, tx);
          deliveries = results.filter((result) => result.created).length;
        }
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof CursorMoved) return { events: 0, deliveries: 0 };
    throw error;
  }
  if (deliveries) notifyDeliveries();

  return { events: events.length, deliveries };
}

/**
 * Whether a change belongs to a hook's lifetime: one committed before the
 * hook existed never fires it (a new hook does not replay the backlog of a
 * dispatcher that is behind), one committed after always may. The hook's
 * `startSeq` says which is which (see `hookIndex`).
 * LIMITATION: for hooks that already existed when this process first read
 * them, the start is unknown and times are compared instead. An event's time
 * is taken inside its transaction, before the commit, so a change whose
 * transaction was open while such a hook was being created could be missed.
 */
export function seesEvent(
  hook: Pick<CompiledHook, "createdAt" | "startSeq">,
  event: ChangeEvent,
): boolean {
  if (hook.startSeq !== null) return event.seq > hook.startSeq;

  return event.createdAt >= hook.createdAt;
}

interface Matched {
  /** A delivery for each matching (event, webhook) pair, payload built. */
  matched: TEnqueue[];
  /** Changes to the records that deferred webhooks follow, in event order. */
  deferred: { hook: CompiledHook; event: ChangeEvent }[];
}

async function matchEvents(db: Db, index: HookIndex, events: ChangeEvent[]): Promise<Matched> {
  const loaders = new RecordLoaders(db);
  const now = new Date();
  const result: Matched = { matched: [], deferred: [] };
  for (const event of events) {
    for (const hook of index.forChange(event.object)) {
      if (!(await matches(hook, event, loaders))) continue;
      const subscription = hook.subscription;
      if (!subscription) continue;
      const body = await buildPayload(subscription, changeRoot(event), db, loaders, now);
      result.matched.push(deliveryInput(hook, body, `wh:${hook.id}:${event.seq}`));
    }
    for (const hook of index.forDeferred(event.object)) {
      if (seesEvent(hook, event)) result.deferred.push({ hook, event });
    }
  }

  return result;
}

/**
 * lens-api.md §4: the operation is subscribed to; an UPDATE touched a field
 * selected under `data`; the filter holds on the current values (the
 * previous ones for DELETE). Changes from before the hook existed never
 * fire it (see `seesEvent`).
 */
export async function matches(
  hook: CompiledHook,
  event: ChangeEvent,
  loaders: RecordLoaders,
): Promise<boolean> {
  const subscription = hook.subscription;
  if (!subscription || !seesEvent(hook, event)) return false;
  if (!subscription.operations.includes(event.operation)) return false;
  if (
    event.operation === "UPDATE" &&
    !event.changedFields.some((field) => hook.dataFields.has(field))
  ) {
    return false;
  }
  if (!hook.filter) return true;
  const record = event.operation === "DELETE" ? event.previous : event.current;
  if (!record) return false;
  try {
    const object = subscription.object;

    return hook.filter.matches(await withLookups(record, hook.filter.lookups, object, loaders));
  } catch (error) {
    logger.warn({ hookId: hook.id, seq: event.seq, err: error }, "webhook filter failed");
    return false;
  }
}

function changeRoot(event: ChangeEvent) {
  return {
    operation: event.operation,
    timestamp: event.createdAt,
    data: event.current ?? event.previous,
    previous: event.previous,
  };
}
