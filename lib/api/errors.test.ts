import { describe, expect, it } from "vitest";

import { ApiError, ERROR_STATUS } from "./errors";

// lens-api.md §1: the closed list of errorType values.
const LENS_ERROR_TYPES = [
  "bad_request",
  "field_error",
  "unauthorized",
  "forbidden",
  "not_found",
  "unsupported_media_type",
  "payload_too_large",
  "rate_limited",
  "internal_error",
];

describe("ApiError", () => {
  it("knows only the errorType values lens-api.md §1 lists", () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...LENS_ERROR_TYPES].sort());
  });

  it("answers a clash with stored data 409, as a field_error when it names fields", () => {
    const taken = ApiError.conflict("a user with this email already exists", [
      { path: "email", message: "already in use" },
    ]);
    const busy = ApiError.conflict("an attempt of this delivery is in flight");

    expect([taken.status, taken.errorType, taken.errors]).toEqual([
      409,
      "field_error",
      [{ path: "email", message: "already in use" }],
    ]);
    expect([busy.status, busy.errorType]).toEqual([409, "bad_request"]);
    expect(ApiError.of("conflict", "x")).toMatchObject({ status: 409, errorType: "bad_request" });
  });

  it("answers a switched-off endpoint 503 with a listed errorType", () => {
    const off = ApiError.unavailable("set TRIPLINE_WORKER_SECRET to enable this endpoint");

    expect([off.status, off.errorType]).toEqual([503, "forbidden"]);
    expect(LENS_ERROR_TYPES).toContain(off.errorType);
  });

  it("keeps each listed type's usual status", () => {
    expect(ApiError.of("not_found", "x").status).toBe(404);
    expect(new ApiError("payload_too_large", "x").status).toBe(413);
  });
});
