import { z } from "zod";

/** lens-api.md §6: the policy a hook may set, and the default one. */
export const ZRetryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(20),
  delaysSeconds: z
    .array(
      z
        .number()
        .min(1)
        .max(7 * 86_400),
    )
    .max(19),
  timeoutSeconds: z.number().int().min(1).max(60),
});

export type TRetryPolicy = z.infer<typeof ZRetryPolicySchema>;

export const DEFAULT_RETRY_POLICY: TRetryPolicy = {
  maxAttempts: 6,
  delaysSeconds: [5, 30, 300, 1800, 10_800],
  timeoutSeconds: 25,
};

export const JITTER = 0.2;

/** After a 429 or a timeout the endpoint is struggling: give it at least this. */
export const MIN_BACKOFF_AFTER_OVERLOAD_MS = 60_000;

/** A Retry-After longer than this is capped, so one header cannot park a delivery for ever. */
const MAX_RETRY_AFTER_MS = 86_400_000;

export interface RetryInput {
  /** 1-based number of the attempt that just failed, counted from the schedule's start. */
  attempt: number;
  delaysSeconds: readonly number[];
  retryAfterMs: number | null;
  overloaded: boolean;
  /** Multiplies every wait (tests compress schedules with it). */
  scale: number;
  random?: () => number;
}

/**
 * The wait before the next attempt: the policy's delay for this attempt
 * (the last one repeats when the list is shorter than maxAttempts - 1), ±20%
 * jitter so retries of one outage do not arrive together, then raised to
 * Retry-After and to the overload minimum.
 */
export function retryDelayMs(input: RetryInput): number {
  const random = input.random ?? Math.random;
  const list = input.delaysSeconds.length
    ? input.delaysSeconds
    : DEFAULT_RETRY_POLICY.delaysSeconds;
  const base = (list[Math.min(input.attempt - 1, list.length - 1)] ?? 5) * 1000;
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  let delay = jittered;
  if (input.retryAfterMs !== null)
    delay = Math.max(delay, Math.min(input.retryAfterMs, MAX_RETRY_AFTER_MS));
  if (input.overloaded) delay = Math.max(delay, MIN_BACKOFF_AFTER_OVERLOAD_MS);

  return Math.round(delay * input.scale);
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;

  return Math.max(0, date - now);
}
