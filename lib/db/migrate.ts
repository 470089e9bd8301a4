import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import type { Config } from "@/lib/config";

import { sqlitePath } from "./sqlite-path";

/**
 * Applies the SQL migrations Prisma generated (`prisma/migrations` for
 * SQLite, `prisma/postgres/migrations` for PostgreSQL) in name order, each in
 * its own transaction, recording them in `_tripline_migrations`.
 *
 * We run them ourselves rather than through `prisma migrate deploy` because
 * the CLI needs a schema engine at run time; plain SQL through the drivers the
 * app already loads starts in milliseconds and works the same everywhere.
 */
export interface Migration {
  name: string;
  sql: string;
}

export function migrationsDir(kind: Config["database"]["kind"], root = process.cwd()): string {
  return kind === "sqlite"
    ? join(root, "prisma/migrations")
    : join(root, "prisma/postgres/migrations");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations directory ${dir} is missing`);

  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_tripline_migrations" (
  "name" TEXT PRIMARY KEY,
  "appliedAt" TEXT NOT NULL
)`;

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const db = new Database(sqlitePath(url));
  try {
    // WAL lets readers run beside the one writer; it stays set in the file.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(LEDGER);
    const applied: string[] = [];
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock first, so two starting processes
      // cannot both decide that a migration is pending.
      const apply = db.transaction(() => {
        const done = db
          .prepare(`SELECT 1 FROM "_tripline_migrations" WHERE "name" = ?`)
          .get(migration.name);
        if (done) return false;
        db.exec(migration.sql);
        db.prepare(`INSERT INTO "_tripline_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(
          migration.name,
          new Date().toISOString(),
        );

        return true;
      });
      if (apply.immediate()) applied.push(migration.name);
    }

    return applied;
  } finally {
    db.close();
  }
}

// Any constant works; it only has to be the same for every Tripline process.
const MIGRATION_LOCK_KEY = 727_446_001;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(LEDGER);
    const { rows } = await client.query<{ name: string }>(
      `SELECT "name" FROM "_tripline_migrations"`,
    );
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_tripline_migrations" ("name", "appliedAt") VALUES ($1, $2)`,
          [migration.name, new Date().toISOString()],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${String(error)}`, { cause: error });
      }
      applied.push(migration.name);
    }

    return applied;
  } finally {
    await client
      .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations and returns the names of those it applied. */
export async function migrate(database: Config["database"], root?: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir(database.kind, root));

  return database.kind === "sqlite"
    ? migrateSqlite(database.url, migrations)
    : migratePostgres(database.url, migrations);
}
