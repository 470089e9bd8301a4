import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { PrismaClient as PostgresClient } from "@/lib/db/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { sqlitePath } from "@/lib/db/sqlite-path";

/** Every SQL statement the database was sent, in order, transaction control aside. */
export class StatementLog {
  readonly statements: string[] = [];
  /** Runs before a statement inside a transaction is sent, so a test can act in between. */
  beforeInTransaction?: (sql: string) => Promise<void>;

  record(sql: string): void {
    if (!/^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)\b/i.test(sql)) this.statements.push(sql);
  }

  clear(): void {
    this.statements.length = 0;
  }
}

class CountingTransaction implements Transaction {
  constructor(
    private readonly inner: Transaction,
    private readonly log: StatementLog,
  ) {}

  get provider() {
    return this.inner.provider;
  }
  get adapterName() {
    return this.inner.adapterName;
  }
  get options() {
    return this.inner.options;
  }
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    this.log.record(query.sql);
    await this.log.beforeInTransaction?.(query.sql);

    return this.inner.queryRaw(query);
  }
  async executeRaw(query: SqlQuery): Promise<number> {
    this.log.record(query.sql);
    await this.log.beforeInTransaction?.(query.sql);

    return this.inner.executeRaw(query);
  }
  commit(): Promise<void> {
    return this.inner.commit();
  }
  rollback(): Promise<void> {
    return this.inner.rollback();
  }
}

class CountingAdapter implements SqlDriverAdapter {
  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly log: StatementLog,
  ) {}

  get provider() {
    return this.inner.provider;
  }
  get adapterName() {
    return this.inner.adapterName;
  }
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    this.log.record(query.sql);

    return this.inner.queryRaw(query);
  }
  executeRaw(query: SqlQuery): Promise<number> {
    this.log.record(query.sql);

    return this.inner.executeRaw(query);
  }
  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new CountingTransaction(await this.inner.startTransaction(isolationLevel), this.log);
  }
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

class CountingFactory implements SqlDriverAdapterFactory {
  constructor(
    private readonly inner: SqlDriverAdapterFactory,
    private readonly log: StatementLog,
  ) {}

  get provider() {
    return this.inner.provider;
  }
  get adapterName() {
    return this.inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    return new CountingAdapter(await this.inner.connect(), this.log);
  }
}

/**
 * A second client on the test database whose driver adapter logs every
 * statement, so a test can count the queries a request really sends. It is
 * built like lib/db/client.ts builds the app's client.
 */
export function createCountingDb(log: StatementLog): Db {
  const database = getConfig().database;
  if (database.kind === "sqlite") {
    const inner = new PrismaBetterSQLite3({ url: sqlitePath(database.url), timeout: 10_000 });

    return new SqliteClient({ adapter: new CountingFactory(inner, log) });
  }
  const inner = new PrismaPg({ connectionString: database.url, max: 2 });
  const client = new PostgresClient({ adapter: new CountingFactory(inner, log) });

  // The two generated clients differ only in types (see lib/db/client.ts).
  return client as unknown as Db;
}
