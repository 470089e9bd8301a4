import type { TNewWebhook, WebhookType } from "@/lib/hooks/schemas";

/** The form's text boxes, as typed. */
export interface WebhookDraftText {
  type: WebhookType;
  name: string;
  url: string;
  headers: string;
  query: string;
  field: string;
  offset: string;
  filter: string;
  cron: string;
  enabled: boolean;
}

/** The fields each type shows, in form order: server issues for any other go to the form alert. */
export function visibleFields(type: WebhookType): string[] {
  const common = ["type", "name", "url", "headers"];
  if (type === "graphql") return [...common, "query", "enabled"];
  if (type === "graphql_deferred") {
    return [...common, "query", "field", "offset", "filter", "enabled"];
  }
  if (type === "scheduled") return [...common, "cron", "enabled"];

  return [...common, "enabled"];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The headers box holds a JSON object of strings; anything else is refused before sending. */
export function parseHeaderText(text: string): Parsed<Record<string, string>> {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || "{}");
  } catch {
    return { ok: false, message: 'Must be a JSON object, e.g. {"X-Api-Key": "{{ API_KEY }}"}' };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "Must be a JSON object of header names to values" };
  }
  const entries = Object.entries(value);
  const notText = entries.find(([, item]) => typeof item !== "string");
  if (notText) return { ok: false, message: `${notText[0]}: the value must be a string` };

  return { ok: true, value: Object.fromEntries(entries.map(([k, v]) => [k, String(v)])) };
}

/** Checks the browser can make itself, keyed by field, so a typo costs no round trip. */
export type LocalIssues = Partial<Record<"headers" | "offset", string>>;

/** The request body for this type, or the fields the browser already knows are wrong. */
export function webhookInput(
  draft: WebhookDraftText,
): { ok: true; input: TNewWebhook } | { ok: false; issues: LocalIssues } {
  const headers = parseHeaderText(draft.headers);
  const offset = Number(draft.offset.trim() || Number.NaN);
  const issues: LocalIssues = {};
  if (!headers.ok) issues.headers = headers.message;
  if (draft.type === "graphql_deferred" && !Number.isSafeInteger(offset)) {
    issues.offset = "Must be a whole number of milliseconds, e.g. -3600000 for an hour before";
  }
  if (!headers.ok || issues.offset) return { ok: false, issues };

  const common = {
    name: draft.name,
    url: draft.url,
    headers: headers.value,
    enabled: draft.enabled,
  };
  const input: TNewWebhook =
    draft.type === "graphql"
      ? { ...common, type: draft.type, query: draft.query }
      : draft.type === "graphql_deferred"
        ? {
            ...common,
            type: draft.type,
            query: draft.query,
            field: draft.field,
            offset,
            filter: draft.filter.trim() || null,
          }
        : draft.type === "scheduled"
          ? { ...common, type: draft.type, cron: draft.cron }
          : { ...common, type: draft.type };

  return { ok: true, input };
}
