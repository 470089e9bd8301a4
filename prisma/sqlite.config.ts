// Prisma CLI configuration for the SQLite schema. The JavaScript schema
// engine works through the driver adapter, so the CLI never needs a native
// engine binary (which these machines cannot download).
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  adapter: () =>
    Promise.resolve(
      new PrismaBetterSQLite3({
        url: process.env.PRISMA_SQLITE_URL ?? `file:${join(tmpdir(), "tripline-prisma-cli.db")}`,
      }),
    ),
});
