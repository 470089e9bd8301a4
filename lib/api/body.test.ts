import { describe, expect, it } from "vitest";

import { isJsonContentType, readJsonBody } from "./body";
import { ApiError } from "./errors";

function post(contentType: string | null, body = '{"name":"x"}'): Request {
  const headers = new Headers();
  if (contentType !== null) headers.set("content-type", contentType);

  return new Request("http://tripline.test/api/x", { method: "POST", headers, body });
}

describe("JSON content type", () => {
  it.each([
    "application/json",
    "Application/JSON",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    'application/json; charset="utf-8"',
  ])("accepts %s", (type) => {
    expect(isJsonContentType(type)).toBe(true);
  });

  it.each([
    "application/merge-patch+json",
    "application/vnd.api+json",
    "application/ld+json; charset=utf-8",
    "text/json",
    "application/jsonx",
    "application/json; charset=latin1",
    "text/plain",
    "",
  ])("refuses %s", (type) => {
    expect(isJsonContentType(type)).toBe(false);
  });

  it("reads a body sent with a UTF-8 charset parameter", async () => {
    expect(await readJsonBody(post("application/json; charset=utf-8"))).toEqual({ name: "x" });
  });

  it("answers a +json body, or one with no content type, with unsupported_media_type", async () => {
    for (const type of ["application/merge-patch+json", null]) {
      const refusal = await readJsonBody(post(type)).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal).toMatchObject({ errorType: "unsupported_media_type", status: 415 });
    }
  });
});
