#!/usr/bin/env node
// `npm test`: every check the project has, in one run. Each stage runs even
// when an earlier one failed (except the end-to-end tests, which need a
// build), and the last line sums them up.
//
//   format → lint → build → type check → unit → integration (SQLite)
//   → integration (PostgreSQL, when TEST_DATABASE_URL is set) → end-to-end
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const OUT = ".test-output";
const bin = (name) => join("node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

/** Reads passed/failed/skipped counts from a runner's JSON report. */
function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));

  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));

  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const results = [];

function stage(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...options.env } });
  const ok = run.status === 0;
  let counts = null;
  if (options.report && existsSync(options.report)) {
    try {
      counts = options.counts(options.report);
    } catch {
      counts = null;
    }
  }
  results.push({ name, ok, counts, seconds: (Date.now() - started) / 1000 });

  return ok;
}

function vitest(name, project, report, extraEnv = {}) {
  const args = ["run", "--project", project, "--reporter=default", "--reporter=json"];
  stage(name, bin("vitest"), [...args, `--outputFile.json=${report}`], {
    env: extraEnv,
    report,
    counts: vitestCounts,
  });
}

stage("prisma schemas in step", "node", ["scripts/prisma-sync.mjs", "check"]);
stage("format (prettier)", bin("prettier"), ["--check", "--log-level", "warn", "."]);
stage("lint (eslint, type-aware)", bin("eslint"), ["--max-warnings", "0", "."]);
const built = stage("build (next build)", "npm", ["run", "--silent", "build"]);
stage("type check (tsc)", bin("tsc"), ["--noEmit"]);
vitest("unit tests", "unit", `${OUT}/unit.json`);
vitest("integration tests on SQLite", "integration", `${OUT}/integration-sqlite.json`);
if (process.env.TEST_DATABASE_URL) {
  vitest("integration tests on PostgreSQL", "integration", `${OUT}/integration-postgres.json`, {
    INTEGRATION_DATABASE_URL: process.env.TEST_DATABASE_URL,
  });
} else {
  console.log("\n▷ integration tests on PostgreSQL: skipped (set TEST_DATABASE_URL to run them)");
}
if (built) {
  stage("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"], {
    report: `${OUT}/e2e-results.json`,
    counts: playwrightCounts,
  });
} else {
  results.push({ name: "end-to-end tests (not run: the build failed)", ok: false, counts: null });
}

console.log("\nSummary");
const total = { passed: 0, failed: 0, skipped: 0 };
for (const result of results) {
  const counts = result.counts;
  const detail = counts
    ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`
    : "";
  const time = result.seconds === undefined ? "" : ` (${result.seconds.toFixed(1)} s)`;
  console.log(
    `  ${result.ok ? "ok  " : "FAIL"} ${result.name}${detail ? `: ${detail}` : ""}${time}`,
  );
  total.passed += counts?.passed ?? 0;
  total.skipped += counts?.skipped ?? 0;
  // A failed stage that counted no failing test (lint, build...) counts as one failure.
  total.failed += counts ? counts.failed + (result.ok || counts.failed ? 0 : 1) : result.ok ? 0 : 1;
}
const skipped = total.skipped ? `, ${total.skipped} skipped` : "";
console.log(`total: ${total.passed} passed, ${total.failed} failed${skipped}`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
