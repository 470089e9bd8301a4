import { compileRecordFilter, type RecordFilter } from "@/lib/eql";
import type { Db } from "@/lib/db";
import { validateWebhookQuery, type WebhookSubscription } from "@/lib/lens";
import { eqlSchema, isObjectName, type ObjectName } from "@/lib/lens/registry";
import { logger } from "@/lib/log";

import { selectedDataFields } from "./selection";
import { toDraft, type WebhookRow } from "./webhook-row";

/** A stored webhook, parsed and compiled once per refresh of the index. */
export interface CompiledHook {
  id: string;
  url: string;
  headers: Record<string, string>;
  createdAt: Date;
  object: ObjectName | null;
  subscription: WebhookSubscription | null;
  /** graphql: the query's `filter` argument; graphql_deferred: the hook's `filter`. */
  filter: RecordFilter | null;
  /** graphql: fields selected under `data`. */
  dataFields: ReadonlySet<string>;
  field: string | null;
  offsetMs: number;
  cron: string | null;
  lastTickAt: Date | null;
}

/**
 * Enabled hooks grouped so that an event looks only at the hooks of its own
 * object: matching one event against 1,000 hooks on other objects costs
 * nothing. Rebuilt when hooks change (see `hookIndex`).
 */
export class HookIndex {
  readonly changeHooks = new Map<ObjectName, CompiledHook[]>();
  readonly deferredHooks = new Map<ObjectName, CompiledHook[]>();
  readonly scheduled: CompiledHook[] = [];
  readonly byId = new Map<string, CompiledHook>();

  constructor(rows: WebhookRow[]) {
    for (const row of rows) {
      const hook = compile(row);
      if (!hook) continue;
      this.byId.set(hook.id, hook);
      if (row.type === "scheduled") this.scheduled.push(hook);
      const group =
        row.type === "graphql"
          ? this.changeHooks
          : row.type === "graphql_deferred"
            ? this.deferredHooks
            : null;
      if (group && hook.object) group.set(hook.object, [...(group.get(hook.object) ?? []), hook]);
    }
  }

  forChange(object: ObjectName): readonly CompiledHook[] {
    return this.changeHooks.get(object) ?? [];
  }

  forDeferred(object: ObjectName): readonly CompiledHook[] {
    return this.deferredHooks.get(object) ?? [];
  }
}

function compile(row: WebhookRow): CompiledHook | null {
  const draft = toDraft(row);
  let subscription: WebhookSubscription | null = null;
  let filter: RecordFilter | null = null;
  try {
    if (draft.type === "graphql" || draft.type === "graphql_deferred") {
      const check = validateWebhookQuery(draft.query ?? "", draft.type);
      if (!check.ok) throw new Error(check.errors.map((error) => error.message).join("; "));
      subscription = check.subscription;
      const text = draft.type === "graphql" ? subscription.filter : draft.filter;
      if (text) filter = compileRecordFilter(text, eqlSchema(), subscription.object);
    }
  } catch (error) {
    // Saved hooks were valid; a schema change since then is the only way here.
    logger.error({ hookId: row.id, err: error }, "webhook no longer compiles; skipped");
    return null;
  }
  const object = row.object !== null && isObjectName(row.object) ? row.object : null;

  return {
    id: row.id,
    url: draft.url,
    headers: draft.headers,
    createdAt: row.createdAt,
    object: subscription?.object ?? object,
    subscription,
    filter,
    dataFields:
      subscription && draft.type === "graphql"
        ? selectedDataFields(subscription.field, subscription.document, subscription.object)
        : new Set(),
    field: draft.field,
    offsetMs: draft.offset ?? 0,
    cron: draft.cron,
    lastTickAt: row.lastTickAt,
  };
}

const globalForIndex = globalThis as {
  triplineHookIndex?: { stamp: string; index: HookIndex };
  triplineHookIndexVersion?: number;
};

/** Hooks saved in this process drop the index at once; other processes' changes show in the stamp. */
export function invalidateHookIndex(): void {
  globalForIndex.triplineHookIndexVersion = (globalForIndex.triplineHookIndexVersion ?? 0) + 1;
}

/**
 * The current index. Each call costs one aggregate query (count and latest
 * update), so hooks changed by another process are picked up on the next
 * dispatcher pass without reloading every hook every time.
 */
export async function hookIndex(db: Db): Promise<HookIndex> {
  const summary = await db.$transaction((tx) =>
    tx.webhook.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  );
  const version = globalForIndex.triplineHookIndexVersion ?? 0;
  const stamp = `${version}:${summary._count._all}:${summary._max.updatedAt?.getTime() ?? 0}`;
  const cached = globalForIndex.triplineHookIndex;
  if (cached?.stamp === stamp) return cached.index;

  const rows = await db.$transaction((tx) => tx.webhook.findMany({ where: { enabled: true } }));
  const index = new HookIndex(rows);
  globalForIndex.triplineHookIndex = { stamp, index };

  return index;
}
