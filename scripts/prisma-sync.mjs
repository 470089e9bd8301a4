#!/usr/bin/env node
// Keeps the PostgreSQL schema in step with the SQLite one and generates both
// Prisma clients. Prisma cannot take `provider` from the environment, so
// prisma/schema.prisma is the source and prisma/postgres/schema.prisma is
// derived from it here.
//
//   node scripts/prisma-sync.mjs write     rewrite the PostgreSQL schema
//   node scripts/prisma-sync.mjs check     exit 1 when it has drifted
//   node scripts/prisma-sync.mjs generate  generate both clients
//
// `generate` runs on every install and build, so it never writes a committed
// file: were it to rewrite the PostgreSQL schema, `npm ci` would quietly mend
// a stale one and `check` would always pass. It derives the schema into the
// git-ignored prisma/.derived/ instead and only warns about drift.
//
// `--root DIR` runs any command on another copy of the repository (tests use
// it on a scratch copy, so they never touch this checkout's files).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const scriptRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

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

function paths(root) {
  return {
    source: join(root, "prisma/schema.prisma"),
    committed: join(root, "prisma/postgres/schema.prisma"),
    // Same depth as the committed file, so the relative `output` path in the
    // derived schema points at the same generated client directory.
    derived: join(root, "prisma/.derived/schema.prisma"),
  };
}

function expected(root) {
  return derivePostgresSchema(readFileSync(paths(root).source, "utf8"));
}

function writeSchema(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function hasDrifted(root) {
  try {
    return readFileSync(paths(root).committed, "utf8") !== expected(root);
  } catch {
    return true; // A missing file is drift too.
  }
}

const DRIFT_MESSAGE =
  "prisma/postgres/schema.prisma has drifted from prisma/schema.prisma; " +
  "run `npm run prisma:sync` and commit the result.";

function write(root) {
  writeSchema(paths(root).committed, expected(root));
}

function check(root) {
  if (hasDrifted(root)) {
    console.error(DRIFT_MESSAGE);
    process.exit(1);
  }
  console.log("prisma schemas are in step");
}

function generate(root) {
  const { derived } = paths(root);
  writeSchema(derived, expected(root));
  if (hasDrifted(root)) console.warn(`warning: ${DRIFT_MESSAGE}`);

  const prisma = join(scriptRoot, "node_modules/.bin/prisma");
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  const runs = [
    ["prisma/sqlite.config.ts", []],
    ["prisma/postgres.config.ts", ["--schema", derived]],
  ];
  for (const [config, extra] of runs) {
    const args = ["generate", "--config", join(root, config), ...extra];
    execFileSync(prisma, args, { stdio: "inherit", env, cwd: root });
  }
}

function parseRoot(args) {
  const at = args.indexOf("--root");
  if (at === -1) return scriptRoot;
  const dir = args[at + 1];

  return dir ? resolve(dir) : null;
}

const commands = { write, check, generate };
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = commands[process.argv[2] ?? ""];
  const root = parseRoot(process.argv.slice(3));
  if (!command || !root) {
    console.error("usage: prisma-sync.mjs write|check|generate [--root DIR]");
    process.exit(2);
  }
  command(root);
}
