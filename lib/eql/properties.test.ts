import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";
import { filterArb, inheritedWordArb, mutatedArb, tokenSoupArb } from "@/tests/eql/arbitraries";

import { withoutSpans, type EqlNode } from "./ast";
import { completions } from "./completions";
import { diagnostics, tokenize } from "./editor";
import { EqlError } from "./errors";
import { compileChangeFilter, compileRecordFilter } from "./filter";
import { parse, type EqlMode } from "./parser";
import { print } from "./print";

const schema = eqlSchema();
const RUNS = { numRuns: 1000 };

const VALID = [
  "JobStatus == 'Queued' AND Region.Name == 'North'",
  "NOT (Duration > 30 OR Start < NOW() - 7d) AND Tags INCLUDES ['VIP', 'Gold']",
  "Name LIKE 'JOB-1%' OR Description == null OR Account.Region.Name IN ['a', 'b']",
  "Start >= 2027-01-01T09:00:00+10:00 AND End < NOW() + duration(2 hours)",
  "Current.JobStatus != Previous.JobStatus AND Current.JobStatus == 'Dispatched'",
  "Operation IN ['INSERT', 'UPDATE'] AND NOT Previous.Tags EXCLUDES 'x'",
  "Start > NOW() - 7d AND Duration >= 90",
  "null == Description OR 'Queued' != JobStatus",
  "Name == 'a\\tb' OR Description LIKE 'x\\_y%'",
];

/** Runs `work` and fails if it throws anything but an EqlError. */
function onlyEqlErrors(work: () => unknown): void {
  eqlErrorOr(work);
}

/** What `work` gives, or null if it throws an EqlError; anything else it throws fails the test. */
function eqlErrorOr<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof EqlError)) throw error;

    return null;
  }
}

/**
 * Every value in a Prisma `where` that a query would misread: an Invalid
 * Date or a NaN is an error inside Prisma, and `undefined` silently drops
 * the condition. Gives the paths to them.
 */
function unsoundValues(value: unknown, path = "where"): string[] {
  if (value === undefined) return [path];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [path] : [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (typeof value !== "object" || value === null) return [];

  return Object.entries(value).flatMap(([key, item]) => unsoundValues(item, `${path}.${key}`));
}

/**
 * A filter that checked must be whole: its printed text parses to the same
 * tree and checks again. Failures here are not excused as EqlErrors.
 */
function expectRoundTrip(filter: { ast: EqlNode }, mode: EqlMode): void {
  const printed = print(filter.ast);
  const compile = mode === "record" ? compileRecordFilter : compileChangeFilter;

  expect(withoutSpans(compile(printed, schema, "Jobs").ast)).toEqual(withoutSpans(filter.ast));
}

/** Everything a person's text reaches: parse, check, compile, translate, evaluate, editor. */
function exercise(text: string, offset: number): void {
  onlyEqlErrors(() => parse(text));
  onlyEqlErrors(() => parse(text, { mode: "change" }));
  const record = eqlErrorOr(() => compileRecordFilter(text, schema, "Jobs"));
  if (record) {
    record.matches({ Name: "JOB-1", Region: { Name: "North" }, Start: "2027-01-01T00:00Z" });
    expectRoundTrip(record, "record");
    // SQLite refuses some patterns with an EqlError (prisma-like.ts); PostgreSQL takes all.
    const sqlite = eqlErrorOr(() => record.toPrismaWhere({ provider: "sqlite" }));
    if (sqlite) expect(unsoundValues(sqlite)).toEqual([]);
    expect(unsoundValues(record.toPrismaWhere({ provider: "postgresql" }))).toEqual([]);
  }
  const change = eqlErrorOr(() => compileChangeFilter(text, schema, "Jobs"));
  if (change) {
    change.matches({ operation: "UPDATE", previous: null, current: { JobStatus: "Queued" } });
    expectRoundTrip(change, "change");
  }
  diagnostics(text, schema, "Jobs");
  diagnostics(text, schema, "Jobs", { mode: "change" });
  completions(text, offset, schema, "Jobs");
  completions(text, offset, schema, "Jobs", { mode: "change" });
  const tokens = tokenize(text);
  let end = 0;
  for (const token of tokens) {
    expect(token.offset).toBeGreaterThanOrEqual(end);
    end = token.offset + token.length;
  }
  expect(end).toBeLessThanOrEqual(text.length);
}

describe("properties", () => {
  it("rebuilds any record filter tree from its printed text", () => {
    fc.assert(
      fc.property(filterArb("record"), (ast) => {
        const text = print(ast);

        expect(withoutSpans(parse(text))).toEqual(withoutSpans(ast));
        expect(print(parse(text))).toBe(text);
      }),
      RUNS,
    );
  });

  it("rebuilds any change filter tree from its printed text", () => {
    fc.assert(
      fc.property(filterArb("change"), (ast) => {
        const text = print(ast);

        expect(withoutSpans(parse(text, { mode: "change" }))).toEqual(withoutSpans(ast));
      }),
      RUNS,
    );
  });

  it("keeps the spans of canonical text when it is parsed again", () => {
    fc.assert(
      fc.property(filterArb("record"), (ast) => {
        const text = print(ast);

        expect(parse(print(parse(text)))).toEqual(parse(text));
      }),
      RUNS,
    );
  });

  it("raises nothing but EqlError for random characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.nat(), (text, offset) =>
        exercise(text, offset % (text.length + 1)),
      ),
      RUNS,
    );
  });

  it("raises nothing but EqlError for text made of EQL fragments", () => {
    fc.assert(
      fc.property(tokenSoupArb, fc.nat(), (text, offset) =>
        exercise(text, offset % (text.length + 1)),
      ),
      RUNS,
    );
  });

  it("raises nothing but EqlError for valid filters with random edits", () => {
    fc.assert(
      fc.property(mutatedArb(VALID), fc.nat(), (text, offset) =>
        exercise(text, offset % (text.length + 1)),
      ),
      RUNS,
    );
  });

  it("refuses or fully understands valid filters with a word swapped for an inherited name", () => {
    fc.assert(
      fc.property(inheritedWordArb(VALID), fc.nat(), (text, offset) =>
        exercise(text, offset % (text.length + 1)),
      ),
      RUNS,
    );
  });

  it("raises nothing but EqlError for printed random trees, which exercise the checker", () => {
    fc.assert(
      fc.property(filterArb("record"), fc.nat(), (ast, offset) => {
        const text = print(ast);
        exercise(text, offset % (text.length + 1));
      }),
      RUNS,
    );
  });
});
