import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { describe, expect, it } from "vitest";

import { ZPasswordSchema } from "@/lib/auth/schemas";

import { ConfigError, loadConfig, loadSecrets } from "./index";

describe("loadConfig", () => {
  it("defaults to SQLite in ./data with no configuration", () => {
    const config = loadConfig({});

    expect(config.database).toEqual({
      kind: "sqlite",
      url: `file:${resolve("data/tripline.db")}`,
      sqliteSync: "normal",
    });
    expect(config.bootstrapAdmin).toBeNull();
  });

  it("takes SQLite's sync setting from TRIPLINE_SQLITE_SYNC, and names it when it is wrong", () => {
    expect(loadConfig({ TRIPLINE_SQLITE_SYNC: "full" }).database.sqliteSync).toBe("full");
    expect(() => loadConfig({ TRIPLINE_SQLITE_SYNC: "off" })).toThrow(/TRIPLINE_SQLITE_SYNC/);
  });

  it("makes the engine's calls on their own thread unless TRIPLINE_HTTP_THREAD=off", () => {
    expect(loadConfig({}).delivery.httpThread).toBe(true);
    expect(loadConfig({ TRIPLINE_HTTP_THREAD: "off" }).delivery.httpThread).toBe(false);
    expect(() => loadConfig({ TRIPLINE_HTTP_THREAD: "no" })).toThrow(/TRIPLINE_HTTP_THREAD/);
  });

  it("runs the delivery worker on its own thread unless TRIPLINE_WORKER_THREAD=off", () => {
    expect(loadConfig({}).worker.thread).toBe(true);
    expect(loadConfig({ TRIPLINE_WORKER_THREAD: "off" }).worker.thread).toBe(false);
    expect(() => loadConfig({ TRIPLINE_WORKER_THREAD: "no" })).toThrow(/TRIPLINE_WORKER_THREAD/);
  });

  it("recognises PostgreSQL URLs and relative SQLite files", () => {
    expect(loadConfig({ DATABASE_URL: "postgresql://db:5432/t" }).database.kind).toBe("postgresql");
    expect(loadConfig({ DATABASE_URL: "postgres://db/t" }).database.kind).toBe("postgresql");
    expect(loadConfig({ DATABASE_URL: "file:./x.db" }).database.url).toBe(
      `file:${resolve("x.db")}`,
    );
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://db" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRIPLINE_ENCRYPTION_KEY: "short" })).toThrow(
      /TRIPLINE_ENCRYPTION_KEY/,
    );
  });

  it("takes the first admin from ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    const config = loadConfig({ ADMIN_EMAIL: "Root@Example.com", ADMIN_PASSWORD: "long enough" });

    expect(config.bootstrapAdmin).toEqual({
      email: "root@example.com",
      password: "long enough",
      name: "Administrator",
    });
  });

  it("holds ADMIN_PASSWORD to the same 10-character rule as every other password", () => {
    const short = { ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "9 chars.." };

    expect(() => loadConfig(short)).toThrow(ConfigError);
    expect(() => loadConfig(short)).toThrow(/ADMIN_PASSWORD: must be at least 10 characters/);
    expect(
      loadConfig({ ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "10 chars.." }).bootstrapAdmin,
    ).toMatchObject({ password: "10 chars.." });
    expect(ZPasswordSchema.safeParse("9 chars..").success).toBe(false);
    expect(ZPasswordSchema.safeParse("10 chars..").success).toBe(true);
  });

  it("refuses to start with only one of ADMIN_EMAIL and ADMIN_PASSWORD", () => {
    expect(() => loadConfig({ ADMIN_EMAIL: "root@example.com" })).toThrow(
      /ADMIN_PASSWORD: must be set when ADMIN_EMAIL is/,
    );
    expect(() => loadConfig({ ADMIN_PASSWORD: "long enough" })).toThrow(
      /ADMIN_EMAIL: must be set when ADMIN_PASSWORD is/,
    );
  });
});

describe("loadSecrets", () => {
  it("makes secrets once into the data directory, private to the owner", () => {
    const dir = mkdtempSync(join(tmpdir(), "tripline-secrets-"));
    try {
      const config = loadConfig({ TRIPLINE_DATA_DIR: dir });
      const first = loadSecrets(config, {});
      const second = loadSecrets(config, {});

      expect(second).toEqual(first);
      expect(first.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, "secrets.json"), "utf8")).toContain(first.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops with a clear error, not a SyntaxError, when secrets.json is half-written", () => {
    const dir = mkdtempSync(join(tmpdir(), "tripline-secrets-"));
    try {
      writeFileSync(join(dir, "secrets.json"), '{"sessionSecret": "abc');
      const load = () => loadSecrets(loadConfig({ TRIPLINE_DATA_DIR: dir }), {});

      expect(load).toThrow(ConfigError);
      expect(load).toThrow(`damaged secrets file at ${join(dir, "secrets.json")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prefers secrets from the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "tripline-secrets-"));
    try {
      const env = {
        TRIPLINE_SESSION_SECRET: "s".repeat(40),
        TRIPLINE_ENCRYPTION_KEY: "a".repeat(64),
      };
      const secrets = loadSecrets(loadConfig({ TRIPLINE_DATA_DIR: dir }), env);

      expect(secrets).toEqual({ sessionSecret: "s".repeat(40), encryptionKey: "a".repeat(64) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
