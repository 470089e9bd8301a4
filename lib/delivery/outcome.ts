import type { HttpResult } from "./http";
import { parseRetryAfter, retryDelayMs } from "./retry";
import type { SourceView } from "./sources";

export interface AttemptContext {
  /** The attempt just made, counted over the delivery's life. */
  attempt: number;
  scheduleStart: number;
  noRetry: boolean;
  source: Pick<SourceView, "retryPolicy" | "failingSince" | "lastSuccessAt">;
}

export type Outcome =
  | { transition: "succeed" }
  | { transition: "retry"; nextAttemptAt: Date; reason: string }
  | { transition: "fail"; reason: string; disableSource: string | null };

export interface OutcomeSettings {
  retryScale: number;
  disableAfterMs: number;
}

/**
 * What follows an attempt: the one place that reads a result and picks the
 * next state. Only failures that might pass are retried; a 410, a refused
 * target, a manual resend and the last attempt end the delivery.
 */
export function decideOutcome(
  result: HttpResult,
  context: AttemptContext,
  settings: OutcomeSettings,
  now = new Date(),
): Outcome {
  if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) {
    return { transition: "succeed" };
  }
  const failingFor = context.source.failingSince
    ? now.getTime() - context.source.failingSince.getTime()
    : 0;
  const failingTooLong =
    failingFor >= settings.disableAfterMs
      ? `no successful delivery for ${Math.round(failingFor / 3_600_000)} hours`
      : null;
  if (result.statusCode === 410) {
    return {
      transition: "fail",
      reason: "endpoint answered 410 Gone",
      disableSource: "endpoint answered 410 Gone",
    };
  }
  if (result.refused) {
    return {
      transition: "fail",
      reason: result.error ?? "target refused",
      disableSource: failingTooLong,
    };
  }
  if (context.noRetry) {
    return { transition: "fail", reason: "manual attempt failed", disableSource: null };
  }
  const made = context.attempt - context.scheduleStart;
  if (made >= context.source.retryPolicy.maxAttempts) {
    return {
      transition: "fail",
      reason: `all ${made} attempts failed`,
      disableSource: failingTooLong,
    };
  }
  if (failingTooLong) {
    return { transition: "fail", reason: failingTooLong, disableSource: failingTooLong };
  }
  const delay = retryDelayMs({
    attempt: made,
    delaysSeconds: context.source.retryPolicy.delaysSeconds,
    retryAfterMs: parseRetryAfter(result.responseHeaders?.["retry-after"], now.getTime()),
    overloaded: result.timedOut || result.statusCode === 429,
    scale: settings.retryScale,
  });

  return {
    transition: "retry",
    nextAttemptAt: new Date(now.getTime() + delay),
    reason: result.error ?? "failed",
  };
}
