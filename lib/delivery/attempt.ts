import { VERSION } from "@/lib/config";

import type { ClaimedDelivery } from "./claim";
import { postJson, type HttpResult } from "./http";
import { httpThread } from "./http-thread";
import { type DeliverySettings, targetPolicy } from "./settings";
import { signatureHeaders } from "./sign";
import type { SourceKind } from "./sources";
import { checkUrl, TargetRefused } from "./target-guard";
import { currentVariables, fillTemplate } from "./variables";

/** Headers the engine owns; a configured header of the same name is dropped. */
const RESERVED = new Set([
  "content-type",
  "user-agent",
  "content-length",
  "host",
  "skedulo-webhook-id",
  "skedulo-triggeredactionid",
  "skedulo-request-id",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "tripline-attempt",
]);

export interface SendableSource {
  id: string;
  kind: SourceKind;
  secrets: string[];
  timeoutSeconds: number;
}

function configuredHeaders(
  raw: string,
  variables: ReadonlyMap<string, string>,
): Record<string, string> {
  const parsed: unknown = JSON.parse(raw);
  const out: Record<string, string> = {};
  if (typeof parsed !== "object" || parsed === null) return out;
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === "string" && !RESERVED.has(name.toLowerCase())) {
      out[name] = fillTemplate(value, variables);
    }
  }

  return out;
}

/**
 * Every header of one call: the configured ones with `{{ NAME }}` filled,
 * then lens-api.md §6 and the Standard Webhooks signature.
 */
export function requestHeaders(
  delivery: Pick<ClaimedDelivery, "headers" | "requestId" | "body" | "attempts">,
  source: SendableSource,
  variables: ReadonlyMap<string, string> = new Map(),
  now = Date.now(),
): Record<string, string> {
  return {
    ...configuredHeaders(delivery.headers, variables),
    "content-type": "application/json",
    "user-agent": `Tripline/${VERSION}`,
    [source.kind === "webhook" ? "skedulo-webhook-id" : "skedulo-triggeredactionid"]: source.id,
    "skedulo-request-id": delivery.requestId,
    "tripline-attempt": String(delivery.attempts),
    ...signatureHeaders(delivery.requestId, delivery.body, source.secrets, now),
  };
}

/** Makes one attempt; never throws (a failure is a result). */
export async function sendAttempt(
  delivery: ClaimedDelivery,
  source: SendableSource,
  settings: DeliverySettings,
): Promise<HttpResult> {
  const policy = targetPolicy(settings);
  const variables = await currentVariables();
  let url: URL;
  try {
    url = checkUrl(fillTemplate(delivery.url, variables), policy);
  } catch (error) {
    return {
      statusCode: null,
      error: `target refused: ${error instanceof TargetRefused ? error.message : String(error)}`,
      timedOut: false,
      refused: true,
      responseHeaders: null,
      responseBody: null,
      durationMs: 0,
    };
  }

  const call = {
    url,
    headers: requestHeaders(delivery, source, variables),
    body: delivery.body,
    timeoutMs: source.timeoutSeconds * 1000,
  };
  // An injected resolver is a function, which cannot cross to the thread.
  const offThread = settings.httpThread && !policy.resolve;

  return offThread ? httpThread().post(call, policy) : postJson(call, policy);
}
