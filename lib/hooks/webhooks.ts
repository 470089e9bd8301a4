import { randomUUID } from "node:crypto";

import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import {
  DEFAULT_RETRY_POLICY,
  getDeliverySource,
  getSourceStatuses,
  removeDeliverySource,
  upsertDeliverySource,
  type SourceView,
} from "@/lib/delivery";

import { rebuildDeferredFires, seedDeferredFires } from "./deferred-fires";
import { invalidateHookIndex } from "./hook-index";
import {
  readWebhookFields,
  WEBHOOK_TYPES,
  ZWebhookBodySchema,
  type WebhookFields,
  type WebhookType,
  type WebhookView,
} from "./schemas";
import { validateWebhook, type WebhookCandidate, type WebhookDraft } from "./validate-webhook";
import { parseHeaders, toDraft, type WebhookRow } from "./webhook-row";

const REDACTED = "[redacted]";

/**
 * The API's webhook. `enabled` is false when either side turned it off: a
 * user (the webhook row) or the delivery engine (its source, e.g. after a
 * 410 Gone); `disabledReason` and `disabledAt` (**ext**) say which and when.
 */
function toView(row: WebhookRow, source: SourceView | undefined, redact: boolean): WebhookView {
  const headers = parseHeaders(row.headers);
  const type = WEBHOOK_TYPES.find((name) => name === row.type) ?? "graphql";
  const enabled = row.enabled && (source?.enabled ?? true);
  const view: WebhookView = {
    id: row.id,
    name: row.name,
    url: row.url,
    type,
    object: row.object,
    headers: redact
      ? Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED]))
      : headers,
    enabled,
    disabledReason: enabled ? null : (source?.disabledReason ?? null),
    disabledAt: enabled ? null : (source?.disabledAt?.toISOString() ?? null),
    retryPolicy: source?.retryPolicy ?? DEFAULT_RETRY_POLICY,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.query !== null) view.query = row.query;
  if (type === "graphql_deferred") {
    view.field = row.field ?? "";
    view.offset = Number(row.offsetMs ?? 0);
    view.filter = row.filter;
  }
  if (row.cron !== null) view.cron = row.cron;

  return view;
}

async function viewOf(row: WebhookRow, redact: boolean): Promise<WebhookView> {
  const sources = await getSourceStatuses([row.id]);

  return toView(row, sources.get(row.id), redact);
}

export async function listWebhooks(options: { redact: boolean }): Promise<WebhookView[]> {
  const rows = await getDb().webhook.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const sources = await getSourceStatuses(rows.map((row) => row.id));

  return rows.map((row) => toView(row, sources.get(row.id), options.redact));
}

async function findRow(id: string): Promise<WebhookRow> {
  const row = await getDb().webhook.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound(`webhook ${id}`);

  return row;
}

export async function getWebhook(id: string, options: { redact: boolean }): Promise<WebhookView> {
  return viewOf(await findRow(id), options.redact);
}

/** The stored columns a draft turns into. */
function columns(draft: WebhookDraft, object: string | null) {
  return {
    name: draft.name,
    url: draft.url,
    headers: JSON.stringify(draft.headers),
    query: draft.query,
    object,
    field: draft.field,
    offsetMs: draft.offset === null ? null : BigInt(draft.offset),
    filter: draft.filter,
    cron: draft.cron,
  };
}

function asBody(input: unknown): Record<string, unknown> {
  const parsed = ZWebhookBodySchema.safeParse(input);
  if (!parsed.success) throw ApiError.fieldError("(body)", "must be a JSON object");

  return parsed.data;
}

/**
 * 1. reads and validates everything (one 400 naming each failing field);
 * 2. registers the delivery source, so deliveries can reference it;
 * 3. stores the webhook and, for deferred ones, the fire times of existing records.
 */
export async function createWebhook(input: unknown): Promise<WebhookView> {
  const { type, values, issues } = readWebhookFields(asBody(input));
  const candidate: WebhookCandidate = {
    name: values.name ?? null,
    type,
    url: values.url ?? null,
    headers: values.headers ?? {},
    query: values.query ?? null,
    field: values.field ?? null,
    offset: values.offset ?? null,
    filter: values.filter ?? null,
    cron: values.cron ?? null,
  };
  const { draft, subscription } = await validateWebhook(candidate, issues);

  const id = randomUUID();
  const enabled = values.enabled ?? true;
  const retryPolicy = values.retryPolicy ?? null;
  // The source comes first: once the webhook commits, the dispatcher may
  // enqueue deliveries that reference it. A failed save takes it back.
  await upsertDeliverySource({
    id,
    kind: "webhook",
    enabled,
    ...(retryPolicy ? { retryPolicy } : {}),
  });
  const row = await undoOnFailure(
    () =>
      getDb().$transaction(async (tx) => {
        const created = await tx.webhook.create({
          data: {
            id,
            type: draft.type,
            enabled,
            retryPolicy: retryPolicy ? JSON.stringify(retryPolicy) : null,
            // A schedule starts now: ticks before the hook existed never fire.
            lastTickAt: draft.type === "scheduled" ? new Date() : null,
            ...columns(draft, subscription?.object ?? null),
          },
        });
        if (created.type === "graphql_deferred") await seedDeferredFires(tx, created);

        return created;
      }),
    () => removeDeliverySource(id),
  );
  invalidateHookIndex();

  return viewOf(row, false);
}

/**
 * Runs a save; when it fails, runs `undo` (taking back what was written
 * before it outside its transaction) and rethrows the save's error.
 * LIMITATION: the delivery source is written by lib/delivery outside the
 * webhook's transaction; if `undo` fails too (the database went away), a
 * source with no webhook is left behind. It sends nothing: deliveries come
 * only from webhooks.
 */
async function undoOnFailure<T>(save: () => Promise<T>, undo: () => Promise<unknown>) {
  try {
    return await save();
  } catch (error) {
    await undo().catch((undoError: unknown) => {
      logger.error({ err: undoError }, "could not take back a failed webhook save");
    });
    throw error;
  }
}

/**
 * **ext**: a partial update; `type` cannot change. The merged webhook goes
 * through every check a create does.
 */
export async function updateWebhook(id: string, input: unknown): Promise<WebhookView> {
  const row = await findRow(id);
  const before = toDraft(row);
  const { values: patch, issues } = readWebhookFields(asBody(input), before.type);
  const { draft, subscription } = await validateWebhook(
    {
      type: before.type,
      name: patch.name ?? before.name,
      url: patch.url ?? before.url,
      headers: patch.headers ?? before.headers,
      query: patch.query ?? before.query,
      field: patch.field ?? before.field,
      offset: patch.offset ?? before.offset,
      filter: patch.filter === undefined ? before.filter : patch.filter,
      cron: patch.cron ?? before.cron,
    },
    issues,
  );

  // A deferred hook turned back on was not followed while off: its stored
  // fire times are stale, and those that fell due were dropped unsent.
  const reseed =
    draft.type === "graphql_deferred" &&
    (draft.query !== before.query ||
      draft.field !== before.field ||
      draft.offset !== before.offset ||
      (patch.enabled === true && !(await isOn(row))));
  // A scheduled hook turned back on resumes its schedule from now: ticks
  // that fell due while it was off are not sent late.
  const restartSchedule =
    draft.cron !== before.cron ||
    (draft.type === "scheduled" && patch.enabled === true && !(await isOn(row)));
  const undoSource = await updateSource(id, patch);
  const updated = await undoOnFailure(
    () =>
      getDb().$transaction(async (tx) => {
        const next = await tx.webhook.update({
          where: { id },
          data: {
            ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
            ...(patch.retryPolicy === undefined
              ? {}
              : { retryPolicy: patch.retryPolicy ? JSON.stringify(patch.retryPolicy) : null }),
            ...(restartSchedule ? { lastTickAt: new Date() } : {}),
            ...columns(draft, subscription?.object ?? row.object),
          },
        });
        if (reseed) await rebuildDeferredFires(tx, next.id);

        return next;
      }),
    undoSource,
  );
  invalidateHookIndex();

  return viewOf(updated, false);
}

/** On from both sides: the webhook row and its delivery source. */
async function isOn(row: WebhookRow): Promise<boolean> {
  const sources = await getSourceStatuses([row.id]);

  return row.enabled && (sources.get(row.id)?.enabled ?? true);
}

/**
 * Applies a PATCH's `enabled` and `retryPolicy` to the delivery source
 * (enabling also clears a 410 or failure-run disablement) and answers how to
 * put the source back if the webhook's own save then fails.
 */
async function updateSource(id: string, patch: WebhookFields): Promise<() => Promise<unknown>> {
  if (patch.enabled === undefined && patch.retryPolicy === undefined) return async () => {};
  const before = await getDeliverySource(id);
  await upsertDeliverySource({
    id,
    kind: "webhook",
    ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
    ...(patch.retryPolicy === undefined
      ? {}
      : { retryPolicy: patch.retryPolicy ?? DEFAULT_RETRY_POLICY }),
  });
  if (!before) return () => removeDeliverySource(id);

  // LIMITATION: putting back a disabled source records it as disabled by a
  // user, with the time of the undo; the original reason is lost.
  return () =>
    upsertDeliverySource({
      id,
      kind: "webhook",
      retryPolicy: before.retryPolicy,
      ...(patch.enabled === undefined || patch.enabled === before.enabled
        ? {}
        : { enabled: before.enabled }),
    });
}

/** Deletes the webhook with its fire times, deliveries and their logs. */
export async function deleteWebhook(id: string): Promise<{ id: string }> {
  await findRow(id);
  await getDb().webhook.delete({ where: { id } });
  await removeDeliverySource(id);
  invalidateHookIndex();

  return { id };
}

export function isWebhookType(value: string): value is WebhookType {
  return WEBHOOK_TYPES.some((type) => type === value);
}
