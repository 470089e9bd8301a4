import { describe, expect, it } from "vitest";

import { LOCKOUT_WINDOW_MS, lockedUntil } from "./lockout";
import { lockedMessage } from "./sign-in";

const MINUTE = 60_000;
const start = new Date("2026-01-01T10:00:00Z").getTime();
const t = (minute: number) => new Date(start + minute * MINUTE);
const at = (...minutes: number[]) => minutes.map(t);

describe("lockedUntil", () => {
  it("locks for the window from the fifth failure, however early the first was", () => {
    expect(lockedUntil(at(0, 1, 2, 3, 14), t(14))).toEqual(t(29));
  });

  it("does not lock on four failures, or on five spread over the whole window", () => {
    expect(lockedUntil(at(0, 1, 2, 3), t(15))).toBeNull();
    expect(lockedUntil(at(0, 4, 8, 12, 15), t(15))).toBeNull();
  });

  it("has lifted once the window has passed since the fifth failure", () => {
    const fifth = start + 4 * MINUTE;

    expect(lockedUntil(at(0, 1, 2, 3, 4), new Date(fifth + LOCKOUT_WINDOW_MS - 1))).not.toBeNull();
    expect(lockedUntil(at(0, 1, 2, 3, 4), new Date(fifth + LOCKOUT_WINDOW_MS))).toBeNull();
  });

  it("takes the latest lock when failures form more than one run of five", () => {
    expect(lockedUntil(at(0, 1, 2, 3, 4, 20, 21, 22, 23, 24), t(30))).toEqual(t(39));
  });
});

describe("lockedMessage", () => {
  it("says until when, in UTC, and for how many more minutes", () => {
    expect(lockedMessage(t(15), t(0))).toBe(
      "Too many failed sign-ins for this email. It is locked until 10:15 UTC (15 more minutes).",
    );
    expect(lockedMessage(t(15), t(14.5))).toContain("(1 more minute)");
  });
});
