import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { getConfig, type Config } from "@/lib/config";

import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { SerialSqliteAdapterFactory } from "./serial-sqlite";
import { registerSqliteFactory } from "./sql";
import { sqlitePath } from "./sqlite-path";

/**
 * Both generated clients expose the same models and methods; the app is
 * written against the SQLite client's type and uses only what both support.
 * Their types differ only where the providers do (PostgreSQL offers more
 * transaction isolation levels), which is why the one conversion below is
 * needed and safe.
 */
export type Db = SqliteClient;

export function createDb(database: Config["database"]): Db {
  if (database.kind === "sqlite") {
    const adapter = new SerialSqliteAdapterFactory(
      new PrismaBetterSQLite3({ url: sqlitePath(database.url), timeout: 10_000 }),
      database.sqliteSync ?? "normal",
    );

    const client = new SqliteClient({ adapter });
    registerSqliteFactory(client, adapter);

    return client;
  }

  const adapter = new PrismaPg({ connectionString: database.url, max: 10 });
  const client = new PostgresClient({ adapter });

  return client as unknown as Db;
}

const globalForDb = globalThis as { triplineDb?: Db };

/** The process's one client, kept on globalThis so dev reloads reuse it. */
export function getDb(): Db {
  globalForDb.triplineDb ??= createDb(getConfig().database);

  return globalForDb.triplineDb;
}
