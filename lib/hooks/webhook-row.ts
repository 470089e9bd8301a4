import { z } from "zod";

import type { Db } from "@/lib/db";

import { WEBHOOK_TYPES } from "./schemas";
import type { WebhookDraft } from "./validate-webhook";

export type WebhookRow = NonNullable<Awaited<ReturnType<Db["webhook"]["findUnique"]>>>;

const ZHeaders = z.record(z.string(), z.string());

export function parseHeaders(raw: string): Record<string, string> {
  const parsed = ZHeaders.safeParse(JSON.parse(raw));

  return parsed.success ? parsed.data : {};
}

/** A stored webhook as the draft validation and the dispatcher work with. */
export function toDraft(row: WebhookRow): WebhookDraft {
  return {
    name: row.name,
    type: WEBHOOK_TYPES.find((type) => type === row.type) ?? "graphql",
    url: row.url,
    headers: parseHeaders(row.headers),
    query: row.query,
    field: row.field,
    offset: row.offsetMs === null ? null : Number(row.offsetMs),
    filter: row.filter,
    cron: row.cron,
  };
}
