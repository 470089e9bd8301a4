import { beforeEach, describe, expect, it } from "vitest";

import { POST as setup } from "@/app/api/setup/route";
import { PATCH as updateUser } from "@/app/api/users/[id]/route";
import { GET as listUsers } from "@/app/api/users/route";
import { bootstrapAdmin } from "@/lib/auth/bootstrap";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

import { call, makeToken, makeUser, resetDatabase } from "./helpers";

const firstAdmin = { email: "Owner@Example.com", name: "Owner", password: "a long password" };

beforeEach(resetDatabase);

describe("first-run setup", () => {
  it("creates the first admin once, then refuses", async () => {
    const created = await call(setup, { json: firstAdmin });
    expect(created.status).toBe(201);
    expect(created.body.result).toMatchObject({ email: "owner@example.com", role: "admin" });

    const again = await call(setup, { json: { ...firstAdmin, email: "other@example.com" } });
    expect(again.status).toBe(403);
    expect(await getDb().user.count()).toBe(1);
  });

  it("racing setups create exactly one admin", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(setup, { json: { ...firstAdmin, email: `racer${i}@example.com` } }),
      ),
    );

    expect(attempts.filter((attempt) => attempt.status === 201)).toHaveLength(1);
    expect(await getDb().user.count()).toBe(1);
  });

  it("stores a salted scrypt hash, never the password", async () => {
    await call(setup, { json: firstAdmin });
    const user = await getDb().user.findFirstOrThrow();

    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(firstAdmin.password);
    expect(await verifyPassword(firstAdmin.password, user.passwordHash)).toBe(true);
    expect(await verifyPassword("a long passwore", user.passwordHash)).toBe(false);
  });

  it("ADMIN_EMAIL and ADMIN_PASSWORD make the first admin, only on an empty database", async () => {
    await bootstrapAdmin({ email: "env@example.com", password: "from the env!", name: "Env" });
    await bootstrapAdmin({ email: "late@example.com", password: "from the env!", name: "Late" });

    const users = await getDb().user.findMany();
    expect(users.map((user) => [user.email, user.role])).toEqual([["env@example.com", "admin"]]);
  });
});

describe("roles", () => {
  it("only admins list users", async () => {
    const viewer = await makeToken("viewer");
    const admin = await makeToken("admin");

    expect((await call(listUsers, { token: viewer.token })).status).toBe(403);
    const listed = await call(listUsers, { token: admin.token });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain("passwordHash");
  });

  it("an admin changes a role, which applies to that user's tokens at once", async () => {
    const admin = await makeToken("admin");
    const viewer = await makeToken("viewer");
    const response = await call(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: viewer.user.id },
      json: { role: "admin" },
    });

    expect(response.status).toBe(200);
    expect((await call(listUsers, { token: viewer.token })).status).toBe(200);
  });

  it("the last admin cannot be demoted", async () => {
    const admin = await makeToken("admin");
    const response = await call(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: admin.user.id },
      json: { role: "viewer" },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: "role", message: expect.stringContaining("last admin") as string },
    ]);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe(
      "admin",
    );
  });

  it("an unknown user or role is refused", async () => {
    const admin = await makeToken("admin");
    const other = await makeUser("viewer");

    const missing = await call(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: "00000000-0000-0000-0000-000000000000" },
      json: { role: "admin" },
    });
    expect(missing.status).toBe(404);

    const badRole = await call(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: other.id },
      json: { role: "owner" },
    });
    expect(badRole.status).toBe(400);
    expect((badRole.body.errors as { path: string }[])[0]?.path).toBe("role");
  });
});
