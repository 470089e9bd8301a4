import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { ApiError, route } from "@/lib/api";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";

import { call, makeToken, resetDatabase } from "./helpers";

let token = "";

beforeEach(async () => {
  await resetDatabase();
  token = (await makeToken("admin")).token;
});

async function tokenCount(): Promise<number> {
  return getDb().apiToken.count();
}

describe("request bodies", () => {
  it("a body that is not JSON by content type answers 415", async () => {
    const before = await tokenCount();
    const response = await call(createTokenRoute, {
      token,
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ name: "x" }),
    });

    expect(response.status).toBe(415);
    expect(response.body.errorType).toBe("unsupported_media_type");
    expect(await tokenCount()).toBe(before);
  });

  it("a +json media type answers 415; application/json with charset=utf-8 is accepted", async () => {
    const before = await tokenCount();
    const send = (type: string) =>
      call(createTokenRoute, {
        token,
        headers: { "content-type": type },
        body: JSON.stringify({ name: "typed" }),
      });

    expect((await send("application/vnd.api+json")).status).toBe(415);
    expect(await tokenCount()).toBe(before);
    expect((await send("application/json; charset=utf-8")).status).toBe(201);
    expect(await tokenCount()).toBe(before + 1);
  });

  it("malformed JSON answers 400 bad_request", async () => {
    const response = await call(createTokenRoute, {
      token,
      headers: { "content-type": "application/json" },
      body: '{"name": "x",',
    });

    expect(response.status).toBe(400);
    expect(response.body.errorType).toBe("bad_request");
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  it("a body over 1 MiB answers 413, with or without Content-Length", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const declared = await call(createTokenRoute, {
      token,
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.body.errorType).toBe("payload_too_large");

    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65_536)
          controller.enqueue(bytes.slice(i, i + 65_536));
        controller.close();
      },
    });
    const chunked = await call(createTokenRoute, {
      token,
      headers: { "content-type": "application/json" },
      body: stream,
    });
    expect(chunked.status).toBe(413);
    expect(await tokenCount()).toBe(1);
  });

  it("unknown fields, wrong types and over-long names name the failing path", async () => {
    const cases: [unknown, string][] = [
      [{ name: "ok", colour: "red" }, "colour"],
      [{ name: 42 }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "ok", expiresInDays: "soon" }, "expiresInDays"],
      [{ name: "ok", expiresInDays: 1.5 }, "expiresInDays"],
      [{}, "name"],
      [[], "(body)"],
    ];
    for (const [json, path] of cases) {
      const response = await call(createTokenRoute, { token, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body.errorType).toBe("field_error");
      const errors = response.body.errors as { path: string; message: string }[];
      expect(errors.map((error) => error.path)).toContain(path);
      expect(response.body.message).toContain(path);
    }
    expect(await tokenCount()).toBe(1);
  });

  it("SQL and script fragments are data: stored verbatim, harming nothing", async () => {
    const name = `'); DROP TABLE "User"; -- <script>alert(1)</script>`;
    const response = await call(createTokenRoute, { token, json: { name } });

    expect(response.status).toBe(201);
    expect(response.body.result).toMatchObject({ name });
    expect(await getDb().user.count()).toBe(1);
  });

  it("an invalid email is refused and no user is stored", async () => {
    const response = await call(createUserRoute, {
      token,
      json: { email: "<script>@x", name: "n", password: "long enough pw", role: "viewer" },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "email", message: "must be an email address" }]);
    expect(await getDb().user.count()).toBe(1);
  });

  it("a duplicate email answers 409 naming the field", async () => {
    const json = {
      email: "dup@example.com",
      name: "n",
      password: "long enough pw",
      role: "viewer",
    };
    expect((await call(createUserRoute, { token, json })).status).toBe(201);

    const again = await call(createUserRoute, {
      token,
      json: { ...json, email: "DUP@example.com" },
    });
    expect(again.status).toBe(409);
    expect(again.body.errorType).toBe("field_error");
    expect(again.body.errors).toEqual([{ path: "email", message: "already in use" }]);
  });
});

describe("unexpected errors", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answer 500 with only an error id, never the internals", async () => {
    const failing = route("viewer", () => {
      throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
    });
    const response = await call(failing, { token });

    expect(response.status).toBe(500);
    expect(Object.keys(response.body).sort()).toEqual(["errorId", "errorType", "message"]);
    expect(response.body.errorType).toBe("internal_error");
    expect(JSON.stringify(response.body)).not.toMatch(/secret_table|SELECT|at /);
    expect(response.body.message).toContain(String(response.body.errorId));
  });

  it("are logged with the error id the 500 answers and the details it hides", async () => {
    // A route logs through a child of `logger`; the child inherits its level methods.
    const logged = vi.spyOn(logger, "error");
    const thrown = new Error('relation "secret_table" does not exist');
    const failing = route("viewer", () => {
      throw thrown;
    });
    const response = await call(failing, { token });

    expect(response.status).toBe(500);
    expect(response.body.errorId).toEqual(expect.any(String));
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(
      { errorId: response.body.errorId, err: thrown },
      "request failed",
    );
    expect(JSON.stringify(response.body)).not.toContain("secret_table");
  });

  it("domain errors keep their type and status", async () => {
    const missing = route("viewer", () => {
      throw ApiError.notFound("webhook");
    });
    const response = await call(missing, { token });

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ errorType: "not_found", message: "webhook not found" });
  });
});
