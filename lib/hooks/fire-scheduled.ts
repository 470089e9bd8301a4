import { CronExpressionParser } from "cron-parser";

import { enqueueDelivery, notifyDeliveries } from "@/lib/delivery";
import { getDb, prismaRunner, type Db } from "@/lib/db";

import { deliveryInput } from "./delivery-input";
import { hookIndex } from "./hook-index";
import { openSources } from "./open-sources";
import { parseHeaders } from "./webhook-row";

/** The latest tick of a UTC cron schedule at or before `now`. */
export function latestTick(cron: string, now: Date): Date {
  const expression = CronExpressionParser.parse(cron, {
    tz: "UTC",
    currentDate: new Date(now.getTime() + 1),
  });

  return expression.prev().toDate();
}

export function nextTick(cron: string, now: Date): Date {
  return CronExpressionParser.parse(cron, { tz: "UTC", currentDate: now }).next().toDate();
}

/**
 * Enqueues the latest due tick of each scheduled hook, once. The hook's
 * `lastTickAt` moves forward by compare-and-set in the same transaction as
 * the enqueue, and the idempotency key is `cron:<hook>:<tick>`, so however
 * many schedulers run, a tick is sent once. After downtime only the latest
 * missed tick is due: it fires once, not once per missed tick. A tick that
 * comes due while the delivery engine has the hook's source turned off is
 * used up unsent, so that turning it back on does not send a stale tick.
 */
export class CronScheduler {
  /**
   * When each hook is next worth looking at, so a pass costs no writes
   * between ticks. Each entry is tied to the hook as it was saved: an edit
   * (a new cron, turning it off and on) moves `updatedAt`, and the hook is
   * looked at again on the next pass instead of at the old schedule's tick.
   */
  private readonly nextCheck = new Map<string, { version: string; at: number }>();

  constructor(private readonly db: Db = getDb()) {}

  async runOnce(now = new Date()): Promise<number> {
    const index = await hookIndex(this.db);
    let fired = 0;
    for (const hook of index.scheduled) {
      if (!hook.cron) continue;
      const version = `${hook.cron}@${hook.updatedAt.getTime()}`;
      const memo = this.nextCheck.get(hook.id);
      if (memo?.version === version && memo.at > now.getTime()) continue;
      const tick = latestTick(hook.cron, now);
      if (await this.fire(hook.id, tick)) fired += 1;
      this.nextCheck.set(hook.id, { version, at: nextTick(hook.cron, now).getTime() });
    }
    this.forgetRemoved(index.scheduled);
    if (fired) notifyDeliveries();

    return fired;
  }

  /** Deleted and disabled hooks leave the memo, so it holds one entry per live hook. */
  private forgetRemoved(live: readonly { id: string }[]): void {
    if (this.nextCheck.size <= live.length) return;
    const ids = new Set(live.map((hook) => hook.id));
    for (const id of this.nextCheck.keys()) if (!ids.has(id)) this.nextCheck.delete(id);
  }

  private async fire(hookId: string, tick: Date): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const moved = await tx.webhook.updateMany({
        where: {
          id: hookId,
          enabled: true,
          OR: [{ lastTickAt: null }, { lastTickAt: { lt: tick } }],
        },
        data: { lastTickAt: tick },
      });
      if (moved.count !== 1) return false;
      if (!(await openSources(prismaRunner(tx), [hookId])).has(hookId)) return false;
      const row = await tx.webhook.findUniqueOrThrow({ where: { id: hookId } });
      const hook = { id: row.id, url: row.url, headers: parseHeaders(row.headers) };
      const key = `cron:${hookId}:${tick.toISOString()}`;
      const result = await enqueueDelivery(deliveryInput(hook, "{}", key), prismaRunner(tx));

      return result.created;
    });
  }
}
