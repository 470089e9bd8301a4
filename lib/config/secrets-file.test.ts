import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ConfigError } from "./errors";
import { readOrCreateSecrets, secretsFilePath } from "./secrets-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tripline-secrets-"));
  dirs.push(dir);

  return dir;
}

/** Runs readOrCreateSecrets in a process of its own, starting at `startAt` (epoch ms). */
function secretsFromProcess(dir: string, startAt: number): Promise<string> {
  const source = resolve("lib/config/secrets-file.ts");
  const script = `
    import { readOrCreateSecrets } from ${JSON.stringify(source)};
    const wait = ${startAt} - Date.now();
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    process.stdout.write(JSON.stringify(readOrCreateSecrets(${JSON.stringify(dir)})));
  `;
  const child = spawn("node", ["--import", "tsx", "--input-type=module", "--eval", script]);
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));

  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`exit ${code}: ${err}`))));
  });
}

describe("the secrets file", () => {
  it.each([
    ["half-written JSON", '{"sessionSecret": "abc'],
    ["an empty file", ""],
    ["JSON of the wrong shape", '{"sessionSecret": "too short"}'],
  ])("names the damaged file when it holds %s", (_, text) => {
    const dir = dataDir();
    writeFileSync(secretsFilePath(dir), text);

    expect(() => readOrCreateSecrets(dir)).toThrow(ConfigError);
    expect(() => readOrCreateSecrets(dir)).toThrow(
      `damaged secrets file at ${secretsFilePath(dir)}`,
    );
  });

  it("processes starting together on a fresh directory all get the same secrets", async () => {
    const dir = dataDir();
    // Far enough ahead that every process has loaded before any starts.
    const startAt = Date.now() + 3000;

    const results = await Promise.all(
      Array.from({ length: 4 }, () => secretsFromProcess(dir, startAt)),
    );

    expect(new Set(results).size).toBe(1);
    expect(JSON.parse(results[0] ?? "")).toEqual(readOrCreateSecrets(dir));
    expect(readdirSync(dir)).toEqual(["secrets.json"]);
  }, 30_000);
});
