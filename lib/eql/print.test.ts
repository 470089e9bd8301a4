import { describe, expect, it } from "vitest";

import { parse } from "./parser";
import { print } from "./print";

const CANONICAL: readonly (readonly [string, string])[] = [
  ["a == 1 and   b == 2", "a == 1 AND b == 2"],
  ["not (a == 1 or b == 2)", "NOT (a == 1 OR b == 2)"],
  ["((a == 1))", "a == 1"],
  ["a == 1 AND (b == 2 AND c == 3)", "a == 1 AND (b == 2 AND c == 3)"],
  ["(a == 1 AND b == 2) OR c == 3", "a == 1 AND b == 2 OR c == 3"],
  ["a == 1 AND (b == 2 OR c == 3)", "a == 1 AND (b == 2 OR c == 3)"],
  ["NOT NOT a == 1", "NOT NOT a == 1"],
  ["x in ['a','b']", "x IN ['a', 'b']"],
  ["x notlike 'a%'", "x NOTLIKE 'a%'"],
  ["x == TRUE or y == False or z == NULL", "x == true OR y == false OR z == null"],
  ["Start > now() - duration(7 days)", "Start > NOW() - 7d"],
  ["Start > NOW()+duration(90 Minute)", "Start > NOW() + 90m"],
  ["Duration > 7d", "Duration > duration(7 days)"],
  ["Name == 'it\\'s \\\\ \\n \\t \\r \\\"'", "Name == 'it\\'s \\\\ \\n \\t \\r \"'"],
  ["Start >= 2027-01-01T09:00:00+10:00", "Start >= 2027-01-01T09:00:00+10:00"],
  ["Duration == 1e3", "Duration == 1000"],
  ["Duration == -0.5", "Duration == -0.5"],
  ["Current.Region.Name != Previous.Region.Name", "Current.Region.Name != Previous.Region.Name"],
  ["null == Description", "Description == null"],
  ["'Queued' != JobStatus", "JobStatus != 'Queued'"],
];

describe("print", () => {
  it.each(CANONICAL)("prints %j as %j", (text, canonical) => {
    const mode = text.startsWith("Current") ? "change" : "record";

    expect(print(parse(text, { mode }))).toBe(canonical);
  });
});
