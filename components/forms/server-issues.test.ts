import { describe, expect, it } from "vitest";

import { ApiRequestError } from "@/components/api-client";

import { fieldText, placeIssues } from "./server-issues";

const refused = (errors: { path: string; message: string }[]) =>
  new ApiRequestError(400, "field_error", `${errors[0]?.path}: ${errors[0]?.message}`, errors);

describe("placing a refused save's issues on the form", () => {
  it("puts an issue on a nested path next to the field it starts with, naming the part", () => {
    const issues = placeIssues(
      refused([
        { path: "headers.Connection", message: "is a hop-by-hop header" },
        { path: "headers.X Bad", message: "is not a valid header name" },
      ]),
      ["name", "headers"],
    );

    expect(fieldText(issues, "headers")).toBe(
      "Connection: is a hop-by-hop header · X Bad: is not a valid header name",
    );
    expect(issues.unplaced).toEqual([]);
    expect(issues.general).toBeNull();
  });

  it("capitalises a top-level field's message and keeps every message for it", () => {
    const issues = placeIssues(
      refused([
        { path: "query", message: "line 1, column 3: unexpected" },
        { path: "query", message: "line 2, column 1: unknown field" },
      ]),
      ["query"],
    );

    expect(issues.fields.query).toEqual([
      "Line 1, column 3: unexpected",
      "Line 2, column 1: unknown field",
    ]);
  });

  it("lists issues for fields the form does not show at form level", () => {
    const issues = placeIssues(
      refused([
        { path: "retryPolicy.maxAttempts", message: "must be at most 20" },
        { path: "(body)", message: "expected an object" },
        { path: "url", message: "must use https" },
      ]),
      ["url"],
    );

    expect(issues.unplaced).toEqual([
      "retryPolicy.maxAttempts: must be at most 20",
      "Expected an object",
    ]);
    expect(fieldText(issues, "url")).toBe("Must use https");
  });

  it("keeps the message of an error that names no field", () => {
    const issues = placeIssues(new ApiRequestError(403, "forbidden", "Admins only"), ["name"]);

    expect(issues.general).toBe("Admins only");
    expect(issues.fields).toEqual({});
  });

  it("has nothing to say before a save fails", () => {
    expect(placeIssues(null, ["name"])).toEqual({ fields: {}, unplaced: [], general: null });
  });
});
