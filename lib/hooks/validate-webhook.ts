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
  name: string;
  type: WebhookType;
  url: string;
  headers: Record<string, string>;
  query: string | null;
  field: string | null;
  offset: number | null;
  filter: string | null;
  cron: string | null;
}

/** A draft as a request gives it: a field missing or malformed there is null. */
export type WebhookCandidate = Omit<WebhookDraft, "name" | "type" | "url"> & {
  name: string | null;
  type: WebhookType | null;
  url: string | null;
};

export interface ValidWebhook {
  draft: WebhookDraft;
  /** What the query subscribes to, for the graphql types. */
  subscription: WebhookSubscription | null;
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
/** Set by the sender on every call (§6): a configured value would be overwritten silently. */
const SENDER_HEADERS = new Set(["content-type", "user-agent"]);
const SENDER_PREFIXES = ["webhook-", "skedulo-"];
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

type Add = (path: string, message: string) => void;

/**
 * Every save-time check of lens-api.md §4, on the fields that passed their
 * shape check (`earlier` holds what failed it). Throws one 400 naming every
 * failing field, shape and meaning together.
 */
export async function validateWebhook(
  candidate: WebhookCandidate,
  earlier: readonly FieldIssue[] = [],
): Promise<ValidWebhook> {
  const issues: FieldIssue[] = [...earlier];
  const add: Add = (path, message) => issues.push({ path, message });
  const failed = (path: string) =>
    earlier.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
  const required = (path: string, value: unknown) => {
    if (value === null && !failed(path)) add(path, "is required");
  };
  const values = await variableValues();

  required("name", candidate.name);
  required("url", candidate.url);
  if (candidate.url !== null) checkReferences("url", candidate.url, values, add);
  checkHeaders(candidate.headers, values, add);
  if (candidate.url !== null && !issues.some((issue) => issue.path === "url")) {
    await checkUrl(fillTemplate(candidate.url, values), add);
  }

  let subscription: WebhookSubscription | null = null;
  if (candidate.type === "graphql" || candidate.type === "graphql_deferred") {
    if (!failed("query")) subscription = checkQuery(candidate.query, candidate.type, add);
  }
  if (candidate.type === "graphql_deferred") {
    checkDeferred(candidate, subscription, add, failed);
  }
  if (candidate.type === "scheduled" && !failed("cron")) checkCron(candidate.cron, add);

  const { name, type, url } = candidate;
  if (issues.length || name === null || type === null || url === null) throw refusal(issues);

  return { draft: { ...candidate, name, type, url }, subscription };
}

function refusal(issues: FieldIssue[]): ApiError {
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid webhook";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";

  return new ApiError("field_error", `${summary}${more}`, issues);
}

function checkHeaders(headers: Record<string, string>, values: Map<string, string>, add: Add) {
  for (const [name, value] of Object.entries(headers)) {
    const path = `headers.${name}`;
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) add(path, "is not a valid header name");
    else if (FORBIDDEN_HEADERS.has(lower)) {
      add(path, "is a hop-by-hop or connection header and cannot be configured");
    } else if (SENDER_HEADERS.has(lower) || SENDER_PREFIXES.some((p) => lower.startsWith(p))) {
      add(path, "is set by Tripline on every call and cannot be configured");
    }
    if (/[\r\n]/.test(value)) add(path, "must not contain line breaks");
    checkReferences(path, value, values, add);
  }
}

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

function checkQuery(
  query: string | null,
  type: "graphql" | "graphql_deferred",
  add: Add,
): WebhookSubscription | null {
  if (query === null) {
    add("query", "is required");
    return null;
  }
  const check = validateWebhookQuery(query, type);
  if (!check.ok) {
    for (const error of check.errors) {
      add("query", `line ${error.line}, column ${error.column}: ${error.message}`);
    }
    return null;
  }

  return check.subscription;
}

/** `field` and `filter` are checked against the query's object, when the query is valid. */
function checkDeferred(
  candidate: WebhookCandidate,
  subscription: WebhookSubscription | null,
  add: Add,
  failed: (path: string) => boolean,
): void {
  if (candidate.offset === null) {
    if (!failed("offset")) add("offset", "is required (milliseconds, may be negative)");
  } else if (!Number.isSafeInteger(candidate.offset)) add("offset", "must be an integer");
  if (candidate.field === null) {
    if (!failed("field")) add("field", "is required");
  }
  if (!subscription) return;

  const object = getObject(subscription.object);
  if (candidate.field !== null && findField(object, candidate.field)?.type !== "datetime") {
    add("field", `must be a date-time field of ${object.name}, e.g. Start`);
  }
  if (candidate.filter) {
    try {
      compileRecordFilter(candidate.filter, eqlSchema(), object.name);
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
