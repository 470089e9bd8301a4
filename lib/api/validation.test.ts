import { describe, expect, it } from "vitest";
import { z } from "zod";

import { ApiError } from "./errors";
import { parseWith } from "./validation";

const ZSchema = z.strictObject({
  trigger: z.strictObject({ filter: z.string().min(1, "is required") }),
  headers: z.record(z.string(), z.string()).optional(),
});

function failure(value: unknown): ApiError {
  try {
    parseWith(ZSchema, value, "body");
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error("expected an ApiError");
}

describe("parseWith", () => {
  it("returns the parsed value when valid", () => {
    expect(parseWith(ZSchema, { trigger: { filter: "x" } })).toEqual({ trigger: { filter: "x" } });
  });

  it("names nested paths with dots", () => {
    const error = failure({ trigger: { filter: "" } });

    expect(error.status).toBe(400);
    expect(error.errorType).toBe("field_error");
    expect(error.errors).toEqual([{ path: "trigger.filter", message: "is required" }]);
    expect(error.message).toBe("invalid body: trigger.filter: is required");
  });

  it("names each unknown field, however deep", () => {
    const error = failure({ trigger: { filter: "x", extra: 1 }, other: 2 });

    expect(error.errors?.map((issue) => issue.path).sort()).toEqual(["other", "trigger.extra"]);
    expect(error.errors?.every((issue) => issue.message === "unknown field")).toBe(true);
  });

  it("counts further errors in the message", () => {
    const error = failure({ trigger: {}, headers: { a: 1 } });

    expect(error.errors).toHaveLength(2);
    expect(error.message).toMatch(/\(and 1 more\)$/);
  });
});
