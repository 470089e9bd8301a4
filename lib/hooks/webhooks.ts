import { randomUUID } from "node:crypto";

import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import {
  DEFAULT_RETRY_POLICY,
  getDeliverySource,
  removeDeliverySource,
  upsertDeliverySource,
} from "@/lib/delivery";

import { seedDeferredFires } from "./deferred-fires";
import { invalidateHookIndex } from "./hook-index";
import {
  WEBHOOK_TYPES,
  type TNewWebhook,
  type TPatchWebhook,
  type WebhookType,
  type WebhookView,
} from "./schemas";
import { validateWebhook, type WebhookDraft } from "./validate-webhook";
import { parseHeaders, toDraft, type WebhookRow } from "./webhook-row";

const REDACTED = "[redacted]";

async function toView(row: WebhookRow, redact: boolean): Promise<WebhookView> {
  const source = await getDeliverySource(row.id);
  const headers = parseHeaders(row.headers);
  const type = WEBHOOK_TYPES.find((name) => name === row.type) ?? "graphql";
  const view: WebhookView = {
    id: row.id,
    name: row.name,
    url: row.url,
    type,
    headers: redact
      ? Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED]))
      : headers,
    enabled: row.enabled,
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

export async function listWebhooks(options: { redact: boolean }): Promise<WebhookView[]> {
  const rows = await getDb().webhook.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  return Promise.all(rows.map((row) => toView(row, options.redact)));
}

async function findRow(id: string): Promise<WebhookRow> {
  const row = await getDb().webhook.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound(`webhook ${id}`);

  return row;
}

export async function getWebhook(id: string, options: { redact: boolean }): Promise<WebhookView> {
  return toView(await findRow(id), options.redact);
}

/** The stored columns a draft turns into. */
function columns(draft: WebhookDraft, object: string | null) {
  return {
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

/**
 * 1. validates everything (one 400 naming each failing field);
 * 2. registers the delivery source, so deliveries can reference it;
 * 3. stores the webhook and, for deferred ones, the fire times of existing records.
 */
export async function createWebhook(input: TNewWebhook): Promise<WebhookView> {
  const draft: WebhookDraft = {
    type: input.type,
    url: input.url,
    headers: input.headers ?? {},
    query: "query" in input ? input.query : null,
    field: input.type === "graphql_deferred" ? input.field : null,
    offset: input.type === "graphql_deferred" ? input.offset : null,
    filter: input.type === "graphql_deferred" ? (input.filter ?? null) : null,
    cron: input.type === "scheduled" ? input.cron : null,
  };
  const subscription = await validateWebhook(draft);

  const id = randomUUID();
  const enabled = input.enabled ?? true;
  await upsertDeliverySource({
    id,
    kind: "webhook",
    enabled,
    ...(input.retryPolicy ? { retryPolicy: input.retryPolicy } : {}),
  });
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        id,
        name: input.name,
        type: input.type,
        enabled,
        retryPolicy: input.retryPolicy ? JSON.stringify(input.retryPolicy) : null,
        // A schedule starts now: ticks before the hook existed never fire.
        lastTickAt: input.type === "scheduled" ? new Date() : null,
        ...columns(draft, subscription?.object ?? null),
      },
    });
    if (created.type === "graphql_deferred") await seedDeferredFires(tx, created);

    return created;
  });
  invalidateHookIndex();

  return toView(row, false);
}

/** **ext**: a partial update; `type` cannot change. */
export async function updateWebhook(id: string, patch: TPatchWebhook): Promise<WebhookView> {
  const row = await findRow(id);
  if (patch.type !== undefined && patch.type !== row.type) {
    throw ApiError.fieldError("type", "cannot change; create a new webhook instead");
  }
  const before = toDraft(row);
  const draft: WebhookDraft = {
    type: before.type,
    url: patch.url ?? before.url,
    headers: patch.headers ?? before.headers,
    query: patch.query ?? before.query,
    field: patch.field ?? before.field,
    offset: patch.offset ?? before.offset,
    filter: patch.filter === undefined ? before.filter : patch.filter,
    cron: patch.cron ?? before.cron,
  };
  const subscription = await validateWebhook(draft);

  await upsertDeliverySource({
    id,
    kind: "webhook",
    ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
    ...(patch.retryPolicy ? { retryPolicy: patch.retryPolicy } : {}),
    ...(patch.retryPolicy === null ? { retryPolicy: DEFAULT_RETRY_POLICY } : {}),
  });
  const reseed =
    draft.type === "graphql_deferred" &&
    (draft.query !== before.query ||
      draft.field !== before.field ||
      draft.offset !== before.offset);
  const updated = await getDb().$transaction(async (tx) => {
    const next = await tx.webhook.update({
      where: { id },
      data: {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
        ...(patch.retryPolicy === undefined
          ? {}
          : { retryPolicy: patch.retryPolicy ? JSON.stringify(patch.retryPolicy) : null }),
        ...(draft.cron !== before.cron ? { lastTickAt: new Date() } : {}),
        ...columns(draft, subscription?.object ?? row.object),
      },
    });
    if (reseed) {
      await tx.deferredFire.deleteMany({ where: { hookId: id } });
      await seedDeferredFires(tx, next);
    }

    return next;
  });
  invalidateHookIndex();

  return toView(updated, false);
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
