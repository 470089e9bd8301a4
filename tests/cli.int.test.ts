import { spawnSync } from "node:child_process";

import { beforeEach, describe, expect, it } from "vitest";

import { authenticateToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";

import { resetDatabase } from "./helpers";

function tripline(...args: string[]) {
  const result = spawnSync("node", ["bin/tripline", ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });

  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(resetDatabase);

describe("bin/tripline", () => {
  it("creates a user and a token that prints alone on stdout and works", async () => {
    const user = tripline(
      "user",
      "create",
      "--email",
      "ops@example.com",
      "--password",
      "a long password",
      "--role",
      "viewer",
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toBe("");

    const token = tripline(
      "token",
      "create",
      "--email",
      "ops@example.com",
      "--name",
      "cron",
      "--expires-in-days",
      "7",
    );
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^tl_[A-Za-z0-9_-]{40}\n$/);

    const principal = await authenticateToken(token.stdout.trim());
    expect(principal).toMatchObject({ email: "ops@example.com", role: "viewer", via: "token" });
    const row = await getDb().apiToken.findFirstOrThrow();
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it("revokes a token by its prefix", async () => {
    tripline(
      "user",
      "create",
      "--email",
      "ops@example.com",
      "--password",
      "a long password",
      "--role",
      "admin",
    );
    const token = tripline(
      "token",
      "create",
      "--email",
      "ops@example.com",
      "--name",
      "n",
    ).stdout.trim();

    const revoked = tripline("token", "revoke", "--prefix", token.slice(0, 9));
    expect(revoked.code).toBe(0);
    expect(await authenticateToken(token)).toBeNull();

    expect(tripline("token", "revoke", "--prefix", token.slice(0, 9)).code).toBe(1);
  });

  it("bad arguments print usage to stderr and exit 2", () => {
    const cases = [
      [],
      ["frobnicate"],
      ["user", "create", "--email", "x@example.com"],
      [
        "user",
        "create",
        "--email",
        "x@example.com",
        "--password",
        "a long password",
        "--role",
        "root",
      ],
      ["token", "create", "--email", "x@example.com", "--name", "n", "--expires-in-days", "soon"],
      ["token", "revoke", "--prefix", "tl_abc", "--force"],
    ];
    for (const args of cases) {
      const result = tripline(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("usage: tripline");
    }
  });

  it("reports a missing user without a stack trace and exits 1", () => {
    const result = tripline("token", "create", "--email", "ghost@example.com", "--name", "n");

    expect(result.code).toBe(1);
    expect(result.stderr).toBe("tripline: user ghost@example.com not found\n");
  });

  it("migrate says the database is up to date", () => {
    const result = tripline("migrate");

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("up to date");
  });
});
