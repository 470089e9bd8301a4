import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { includesMatcher, likeMatcher } from "./like-match";
import { parseLikePattern, type LikePattern } from "./like-pattern";

/** The obvious regular expression for a pattern: right, but slow on some inputs. */
function reference(pattern: LikePattern): RegExp {
  const body = pattern
    .map((item) => {
      if (item.kind === "one") return ".";
      if (item.kind === "any") return "[^]*";

      return item.char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    })
    .join("");

  return new RegExp(`^${body}$`, "is");
}

describe("LIKE matching", () => {
  it("agrees with a regular expression on random ASCII patterns and values", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "A", "b", ";", "%", "_", "\\"),
      maxLength: 8,
    });

    fc.assert(
      fc.property(text, text, (patternText, value) => {
        const pattern = parseLikePattern(patternText);

        expect(likeMatcher(pattern)(value)).toBe(reference(pattern).test(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("treats a character outside the Basic Multilingual Plane as one character", () => {
    expect(likeMatcher(parseLikePattern("a_b"))("a🚀b")).toBe(true);
    expect(likeMatcher(parseLikePattern("%_"))("🚀")).toBe(true);
    expect(likeMatcher(parseLikePattern("__"))("🚀")).toBe(false);
    expect(likeMatcher(parseLikePattern("%🚀%"))("x🚀y")).toBe(true);
  });

  it("ignores case beyond ASCII through each character's upper and lower case", () => {
    expect(likeMatcher(parseLikePattern("ÄRGER%"))("ärger")).toBe(true);
    expect(likeMatcher(parseLikePattern("straße"))("STRASSE")).toBe(false);
  });

  it("finishes quickly where a backtracking matcher would not", () => {
    const pattern = parseLikePattern(`${"%a".repeat(12)}%b`);

    expect(likeMatcher(pattern)("a".repeat(20_000))).toBe(false);
    expect(likeMatcher(pattern)(`${"a".repeat(20_000)}b`)).toBe(true);
  });
});

describe("multi-picklist entries", () => {
  it("match whole entries in any position, ignoring case", () => {
    const vip = includesMatcher(["VIP", "Gold"]);

    expect(["VIP", "a;vip", "gold;b", "a;GOLD;b", ";VIP", "VIP;"].map(vip)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["VIPX", "XVIP", "VI;P", "", ";", "Go ld"].map(vip)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
