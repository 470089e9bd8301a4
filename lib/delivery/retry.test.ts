import { describe, expect, it } from "vitest";

import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from "./retry";

const base = {
  delaysSeconds: DEFAULT_RETRY_POLICY.delaysSeconds,
  retryAfterMs: null,
  overloaded: false,
  scale: 1,
};

describe("retryDelayMs", () => {
  it("keeps jitter within ±20% of every scheduled wait", () => {
    DEFAULT_RETRY_POLICY.delaysSeconds.forEach((seconds, index) => {
      const low = retryDelayMs({ ...base, attempt: index + 1, random: () => 0 });
      const high = retryDelayMs({ ...base, attempt: index + 1, random: () => 0.999_999 });
      expect(low).toBe(Math.round(seconds * 1000 * 0.8));
      expect(high).toBeLessThanOrEqual(Math.round(seconds * 1000 * 1.2));
      expect(high).toBeGreaterThan(Math.round(seconds * 1000 * 1.19));
      for (let i = 0; i < 200; i++) {
        const delay = retryDelayMs({ ...base, attempt: index + 1 });
        expect(delay).toBeGreaterThanOrEqual(seconds * 800);
        expect(delay).toBeLessThanOrEqual(seconds * 1200);
      }
    });
  });

  it("repeats the last wait when the list is short", () => {
    expect(retryDelayMs({ ...base, delaysSeconds: [2], attempt: 4, random: () => 0.5 })).toBe(2000);
  });

  it("honours Retry-After and waits at least 60 s after a 429 or timeout", () => {
    expect(retryDelayMs({ ...base, attempt: 1, retryAfterMs: 120_000, random: () => 0.5 })).toBe(
      120_000,
    );
    expect(retryDelayMs({ ...base, attempt: 1, overloaded: true })).toBe(60_000);
    expect(retryDelayMs({ ...base, attempt: 1, overloaded: true, scale: 0.001 })).toBe(60);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
