import { enqueueDeliveries, notifyDeliveries, type TEnqueue } from "@/lib/delivery";
import { getDb, prismaRunner, sqlOf, type Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { RecordLoaders } from "@/lib/lens/read/loaders";
import { logger } from "@/lib/log";

import { deliveryInput } from "./delivery-input";
import { hookIndex } from "./hook-index";
import { withLookups } from "./lookups";
import { openSources } from "./open-sources";
import { buildPayload } from "./payload";

/**
 * Fires deferred hooks whose time has come. Each stored fire is deleted in
 * the transaction that enqueues its delivery, and only while it still holds
 * the time that was read (a reschedule in between wins), so a restart or a
 * second scheduler never fires it twice and nothing is lost. The record is
 * read, and `filter` checked, now.
 *
 * A disabled hook fires nothing: its due fires are deleted unsent, whether a
 * user turned it off (it is then not in the index) or the delivery engine
 * did (its source is closed). The dispatcher does not track the changes of
 * a hook a user turned off, so turning it back on rebuilds its fire times
 * from the records as they are then (`rebuildDeferredFires`).
 */
export async function fireDeferredOnce(
  limit = 200,
  db: Db = getDb(),
  now = new Date(),
): Promise<number> {
  // Every hooks pass asks, and it is usually nothing: a raw read is cheapest.
  const due = await sqlOf(db).query<{ id: string; hookId: string; uid: string; fireAt: Date }>(
    Prisma.sql`
      SELECT "id", "hookId", "uid", "fireAt" FROM "DeferredFire"
      WHERE "fireAt" <= ${now} ORDER BY "fireAt" LIMIT ${limit}`,
  );
  if (!due.length) return 0;
  const index = await hookIndex(db);

  const created = await db.$transaction(
    async (tx) => {
      const loaders = new RecordLoaders(tx);
      const inputs: TEnqueue[] = [];
      for (const fire of due) {
        const taken = await tx.deferredFire.deleteMany({
          where: { id: fire.id, fireAt: fire.fireAt },
        });
        const hook = index.byId.get(fire.hookId);
        if (!taken.count || !hook?.subscription || !hook.object) continue;
        const record = await loaders.byUid(hook.object).load(fire.uid);
        if (!record) continue;
        if (hook.filter) {
          const nested = await withLookups(record, hook.filter.lookups, hook.object, loaders);
          if (!hook.filter.matches(nested, { now })) continue;
        }
        const body = await buildPayload(hook.subscription, record, tx, loaders, now);
        const key = `df:${hook.id}:${fire.uid}:${fire.fireAt.getTime()}`;
        inputs.push(deliveryInput(hook, body, key));
      }
      const ids = inputs.map((input) => input.sourceId);
      const open = await openSources(prismaRunner(tx), ids);
      const sendable = inputs.filter((input) => open.has(input.sourceId));
      const results = sendable.length ? await enqueueDeliveries(sendable, prismaRunner(tx)) : [];

      return results.filter((result) => result.created).length;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  if (created) {
    notifyDeliveries();
    logger.debug({ created }, "deferred webhooks fired");
  }

  return created;
}
