import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { derivePostgresSchema as derive } from "./prisma-sync.mjs";

describe("prisma-sync", () => {
  it("the committed PostgreSQL schema matches the SQLite source", () => {
    const result = spawnSync("node", ["scripts/prisma-sync.mjs", "check"], { encoding: "utf8" });

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("derives only the provider lines and keeps every model", () => {
    const source = readFileSync("prisma/schema.prisma", "utf8");
    const derived = derive(source);

    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain("sqlite");
    expect(derived.match(/^model /gm)).toEqual(source.match(/^model /gm));
  });

  it("refuses a source whose provider lines it no longer recognises", () => {
    expect(() => derive('datasource db {\n  provider = "mysql"\n}\n')).toThrow(
      /no longer contains/,
    );
  });
});
