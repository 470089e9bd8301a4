import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";

import { completions } from "./completions";
import { diagnostics, tokenize, type EditorOptions } from "./editor";

const schema = eqlSchema();

function labels(text: string, options: EditorOptions = {}, offset = text.length): string[] {
  return completions(text, offset, schema, "Jobs", options).map((item) => item.label);
}

describe("completions", () => {
  it("offers fields, lookups and NOT where a condition starts", () => {
    const items = completions("", 0, schema, "Jobs");

    expect(items).toContainEqual({
      label: "JobStatus",
      kind: "field",
      detail: "a picklist: Queued, Pending Allocation, Pending Dispatch, Dispatched, ...",
      insertText: "JobStatus",
      range: { offset: 0, length: 0 },
    });
    expect(items).toContainEqual({
      label: "Region",
      kind: "lookup",
      detail: "lookup to Regions",
      insertText: "Region.",
      range: { offset: 0, length: 0 },
    });
    expect(labels("")).toContain("NOT");
    expect(labels("Duration > 5 AND ")).toContain("Start");
    expect(labels("(")).toContain("Start");
  });

  it("narrows to what has been typed of the word, replacing just that word", () => {
    expect(completions("Duration > 5 AND Job", 20, schema, "Jobs")).toEqual([
      expect.objectContaining({ label: "JobStatus", range: { offset: 17, length: 3 } }),
    ]);
  });

  it("follows a lookup to the related object's fields", () => {
    expect(labels("Region.")).toEqual([
      "UID",
      "CreatedDate",
      "LastModifiedDate",
      "Name",
      "Timezone",
      "CountryCode",
      "Description",
    ]);
    expect(completions("Account.Region.Na", 17, schema, "Jobs")).toEqual([
      expect.objectContaining({ label: "Name", range: { offset: 15, length: 2 } }),
    ]);
    expect(labels("Account.")).toContain("Region");
  });

  it("offers the operators that fit the field's type", () => {
    expect(labels("Duration ")).toEqual(["==", "!=", "<", "<=", ">", ">=", "IN", "NOTIN"]);
    expect(labels("Tags ")).toEqual(["==", "!=", "LIKE", "NOTLIKE", "INCLUDES", "EXCLUDES"]);
    const like = completions("Name ", 5, schema, "Jobs").find((item) => item.label === "LIKE");
    expect(like?.kind).toBe("operator");
    expect(like?.detail).toContain("%");
  });

  it("offers picklist values, quoted, after an operator and inside lists", () => {
    expect(labels("Urgency == ")).toEqual(["'Low'", "'Normal'", "'High'", "'Critical'", "null"]);
    expect(labels("Urgency IN ['Low', ")).toEqual(["'Low'", "'Normal'", "'High'", "'Critical'"]);
    expect(labels("Urgency IN ")).toEqual(["["]);
    expect(labels("Urgency == Hi")).toEqual(["'High'"]);
  });

  it("replaces a half-typed string whole, including a closing quote already there", () => {
    expect(completions("JobStatus == 'Dis'", 17, schema, "Jobs")).toEqual([
      expect.objectContaining({ label: "'Dispatched'", range: { offset: 13, length: 5 } }),
    ]);
  });

  it("offers values that fit dates and booleans", () => {
    expect(labels("Start > ")).toEqual(["NOW()", "NOW() - 7d"]);
    expect(completions("IsActive == ", 12, schema, "Resources").map((item) => item.label)).toEqual([
      "true",
      "false",
      "null",
    ]);
  });

  it("offers AND and OR after a complete condition", () => {
    expect(labels("JobStatus == 'Queued' ")).toEqual(["AND", "OR"]);
    expect(labels("Start > NOW() - 7d ")).toEqual(["AND", "OR"]);
    expect(labels("(Duration > 5) ")).toEqual(["AND", "OR"]);
    expect(labels("JobStatus IN ['Queued'] o")).toEqual(["OR"]);
  });

  it("offers scopes, Operation and the other side of a change in change mode", () => {
    const change = { mode: "change" } as const;

    expect(labels("", change)).toEqual(["Current.", "Previous.", "Operation", "NOT"]);
    expect(labels("Current.Job", change)).toEqual(["JobStatus"]);
    expect(labels("Operation == ", change)).toEqual(["'INSERT'", "'UPDATE'", "'DELETE'"]);
    expect(labels("Current.JobStatus != ", change)).toContain("Previous.JobStatus");
  });

  it("offers fields after a value written first, then AND and OR", () => {
    expect(labels("null == Desc")).toEqual(["Description"]);
    expect(labels("null == ")).not.toContain("NOT");
    expect(labels("null == ")).toContain("Region");
    expect(labels("null == Region.")).toContain("Name");
    expect(labels("null == ", { mode: "change" })).toEqual(["Current.", "Previous.", "Operation"]);
    expect(labels("'Queued' != Job")).toEqual(["JobStatus"]);
    expect(labels("null == Description ")).toEqual(["AND", "OR"]);
    expect(labels("null LIKE ")).toEqual([]);
  });

  it("offers nothing where nothing fits, and never throws", () => {
    expect(labels("Name == 'x' 7")).toEqual([]);
    expect(labels("Nope ")).toContain("LIKE");
    expect(completions("Name", 99, schema, "Jobs")).toEqual([
      expect.objectContaining({ label: "Name" }),
    ]);
    expect(completions("", 0, schema, "Widgets")).toEqual([]);
    expect(completions("", 0, schema, "constructor")).toEqual([]);
    expect(completions("", 0, schema, "__proto__")).toEqual([]);
  });
});

describe("diagnostics", () => {
  it("gives ranges that cover the problem, in Monaco's 1-based lines and columns", () => {
    const [found, ...more] = diagnostics("Name == 'x' AND\n  JobStaus == 'y'", schema, "Jobs");

    expect(more).toEqual([]);
    expect(found).toMatchObject({
      severity: "error",
      message: "unknown field 'JobStaus'; did you mean 'JobStatus'?",
      offset: 18,
      length: 8,
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 11,
    });
    expect(found?.expected).toContain("JobStatus");
  });

  it("reports a syntax error alone, since parsing stops there", () => {
    expect(diagnostics("JobStaus == ", schema, "Jobs")).toEqual([
      expect.objectContaining({ message: "expected a value after '=='", column: 13, length: 0 }),
    ]);
  });

  it("is empty for a good filter and checks change filters in change mode", () => {
    expect(diagnostics("JobStatus == 'Queued'", schema, "Jobs")).toEqual([]);
    const change = diagnostics("JobStatus == 'Queued'", schema, "Jobs", { mode: "change" });
    expect(change.map((diagnostic) => diagnostic.message)).toEqual([
      "in a triggered-action filter a field needs Current. or Previous.; did you mean 'Current.JobStatus'?",
    ]);
  });
});

describe("tokenize", () => {
  it("classes every token for colouring", () => {
    const text = "NOT Start > NOW() - duration(7 days) AND Tags INCLUDES ['a', 2] OR x == null";

    expect(
      tokenize(text).map((token) => [
        text.slice(token.offset, token.offset + token.length),
        token.class,
      ]),
    ).toEqual([
      ["NOT", "keyword"],
      ["Start", "field"],
      [">", "operator"],
      ["NOW", "function"],
      ["(", "punctuation"],
      [")", "punctuation"],
      ["-", "operator"],
      ["duration", "function"],
      ["(", "punctuation"],
      ["7", "number"],
      ["days", "unit"],
      [")", "punctuation"],
      ["AND", "keyword"],
      ["Tags", "field"],
      ["INCLUDES", "operator"],
      ["[", "punctuation"],
      ["'a'", "string"],
      [",", "punctuation"],
      ["2", "number"],
      ["]", "punctuation"],
      ["OR", "keyword"],
      ["x", "field"],
      ["==", "operator"],
      ["null", "constant"],
    ]);
  });

  it("marks what it cannot read as invalid and carries on", () => {
    const text = "Start > 2027-01-01 AND @ Name == 'open";

    expect(tokenize(text).map((token) => token.class)).toEqual([
      "field",
      "operator",
      "date",
      "keyword",
      "invalid",
      "field",
      "operator",
      "invalid",
    ]);
    expect(tokenize("Duration > 7d")[2]).toEqual({ offset: 11, length: 2, class: "duration" });
    expect(tokenize("")).toEqual([]);
  });
});
