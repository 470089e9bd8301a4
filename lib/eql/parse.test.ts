import { describe, expect, it } from "vitest";

import { sexpr } from "@/tests/eql/sexpr";

import { parse } from "./parser";

/** [filter text, expected tree]: every construct of the grammar in lens-api.md §3. */
const RECORD_PARSES: readonly (readonly [string, string])[] = [
  // Comparison operators
  ["Name == 'x'", "(== Name 'x')"],
  ["Name != 'x'", "(!= Name 'x')"],
  ["Duration < 5", "(< Duration 5)"],
  ["Duration <= 5", "(<= Duration 5)"],
  ["Duration > 5", "(> Duration 5)"],
  ["Duration >= 5", "(>= Duration 5)"],
  ["JobStatus IN ['Queued', 'Dispatched']", "(IN JobStatus ['Queued' 'Dispatched'])"],
  ["JobStatus NOTIN ['Queued']", "(NOTIN JobStatus ['Queued'])"],
  ["Name LIKE 'JOB-1%'", "(LIKE Name 'JOB-1%')"],
  ["Name NOTLIKE '%x_'", "(NOTLIKE Name '%x_')"],
  ["Tags INCLUDES 'VIP'", "(INCLUDES Tags 'VIP')"],
  ["Tags INCLUDES ['VIP', 'Gold']", "(INCLUDES Tags ['VIP' 'Gold'])"],
  ["Tags EXCLUDES 'VIP'", "(EXCLUDES Tags 'VIP')"],
  ["Tags EXCLUDES ['A', 'B']", "(EXCLUDES Tags ['A' 'B'])"],
  // Keywords in any case
  ["a == 1 and b == 2", "(and (== a 1) (== b 2))"],
  ["a == 1 Or b == 2", "(or (== a 1) (== b 2))"],
  ["not a == 1", "(not (== a 1))"],
  ["JobStatus in ['x']", "(IN JobStatus ['x'])"],
  ["JobStatus notin ['x']", "(NOTIN JobStatus ['x'])"],
  ["Name like 'x'", "(LIKE Name 'x')"],
  ["Name NotLike 'x'", "(NOTLIKE Name 'x')"],
  ["Tags includes 'x'", "(INCLUDES Tags 'x')"],
  ["Tags Excludes 'x'", "(EXCLUDES Tags 'x')"],
  ["IsActive == TRUE", "(== IsActive true)"],
  ["IsActive == False", "(== IsActive false)"],
  ["Description == NULL", "(== Description null)"],
  ["Start > now()", "(> Start now)"],
  ["Start > Now() - 7D", "(> Start now-(7 days))"],
  ["Start > NOW() + DURATION(2 HOURS)", "(> Start now+(2 hours))"],
  // Precedence: NOT over AND over OR; parentheses; chains stay flat
  ["a == 1 OR b == 2 AND c == 3", "(or (== a 1) (and (== b 2) (== c 3)))"],
  ["a == 1 AND b == 2 OR c == 3", "(or (and (== a 1) (== b 2)) (== c 3))"],
  ["(a == 1 OR b == 2) AND c == 3", "(and (or (== a 1) (== b 2)) (== c 3))"],
  ["a == 1 AND (b == 2 AND c == 3)", "(and (== a 1) (and (== b 2) (== c 3)))"],
  ["a == 1 AND b == 2 AND c == 3", "(and (== a 1) (== b 2) (== c 3))"],
  ["a == 1 OR b == 2 OR c == 3", "(or (== a 1) (== b 2) (== c 3))"],
  ["NOT a == 1 AND b == 2", "(and (not (== a 1)) (== b 2))"],
  ["NOT (a == 1 AND b == 2)", "(not (and (== a 1) (== b 2)))"],
  ["NOT NOT a == 1", "(not (not (== a 1)))"],
  ["((a == 1))", "(== a 1)"],
  ["a == 1 OR NOT b == 2", "(or (== a 1) (not (== b 2)))"],
  // Strings and escapes
  ["Name == 'it\\'s'", "(== Name 'it\\'s')"],
  ["Name == 'back\\\\slash'", "(== Name 'back\\\\slash')"],
  ["Name == 'line\\nbreak'", "(== Name 'line\\nbreak')"],
  ["Name == 'tab\\there'", "(== Name 'tab\\there')"],
  ["Name == 'cr\\rhere'", "(== Name 'cr\\rhere')"],
  ["Name == 'say \\\"hi\\\"'", "(== Name 'say \"hi\"')"],
  ["Name == ''", "(== Name '')"],
  ["Name == 'üñí ☃ 🚀'", "(== Name 'üñí ☃ 🚀')"],
  ["Name == 'a AND b == c'", "(== Name 'a AND b == c')"],
  // Numbers
  ["Duration == 0", "(== Duration 0)"],
  ["Duration == 42", "(== Duration 42)"],
  ["Duration == -5", "(== Duration -5)"],
  ["Duration == 1.5", "(== Duration 1.5)"],
  ["Duration == 1e3", "(== Duration 1000)"],
  ["Duration == 2.5E-3", "(== Duration 0.0025)"],
  ["Duration == 007", "(== Duration 7)"],
  // Dates and date-times
  ["Start > 2027-01-01", "(> Start date:2027-01-01T00:00:00.000Z)"],
  ["Start > 2024-02-29", "(> Start date:2024-02-29T00:00:00.000Z)"],
  ["Start > 2027-01-01T09:00:00Z", "(> Start datetime:2027-01-01T09:00:00.000Z)"],
  ["Start > 2027-01-01T09:00Z", "(> Start datetime:2027-01-01T09:00:00.000Z)"],
  ["Start > 2027-01-01T09:00:00.250Z", "(> Start datetime:2027-01-01T09:00:00.250Z)"],
  ["Start > 2027-01-01T09:00:00+10:00", "(> Start datetime:2026-12-31T23:00:00.000Z)"],
  ["Start > 2027-01-01T09:00:00-0530", "(> Start datetime:2027-01-01T14:30:00.000Z)"],
  ["Start > 2027-01-01T09:00:00+10", "(> Start datetime:2026-12-31T23:00:00.000Z)"],
  ["Start > 0099-01-01", "(> Start date:0099-01-01T00:00:00.000Z)"],
  // NOW() and durations
  ["Start > NOW()", "(> Start now)"],
  ["Start > NOW() - 7d", "(> Start now-(7 days))"],
  ["Start < NOW() + 90m", "(< Start now+(90 minutes))"],
  ["Start > NOW() - 500ms", "(> Start now-(500 milliseconds))"],
  ["Start > NOW() - 30s", "(> Start now-(30 seconds))"],
  ["Start > NOW() - 1h", "(> Start now-(1 hours))"],
  ["Start > NOW()-7d", "(> Start now-(7 days))"],
  ["Start > NOW() - duration(3600 seconds)", "(> Start now-(3600 seconds))"],
  ["Start > NOW() - duration(1 hour)", "(> Start now-(1 hours))"],
  ["Start > NOW() - duration(2 Days)", "(> Start now-(2 days))"],
  ["Start > NOW() + duration(5 milliseconds)", "(> Start now+(5 milliseconds))"],
  ["Start > NOW() + duration(10 minutes)", "(> Start now+(10 minutes))"],
  // A duration on its own parses; the checker decides where it may stand
  ["Duration > 7d", "(> Duration (7 days))"],
  ["Duration > duration(1 hours)", "(> Duration (1 hours))"],
  // Lists
  ["Duration IN [1]", "(IN Duration [1])"],
  ["Duration IN [-1, 2, 3.5]", "(IN Duration [-1 2 3.5])"],
  ["Name IN ['a', 1, true, null]", "(IN Name ['a' 1 true null])"],
  ["Start IN [2027-01-01, NOW()]", "(IN Start [date:2027-01-01T00:00:00.000Z now])"],
  // Lookups, layout, and names that look like functions
  ["Region.Name == 'x'", "(== Region.Name 'x')"],
  ["Account.Region.Name == 'x'", "(== Account.Region.Name 'x')"],
  ["Name == 'x'\nAND\n  Duration > 1", "(and (== Name 'x') (> Duration 1))"],
  ["Name=='x'AND(Duration>1)", "(and (== Name 'x') (> Duration 1))"],
  ["\t Name == 'x' \r\n", "(== Name 'x')"],
  ["Duration == 5 AND Duration != 6", "(and (== Duration 5) (!= Duration 6))"],
  ["Now == 1", "(== Now 1)"],
  ["Name == Duration", "(== Name Duration)"],
  ["JobStatus == Queued", "(== JobStatus Queued)"],
  ["Current.Name == 'x'", "(== Current.Name 'x')"],
  ["Operation == 'x'", "(== Operation 'x')"],
  // A value first with == or != (§3: comparing with null works both ways), read field first
  ["null == Description", "(== Description null)"],
  ["NULL != Region.Description", "(!= Region.Description null)"],
  ["'Queued' == JobStatus", "(== JobStatus 'Queued')"],
  ["-5 != Duration", "(!= Duration -5)"],
  ["2027-01-01 == Start", "(== Start date:2027-01-01T00:00:00.000Z)"],
  ["NOW() - 7d == Start", "(== Start now-(7 days))"],
  ["true == IsActive AND null != Name", "(and (== IsActive true) (!= Name null))"],
];

const CHANGE_PARSES: readonly (readonly [string, string])[] = [
  ["Current.JobStatus == 'x'", "(== Current.JobStatus 'x')"],
  ["Previous.JobStatus == 'x'", "(== Previous.JobStatus 'x')"],
  ["Operation == 'INSERT'", "(== Operation 'INSERT')"],
  ["Operation IN ['INSERT', 'UPDATE']", "(IN Operation ['INSERT' 'UPDATE'])"],
  ["Current.Region.Name == 'x'", "(== Current.Region.Name 'x')"],
  ["Current.JobStatus != Previous.JobStatus", "(!= Current.JobStatus Previous.JobStatus)"],
  ["JobStatus == 'x'", "(== JobStatus 'x')"],
  ["null == Previous.Description", "(== Previous.Description null)"],
  ["'DELETE' != Operation", "(!= Operation 'DELETE')"],
];

describe("parse", () => {
  it.each(RECORD_PARSES)("reads %j as %s", (text, expected) => {
    expect(sexpr(parse(text))).toBe(expected);
  });

  it.each(CHANGE_PARSES)("reads %j in change mode as %s", (text, expected) => {
    expect(sexpr(parse(text, { mode: "change" }))).toBe(expected);
  });

  it("keeps the source span of every node", () => {
    const text = "Name == 'x' AND NOT Region.Name IN ['a', 'b']";
    const ast = parse(text);
    const slice = (span: { offset: number; length: number }) =>
      text.slice(span.offset, span.offset + span.length);

    expect(ast.kind).toBe("and");
    if (ast.kind !== "and") return;
    const [first, second] = ast.operands;
    expect(slice(ast.span)).toBe(text);
    expect(first && slice(first.span)).toBe("Name == 'x'");
    expect(second && slice(second.span)).toBe("NOT Region.Name IN ['a', 'b']");
    if (second?.kind !== "not" || second.operand.kind !== "comparison") return;
    const comparison = second.operand;
    expect(slice(comparison.subject.span)).toBe("Region.Name");
    expect(slice(comparison.operatorSpan)).toBe("IN");
    expect(slice(comparison.value.span)).toBe("['a', 'b']");
  });

  it("counts lines and columns from 1 across line breaks", () => {
    const text = "Name == 'x' AND\n  Duration > 'y'\nOR";
    const error = (() => {
      try {
        parse(text);
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toMatchObject({ line: 3, column: 3, offset: text.length, length: 0 });
  });

  it("covers at least 100 parses in its tables", () => {
    expect(RECORD_PARSES.length + CHANGE_PARSES.length).toBeGreaterThanOrEqual(100);
  });
});
