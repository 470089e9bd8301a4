import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { derivePostgresSchema as derive } from "./prisma-sync.mjs";

const COMMITTED = "prisma/postgres/schema.prisma";

function sync(command: string, root?: string) {
  const args = ["scripts/prisma-sync.mjs", command, ...(root ? ["--root", root] : [])];

  return spawnSync("node", args, { encoding: "utf8" });
}

/** A scratch copy of the repository's Prisma files, so drift never touches this checkout. */
function scratchRoot() {
  const root = mkdtempSync(join(tmpdir(), "tripline-prisma-sync-"));
  cpSync("prisma", join(root, "prisma"), { recursive: true });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));

  return root;
}

describe("prisma-sync", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function driftedRoot() {
    const root = scratchRoot();
    roots.push(root);
    appendFileSync(join(root, COMMITTED), "\nmodel Stale {\n  id String @id\n}\n");

    return root;
  }

  it("the committed PostgreSQL schema matches the SQLite source", () => {
    const result = sync("check");

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("check fails and says how to fix it when the PostgreSQL schema has drifted", () => {
    const result = sync("check", driftedRoot());

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("has drifted");
    expect(result.stderr).toContain("npm run prisma:sync");
  });

  it("check fails when a source model was added but not synced", () => {
    const root = scratchRoot();
    roots.push(root);
    appendFileSync(join(root, "prisma/schema.prisma"), "\nmodel Added {\n  id String @id\n}\n");

    expect(sync("check", root).status).toBe(1);
  });

  it("generate leaves a drifted committed schema alone, so check still fails", () => {
    const root = driftedRoot();
    const before = readFileSync(join(root, COMMITTED), "utf8");

    const generated = sync("generate", root);

    expect(generated.status).toBe(0);
    expect(generated.stderr).toContain("warning: prisma/postgres/schema.prisma has drifted");
    expect(readFileSync(join(root, COMMITTED), "utf8")).toBe(before);
    expect(readFileSync(join(root, "lib/db/generated/postgres/client.ts"), "utf8")).toBeTruthy();
    expect(sync("check", root).status).toBe(1);
  }, 120_000);

  it("write brings a drifted schema back in step", () => {
    const root = driftedRoot();

    expect(sync("write", root).status).toBe(0);
    expect(sync("check", root).status).toBe(0);
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
