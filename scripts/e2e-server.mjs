#!/usr/bin/env node
// Serves the built app for the Playwright tests on a fresh SQLite database.
// Playwright starts this as its webServer and stops it when the run ends;
// the signal is passed on, so `next start` never outlives the run.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const DATA_DIR = join(".test-output", "e2e-data");
const port = process.env.E2E_PORT ?? "3210";

if (!existsSync(join(".next", "BUILD_ID"))) {
  console.error("e2e-server: no build found in .next; run `npm run build` first");
  process.exit(1);
}

rmSync(DATA_DIR, { recursive: true, force: true });
mkdirSync(DATA_DIR, { recursive: true });

// The app's own defaults apply: SQLite in the data dir, secrets made there.
// The webhook test's receiver listens on loopback over plain http, which the
// SSRF guard refuses unless told otherwise.
const env = {
  ...process.env,
  TRIPLINE_DATA_DIR: DATA_DIR,
  NEXT_TELEMETRY_DISABLED: "1",
  TRIPLINE_ALLOWED_TARGETS: "127.0.0.0/8,::1/128",
  TRIPLINE_ALLOW_HTTP: "true",
};
for (const name of [
  "DATABASE_URL",
  "ADMIN_EMAIL",
  "ADMIN_PASSWORD",
  "ADMIN_NAME",
  "NEXTAUTH_URL",
]) {
  delete env[name];
}

const child = spawn(
  join("node_modules", ".bin", "next"),
  ["start", "-p", port, "-H", "127.0.0.1"],
  { env, stdio: "inherit" },
);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
// If this process dies some other way, take the server with it.
process.on("exit", () => child.kill("SIGTERM"));

child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 0 : 1));
});
