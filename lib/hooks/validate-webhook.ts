import { CronExpressionParser } from "cron-parser";

import { ApiError, type FieldIssue } from "@/lib/api/errors";
import { checkDeliveryTarget, TargetRefused } from "@/lib/delivery";
import { compileRecordFilter, EqlError } from "@/lib/eql";
import { validateWebhookQuery, type WebhookSubscription } from "@/lib/lens";
import { eqlSchema, findField, getObject } from "@/lib/lens/registry";

import type { WebhookType } from "./schemas";
import { fillTemplate, referencedNames, variableValues } from "./variables";

/** A webhook's definition after defaults and a PATCH merge, before it is stored. */
export interface WebhookDraft {
  type: WebhookType;
  url: string;
  headers: Record<string, string>;
  query: string | null;
  field: string | null;
  offset: number | null;
  filter: string | null;
  cron: string | null;
}

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) and those the sender sets itself:
 * a configured value would break the connection or the signature.
 */
const FORBIDDEN_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Every save-time check of lens-api.md §4. Returns the subscription the
 * query describes (for graphql types) and throws one 400 naming every
 * failing field.
 */
export async function validateWebhook(draft: WebhookDraft): Promise<WebhookSubscription | null> {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const values = await variableValues();

  checkReferences("url", draft.url, values, add);
  for (const [name, value] of Object.entries(draft.headers)) {
    if (!HEADER_NAME.test(name)) add(`headers.${name}`, "is not a valid header name");
    else if (FORBIDDEN_HEADERS.has(name.toLowerCase())) {
      add(`headers.${name}`, "is a hop-by-hop or connection header and cannot be configured");
    }
    if (/[\r\n]/.test(value)) add(`headers.${name}`, "must not contain line breaks");
    checkReferences(`headers.${name}`, value, values, add);
  }
  if (!issues.some((issue) => issue.path === "url")) {
    await checkUrl(fillTemplate(draft.url, values), add);
  }

  const subscription = checkQuery(draft, add);
  if (draft.type === "scheduled") checkCron(draft.cron, add);

  if (issues.length) {
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}` : "invalid webhook";
    throw new ApiError("field_error", summary, issues);
  }

  return subscription;
}

type Add = (path: string, message: string) => void;

function checkReferences(path: string, text: string, values: Map<string, string>, add: Add) {
  for (const name of referencedNames(text)) {
    if (!values.has(name)) add(path, `references the unknown configuration variable '${name}'`);
  }
}

async function checkUrl(url: string, add: Add): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    add("url", "is not an absolute URL");
    return;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    add("url", "must use https");
    return;
  }
  try {
    await checkDeliveryTarget(url);
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    add("url", error.message);
  }
}

function checkQuery(draft: WebhookDraft, add: Add): WebhookSubscription | null {
  if (draft.type !== "graphql" && draft.type !== "graphql_deferred") return null;
  if (draft.query === null) {
    add("query", "is required");
    return null;
  }
  const check = validateWebhookQuery(draft.query, draft.type);
  if (!check.ok) {
    for (const error of check.errors) {
      add("query", `line ${error.line}, column ${error.column}: ${error.message}`);
    }
    return null;
  }
  if (draft.type === "graphql_deferred") checkDeferred(draft, check.subscription, add);

  return check.subscription;
}

function checkDeferred(draft: WebhookDraft, subscription: WebhookSubscription, add: Add): void {
  const object = getObject(subscription.object);
  const field = draft.field === null ? undefined : findField(object, draft.field);
  if (draft.field === null) add("field", "is required");
  else if (field?.type !== "datetime") {
    add("field", `must be a date-time field of ${object.name}, e.g. Start`);
  }
  if (draft.offset === null) add("offset", "is required (milliseconds, may be negative)");
  else if (!Number.isSafeInteger(draft.offset)) add("offset", "must be an integer");
  if (draft.filter) {
    try {
      compileRecordFilter(draft.filter, eqlSchema(), object.name);
    } catch (error) {
      if (!(error instanceof EqlError)) throw error;
      add("filter", error.message);
    }
  }
}

function checkCron(cron: string | null, add: Add): void {
  if (cron === null) {
    add("cron", "is required");
    return;
  }
  if (cron.trim().split(/\s+/).length !== 5) {
    add("cron", "must have 5 fields: minute hour day-of-month month day-of-week");
    return;
  }
  try {
    CronExpressionParser.parse(cron, { tz: "UTC", strict: false });
  } catch (error) {
    add("cron", error instanceof Error ? error.message : "is not a valid cron expression");
  }
}
