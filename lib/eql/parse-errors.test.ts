import { describe, expect, it } from "vitest";

import { EqlError } from "./errors";
import { parse, type EqlMode } from "./parser";

/** [filter text, "line:column+length", the reason given]: every syntax error the parser reports. */
const SYNTAX_ERRORS: readonly (readonly [string, string, string])[] = [
  ["", "1:1+0", "filter is empty"],
  ["   \n ", "1:1+5", "filter is empty"],
  ["JobStatus == ", "1:14+0", "expected a value after '=='"],
  ["JobStatus ==", "1:13+0", "expected a value after '=='"],
  ["JobStatus", "1:10+0", "expected an operator after 'JobStatus'"],
  ["JobStatus 'x'", "1:11+3", "expected an operator after 'JobStatus', found ''x''"],
  ["== 'x'", "1:1+2", "expected a field name, found '=='"],
  ["Name = 'x'", "1:6+1", "use == to compare"],
  ["Name <> 'x'", "1:6+2", "use != for 'not equal'"],
  ["a == 1 && b == 2", "1:8+2", "use AND to combine conditions"],
  ["a == 1 || b == 2", "1:8+2", "use OR for alternatives"],
  ["Duration =< 5", "1:10+2", "use <= for 'at most'"],
  ["Duration => 5", "1:10+2", "use >= for 'at least'"],
  ["Name ! 'x'", "1:6+1", "use != for 'not equal', or NOT before a condition"],
  ['Name == "x"', "1:9+3", "strings use single quotes: 'like this'"],
  ["Name == 'abc", "1:9+4", "this string is not closed; end it with '"],
  ["Name == 'a\nb'", "1:9+2", "this string is not closed; end it with ' on the same line"],
  [
    "Name == 'a\\qb'",
    "1:11+2",
    "unknown escape \\q in a string; use \\' for a quote and \\\\ for a backslash",
  ],
  ["(a == 1", "1:8+0", "expected ')' to close the '(' at line 1, column 1"],
  ["a == 1 AND (b == 2", "1:19+0", "expected ')' to close the '(' at line 1, column 12"],
  ["(a == 1 b == 2)", "1:9+1", "expected ')' to close the '(' at line 1, column 1, found 'b'"],
  ["a == 1)", "1:7+1", "this ')' closes nothing"],
  ["a == 1 b == 2", "1:8+1", "expected AND, OR or the end of the filter, found 'b'"],
  ["Name == true false", "1:14+5", "expected AND, OR or the end of the filter, found 'false'"],
  ["a == 1 AND", "1:11+0", "expected a field name after 'AND'"],
  ["a == 1 OR", "1:10+0", "expected a field name after 'OR'"],
  ["NOT", "1:4+0", "expected a field name after 'NOT'"],
  ["()", "1:2+1", "expected a field name after '(', found ')'"],
  ["Name == 'x' AND AND", "1:17+3", "expected a field name after 'AND', found 'AND'"],
  // A value may come first only before == or !=, and then a field must follow.
  [
    "'x' == 'y'",
    "1:8+3",
    "expected a field name after '==', found ''y'': one side must be a field",
  ],
  ["null != ", "1:9+0", "expected a field name after '!=': one side must be a field"],
  ["5 < Duration", "1:3+1", "only == and != may have the value first; write Duration > 5"],
  [
    "NOW() - 1h >= Start",
    "1:12+2",
    "only == and != may have the value first; write Start <= NOW() - 1h",
  ],
  ["'a%' LIKE Name", "1:6+4", "only == and != may have the value first; write Name LIKE 'a%'"],
  ["null Name", "1:6+4", "expected an operator after 'null', found 'Name'"],
  ["Name ==== 'x'", "1:8+2", "expected a value after '==', found '=='"],
  ["Name LIKE", "1:10+0", "expected a value after 'LIKE'"],
  ["Name == AND", "1:9+3", "expected a value after '==', found 'AND'"],
  ["JobStatus IN 'x'", "1:14+3", "expected '[' after IN, as in IN ['a', 'b']"],
  ["JobStatus NOTIN 'x'", "1:17+3", "expected '[' after NOTIN, as in NOTIN ['a', 'b']"],
  ["JobStatus IN []", "1:14+2", "a list needs at least one value"],
  ["JobStatus IN ['a',]", "1:19+1", "expected a value after ',', found ']'"],
  ["JobStatus IN ['a' 'b']", "1:19+3", "expected ',' or ']' in the list, found ''b''"],
  ["JobStatus IN ['a'", "1:18+0", "expected ',' or ']' in the list"],
  ["JobStatus IN [,]", "1:15+1", "expected a value in the list, found ','"],
  ["Name == ['a']", "1:9+1", "a list can only follow IN, NOTIN, INCLUDES or EXCLUDES, not =="],
  ["Name LIKE ['a']", "1:11+1", "a list can only follow IN, NOTIN, INCLUDES or EXCLUDES, not LIKE"],
  ["JobStatus NOT IN ['a']", "1:11+6", "write NOTIN as one word"],
  ["Name NOT LIKE 'a'", "1:6+8", "write NOTLIKE as one word"],
  ["Start > NOW(", "1:13+0", "expected ')' after 'NOW('"],
  ["Start > NOW() -", "1:16+0", "expected a duration after '-', such as 7d or duration(7 days)"],
  ["Start > NOW() - 7", "1:17+1", "expected a duration after '-', such as 7d or duration(7 days)"],
  [
    "Start > NOW() - 7d + 1h",
    "1:20+1",
    "NOW() takes at most one offset; add the durations up, as in NOW() - 90m",
  ],
  [
    "Start > NOW() - 7x",
    "1:18+1",
    "unknown unit 'x'; durations are written like 7d, with a unit of ms, s, m, h or d",
  ],
  // The unit is looked up by the user's text: members of Object.prototype are no units.
  [
    "Start > NOW() - 7constructor",
    "1:18+11",
    "unknown unit 'constructor'; durations are written like 7d, with a unit of ms, s, m, h or d",
  ],
  [
    "Start > NOW() - 7__proto__",
    "1:18+9",
    "unknown unit '__proto__'; durations are written like 7d, with a unit of ms, s, m, h or d",
  ],
  [
    "Duration == 5toString",
    "1:14+8",
    "unknown unit 'toString'; durations are written like 7d, with a unit of ms, s, m, h or d",
  ],
  [
    "Start > NOW() - 1.5h",
    "1:17+4",
    "a duration needs a whole number, such as 90m rather than 1.5h",
  ],
  [
    "Start > NOW() - duration(7 weeks)",
    "1:28+5",
    "expected a unit after 7: milliseconds, seconds, minutes, hours or days, found 'weeks'",
  ],
  [
    "Start > NOW() - duration(1.5 hours)",
    "1:26+3",
    "a duration needs a whole number, such as duration(90 minutes) rather than duration(1.5 hours)",
  ],
  ["Start > NOW() - duration(7 days", "1:32+0", "expected ')' to end duration(7 days"],
  [
    "Start > NOW() - duration()",
    "1:26+1",
    "expected a whole number after 'duration(', as in duration(7 days)",
  ],
  ["Start > 2027-13-01", "1:9+10", "2027-13-01 is not a date on the calendar"],
  ["Start > 2027-02-29", "1:9+10", "2027-02-29 is not a date on the calendar"],
  ["Start > 2027-01-01T25:00Z", "1:9+17", "25:00 is not a time of day"],
  [
    "Start > 2027-01-01T09:00:00",
    "1:9+19",
    "a date-time needs a time zone: add Z for UTC or an offset such as +10:00",
  ],
  ["Start > 2027-01-01T", "1:9+11", "expected a time after 'T', such as T09:00:00Z"],
  ["Start > 2027-1-1", "1:9+8", "expected a date like 2027-01-31"],
  ["Start > 2027-01-01T09:00+25:00", "1:9+22", "+25:00 is not a time zone offset"],
  ["Start > 2027-01-01T09:00:00Zabc", "1:9+23", "unexpected text after the date-time"],
  ["Duration == 1e999", "1:13+5", "the number 1e999 is too large"],
  ["Duration == - 5", "1:15+1", "expected a number right after '-'"],
  [
    "Duration == 5abc",
    "1:14+3",
    "unknown unit 'abc'; durations are written like 7d, with a unit of ms, s, m, h or d",
  ],
  ["Region. Name == 'x'", "1:8+0", "expected a field name right after 'Region.'"],
  [".Name == 'x'", "1:1+1", "a '.' must join two names, as in Region.Name"],
  ["Name == 'x' @", "1:13+1", "unexpected character '@'"],
  ["Name == 'x' 🚀", "1:13+2", "unexpected character '🚀'"],
  [
    "(".repeat(101) + "a == 1" + ")".repeat(101),
    "1:101+1",
    "the filter nests too deeply (more than 100 levels)",
  ],
  ["NOT ".repeat(101) + "a == 1", "1:401+3", "the filter nests too deeply (more than 100 levels)"],
];

const CHANGE_SYNTAX_ERRORS: readonly (readonly [string, string, string])[] = [
  ["Current == 'x'", "1:8+0", "expected '.' and a field name after 'Current', as in Current.Name"],
  [
    "Previous IN ['x']",
    "1:9+0",
    "expected '.' and a field name after 'Previous', as in Previous.Name",
  ],
  ["", "1:1+0", "filter is empty"],
];

function errorOf(text: string, mode: EqlMode): EqlError {
  try {
    parse(text, { mode });
  } catch (error) {
    if (error instanceof EqlError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(text)} parsed without an error`);
}

function expectError(text: string, mode: EqlMode, at: string, reason: string): void {
  const error = errorOf(text, mode);

  expect(`${error.line}:${error.column}+${error.length}`).toBe(at);
  expect(error.reason).toBe(reason);
  expect(error.message).toBe(`line ${error.line}, column ${error.column}: ${reason}`);
}

describe("parse errors", () => {
  it.each(SYNTAX_ERRORS)("refuses %j at %s: %s", (text, at, reason) => {
    expectError(text, "record", at, reason);
  });

  it.each(CHANGE_SYNTAX_ERRORS)("refuses %j in change mode at %s: %s", (text, at, reason) => {
    expectError(text, "change", at, reason);
  });

  it("lists what would have been accepted", () => {
    expect(errorOf("JobStatus == ", "record").expected).toEqual([
      "a string",
      "a number",
      "true",
      "false",
      "null",
      "a date",
      "a date-time",
      "NOW()",
    ]);
    expect(errorOf("JobStatus ", "record").expected).toContain("INCLUDES");
    expect(errorOf("a == 1 AND", "change").expected).toEqual([
      "Current.",
      "Previous.",
      "Operation",
      "NOT",
      "(",
    ]);
  });

  it("gives the position of a problem on a later line", () => {
    const error = errorOf("Name == 'x'\nAND Duration = 5", "record");

    expect([error.line, error.column, error.offset]).toEqual([2, 14, 25]);
  });

  it("covers at least 50 syntax errors in its tables", () => {
    expect(SYNTAX_ERRORS.length + CHANGE_SYNTAX_ERRORS.length).toBeGreaterThanOrEqual(50);
  });
});
