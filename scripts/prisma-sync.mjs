#!/usr/bin/env node
// Keeps the PostgreSQL schema in step with the SQLite one and generates both
// Prisma clients. Prisma cannot take `provider` from the environment, so
// prisma/schema.prisma is the source and prisma/postgres/schema.prisma is
// derived from it here.
//
//   node scripts/prisma-sync.mjs write     rewrite the PostgreSQL schema
//   node scripts/prisma-sync.mjs check     exit 1 when it has drifted
//   node scripts/prisma-sync.mjs generate  write, then generate both clients
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = join(root, "prisma/schema.prisma");
const targetPath = join(root, "prisma/postgres/schema.prisma");

// Each line of the source that differs for PostgreSQL, and its replacement.
const SUBSTITUTIONS = [
  [
    'output       = "../lib/db/generated/sqlite"',
    'output       = "../../lib/db/generated/postgres"',
  ],
  ['provider = "sqlite"', 'provider = "postgresql"'],
  ['url      = "file:../data/tripline.db"', 'url      = "postgresql://localhost:5432/tripline"'],
];

export function derivePostgresSchema(source) {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/prisma-sync.mjs.\n" +
    "// Do not edit: change the source schema and run `npm run prisma:sync`.\n\n";
  let body = source.replace(/^\/\/ The source schema\.[^\n]*\n(\/\/[^\n]*\n)*\n/, "");
  for (const [from, to] of SUBSTITUTIONS) {
    if (!body.includes(from)) throw new Error(`prisma/schema.prisma no longer contains: ${from}`);
    body = body.replace(from, to);
  }

  return header + body;
}

function expected() {
  return derivePostgresSchema(readFileSync(sourcePath, "utf8"));
}

function write() {
  mkdirSync(dirname(targetPath), { recursive: true });
  writeFileSync(targetPath, expected());
}

function check() {
  let actual = "";
  try {
    actual = readFileSync(targetPath, "utf8");
  } catch {
    // A missing file is drift too.
  }
  if (actual !== expected()) {
    console.error(
      "prisma/postgres/schema.prisma has drifted from prisma/schema.prisma; " +
        "run `npm run prisma:sync` and commit the result.",
    );
    process.exit(1);
  }
  console.log("prisma schemas are in step");
}

function generate() {
  write();
  const prisma = join(root, "node_modules/.bin/prisma");
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  for (const config of ["prisma/sqlite.config.ts", "prisma/postgres.config.ts"]) {
    execFileSync(prisma, ["generate", "--config", config], { stdio: "inherit", env, cwd: root });
  }
}

const commands = { write, check, generate };
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = commands[process.argv[2] ?? ""];
  if (!command) {
    console.error("usage: prisma-sync.mjs write|check|generate");
    process.exit(2);
  }
  command();
}
