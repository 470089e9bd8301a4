// Prisma CLI configuration for the PostgreSQL schema (generated from the
// SQLite one by scripts/prisma-sync.mjs).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "./postgres/schema.prisma",
  migrations: { path: "./postgres/migrations" },
  adapter: () =>
    Promise.resolve(
      new PrismaPg({
        connectionString:
          process.env.PRISMA_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      }),
    ),
});
