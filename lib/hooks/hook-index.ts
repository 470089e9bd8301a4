import { compileRecordFilter, type RecordFilter } from "@/lib/eql";
import { sqlOf, type Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { validateWebhookQuery, type WebhookSubscription } from "@/lib/lens";
import { CHANGE_EVENT_COUNTER } from "@/lib/lens/records/write-transaction";
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
  /** Moves on every save, enabling included: the scheduler's memo is keyed by it. */
  updatedAt: Date;
  /**
   * Every change event after this one committed after the hook was saved
   * (enabled); null when unknown, for the hooks already there when this
   * process first read them. See `hookIndex`.
   */
  startSeq: number | null;
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

  constructor(rows: WebhookRow[], startSeq: (id: string) => number | null = () => null) {
    for (const row of rows) {
      const hook = compile(row, startSeq(row.id));
      if (!hook) continue;
      this.byId.set(hook.id, hook);
      if (row.type === "scheduled") this.scheduled.push(hook);
      const group =
        row.type === "graphql"
          ? this.changeHooks
          : row.type === "graphql_deferred"
            ? this.deferredHooks
            : null;
      if (!group || !hook.object) continue;
      const hooks = group.get(hook.object);
      if (hooks) hooks.push(hook);
      else group.set(hook.object, [hook]);
    }
  }

  forChange(object: ObjectName): readonly CompiledHook[] {
    return this.changeHooks.get(object) ?? [];
  }

  forDeferred(object: ObjectName): readonly CompiledHook[] {
    return this.deferredHooks.get(object) ?? [];
  }
}

function compile(row: WebhookRow, startSeq: number | null): CompiledHook | null {
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
    updatedAt: row.updatedAt,
    startSeq,
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
  triplineHookIndex?: { stamp: string; index: HookIndex; seq: number };
  triplineHookIndexVersion?: number;
};

/**
 * Hooks saved in this process drop the index at once; other processes'
 * changes show in the stamp.
 */
export function invalidateHookIndex(): void {
  globalForIndex.triplineHookIndexVersion = (globalForIndex.triplineHookIndexVersion ?? 0) + 1;
}

/**
 * The current index. Each call costs one small transaction (the last event
 * number, and the hooks' count and latest update), so hooks changed by
 * another process are picked up on the next dispatcher pass without
 * reloading every hook every time.
 *
 * It also learns where each new hook starts in the change stream. A call
 * reads the last committed event number N, then looks at the hooks. A hook
 * this call does not see committed (or was turned on) after that look, so
 * after every event up to N had committed: when a later call first sees it,
 * it starts after N, and events up to N never fire it. Events after N may,
 * so none that commits after the hook is missed; the price is that one made
 * between the two calls (a pass apart) just before the hook can fire it too.
 * Hooks of a process's first call have no start and fall back to comparing
 * times (see `seesEvent`).
 */
export async function hookIndex(db: Db): Promise<HookIndex> {
  // One statement, so the counter and the hooks come from one snapshot. It
  // runs on every hooks pass, so it is raw SQL rather than two model calls.
  const [row] = await sqlOf(db).query<{ seq: unknown; hooks: unknown; changed: unknown }>(
    Prisma.sql`
      SELECT (SELECT "value" FROM "Counter" WHERE "name" = ${CHANGE_EVENT_COUNTER}) AS "seq",
        COUNT(*) AS "hooks", MAX("updatedAt") AS "changed"
      FROM "Webhook"`,
  );
  const seq = Number(row?.seq ?? 0);
  const version = globalForIndex.triplineHookIndexVersion ?? 0;
  const stamp = `${version}:${String(row?.hooks)}:${timeOf(row?.changed)}`;
  const cached = globalForIndex.triplineHookIndex;
  if (cached?.stamp === stamp) {
    cached.seq = seq;

    return cached.index;
  }

  const rows = await db.$transaction((tx) => tx.webhook.findMany({ where: { enabled: true } }));
  const startSeq = (id: string): number | null => {
    if (!cached) return null;
    const known = cached.index.byId.get(id);

    return known ? known.startSeq : cached.seq;
  };
  const index = new HookIndex(rows, startSeq);
  globalForIndex.triplineHookIndex = { stamp, index, seq };

  return index;
}

/**
 * MAX() of a date column, in milliseconds: PostgreSQL returns a Date; SQLite
 * returns the stored text, since an aggregate has no declared type.
 */
function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string") return new Date(value).getTime();
  if (typeof value === "number" || typeof value === "bigint") return Number(value);

  return 0;
}
