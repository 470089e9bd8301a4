import { beforeEach, describe, expect, it } from "vitest";

import { GET as me } from "@/app/api/me/route";
import { DELETE as revoke } from "@/app/api/tokens/[id]/route";
import { GET as listTokens, POST as createTokenRoute } from "@/app/api/tokens/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { getDb } from "@/lib/db";

import { BASE, call, makeToken, makeUser, resetDatabase, sessionCookie } from "./helpers";

const newUser = {
  email: "new@example.com",
  name: "New",
  password: "long enough pw",
  role: "viewer",
};

function expectErrorBody(body: Record<string, unknown>, errorType: string) {
  expect(body.errorType).toBe(errorType);
  expect(typeof body.message).toBe("string");
  expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
}

beforeEach(resetDatabase);

describe("bearer tokens", () => {
  it("a valid token acts as its owner", async () => {
    const { user, token } = await makeToken("admin");
    const response = await call(me, { token });

    expect(response.status).toBe(200);
    expect(response.body.result).toMatchObject({ email: user.email, role: "admin", via: "token" });
  });

  it("no credentials answer 401 with the documented body", async () => {
    const response = await call(me);

    expect(response.status).toBe(401);
    expectErrorBody(response.body, "unauthorized");
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("an unknown token, a malformed header and a bad scheme answer 401", async () => {
    for (const authorization of ["Bearer tl_nope", "Bearer", "Basic dXNlcjpwYXNz", "tl_abc"]) {
      const response = await call(me, { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expectErrorBody(response.body, "unauthorized");
    }
  });

  it("a revoked token answers 401", async () => {
    const { token, view } = await makeToken("admin");
    const revoked = await call(revoke, { method: "DELETE", token, params: { id: view.id } });
    expect(revoked.status).toBe(200);

    const response = await call(me, { token });
    expect(response.status).toBe(401);
    expectErrorBody(response.body, "unauthorized");
  });

  it("an expired token answers 401", async () => {
    const { token, view } = await makeToken("admin", 1);
    await getDb().apiToken.update({
      where: { id: view.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect((await call(me, { token })).status).toBe(401);
  });

  it("a viewer's token is refused on a write with 403 and nothing is stored", async () => {
    const { token } = await makeToken("viewer");
    const response = await call(createUserRoute, { token, json: newUser });

    expect(response.status).toBe(403);
    expectErrorBody(response.body, "forbidden");
    expect(await getDb().user.count({ where: { email: newUser.email } })).toBe(0);
  });

  it("an admin's token may write", async () => {
    const { token } = await makeToken("admin");
    const response = await call(createUserRoute, { token, json: newUser });

    expect(response.status).toBe(201);
    expect(response.body.result).toMatchObject({ email: newUser.email, role: "viewer" });
    expect(response.body.result).not.toHaveProperty("passwordHash");
  });

  it("a token acts with its owner's current role", async () => {
    const { user, token } = await makeToken("viewer");
    expect((await call(createUserRoute, { token, json: newUser })).status).toBe(403);

    await getDb().user.update({ where: { id: user.id }, data: { role: "admin" } });
    expect((await call(createUserRoute, { token, json: newUser })).status).toBe(201);
  });

  it("tokens are stored only as hashes and record when they were used", async () => {
    const { token, view } = await makeToken("viewer");
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: view.id } });

    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.lastUsedAt).toBeNull();

    await call(me, { token });
    const used = await getDb().apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });
});

describe("token management", () => {
  it("creating a token returns it once; listing never does", async () => {
    const { token } = await makeToken("viewer");
    const created = await call(createTokenRoute, {
      token,
      json: { name: "deploy", expiresInDays: 30 },
    });

    expect(created.status).toBe(201);
    const result = created.body.result as { token: string; expiresAt: string };
    expect(result.token).toMatch(/^tl_[A-Za-z0-9_-]{40}$/);
    expect(new Date(result.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const listed = await call(listTokens, { token });
    expect(JSON.stringify(listed.body)).not.toContain(result.token);
  });

  it("viewers see and revoke only their own tokens; admins see all", async () => {
    const admin = await makeToken("admin");
    const viewer = await makeToken("viewer");

    const viewerList = (await call(listTokens, { token: viewer.token })).body.result;
    expect(viewerList).toHaveLength(1);
    const adminList = (await call(listTokens, { token: admin.token })).body.result;
    expect(adminList).toHaveLength(2);

    const response = await call(revoke, {
      method: "DELETE",
      token: viewer.token,
      params: { id: admin.view.id },
    });
    expect(response.status).toBe(404);
    expect((await call(me, { token: admin.token })).status).toBe(200);
  });
});

describe("console session", () => {
  it("a session cookie authenticates reads", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.id);
    const response = await call(me, { headers: { cookie } });

    expect(response.status).toBe(200);
    expect(response.body.result).toMatchObject({ email: user.email, via: "session" });
  });

  it("a session write from another origin, or with no origin, is refused", async () => {
    const user = await makeUser("admin");
    const cookie = await sessionCookie(user.id);

    const attempts: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      { cookie },
    ];
    for (const headers of attempts) {
      const response = await call(createUserRoute, { headers, json: newUser });
      expect(response.status).toBe(403);
      expectErrorBody(response.body, "forbidden");
    }
    expect(await getDb().user.count({ where: { email: newUser.email } })).toBe(0);
  });

  it("a session write from the app's own origin is accepted", async () => {
    const user = await makeUser("admin");
    const headers = { cookie: await sessionCookie(user.id), origin: BASE };

    expect((await call(createUserRoute, { headers, json: newUser })).status).toBe(201);
  });

  it("a session of a removed user is no longer valid", async () => {
    const user = await makeUser("admin");
    const cookie = await sessionCookie(user.id);
    await getDb().user.delete({ where: { id: user.id } });

    expect((await call(me, { headers: { cookie } })).status).toBe(401);
  });

  it("bearer-token writes need no origin", async () => {
    const { token } = await makeToken("admin");
    const response = await call(createUserRoute, {
      token,
      headers: { origin: "https://elsewhere.example" },
      json: newUser,
    });

    expect(response.status).toBe(201);
  });
});
