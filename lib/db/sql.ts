import type Database from "better-sqlite3";

import type { Db } from "./client";
import type { Prisma } from "./generated/sqlite/client";
import type { SerialSqliteAdapterFactory, SqliteConnection } from "./serial-sqlite";

/**
 * Raw SQL for the hot paths: Lens writes, token checks, claiming and
 * recording attempts.
 *
 * Why not Prisma's `$queryRaw`: on SQLite every Prisma call costs about
 * 0.2 ms of CPU (the client's request pipeline, the query compiler, and the
 * adapter preparing the statement afresh), while the statement itself takes
 * a few microseconds. A Lens update is six statements, so Prisma was most of
 * its cost. On SQLite this module runs the same `Prisma.Sql` values straight
 * on the adapter's better-sqlite3 connection, with prepared statements kept
 * for reuse, taking the same turns as Prisma so the two never interleave.
 * Values go in and come out as Prisma's raw queries pass them (dates as
 * ISO text in, `Date` out; booleans as 0/1 in, booleans out), so rows
 * written one way read the same the other way.
 *
 * On PostgreSQL it delegates to Prisma's raw queries: the network round trip
 * dominates there, and the pool already runs work side by side.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: Prisma.Sql): Promise<T[]>;
  /** Runs a statement; returns how many rows it changed. */
  execute(sql: Prisma.Sql): Promise<number>;
}

export interface TransactionLimits {
  /** How long to wait for the connection to be free, in ms. */
  maxWait?: number;
  /** How long the whole transaction may take, in ms. */
  timeout?: number;
}

export interface SqlDatabase extends SqlRunner {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws. Inside, use only the runner it is given.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>, limits?: TransactionLimits): Promise<T>;
}

const DEFAULT_LIMITS = { maxWait: 2_000, timeout: 5_000 };

const sqliteFactories = new WeakMap<Db, SerialSqliteAdapterFactory>();
const databases = new WeakMap<Db, SqlDatabase>();

/** Called by createDb: this client's SQLite connection may be used directly. */
export function registerSqliteFactory(db: Db, factory: SerialSqliteAdapterFactory): void {
  sqliteFactories.set(db, factory);
}

/** The raw SQL runner for `db`. */
export function sqlOf(db: Db): SqlDatabase {
  let sql = databases.get(db);
  if (!sql) {
    const factory = sqliteFactories.get(db);
    sql = factory ? new DirectSqlite(db, factory) : new PrismaSql(db);
    databases.set(db, sql);
  }

  return sql;
}

export class TransactionTimeoutError extends Error {
  constructor(
    readonly phase: "wait" | "run",
    ms: number,
  ) {
    super(
      phase === "wait"
        ? `waited ${ms} ms for the database connection without getting it`
        : `the transaction ran longer than ${ms} ms and was rolled back`,
    );
    this.name = "TransactionTimeoutError";
  }
}

/** A Prisma transaction as a runner, for code that is handed one. */
export function prismaRunner(tx: Prisma.TransactionClient): SqlRunner {
  return {
    query: <R>(sql: Prisma.Sql) => tx.$queryRaw<R[]>(sql),
    execute: (sql) => tx.$executeRaw(sql),
  };
}

class PrismaSql implements SqlDatabase {
  constructor(private readonly db: Db) {}

  query<T>(sql: Prisma.Sql): Promise<T[]> {
    return this.db.$queryRaw<T[]>(sql);
  }

  execute(sql: Prisma.Sql): Promise<number> {
    return this.db.$executeRaw(sql);
  }

  async transaction<T>(
    work: (tx: SqlRunner) => Promise<T>,
    limits: TransactionLimits = {},
  ): Promise<T> {
    const { maxWait, timeout } = { ...DEFAULT_LIMITS, ...limits };
    try {
      return await this.db.$transaction((tx) => work(prismaRunner(tx)), { maxWait, timeout });
    } catch (error) {
      // P2028: Prisma's transaction API error, for both limits.
      if (error instanceof Error && "code" in error && error.code === "P2028") {
        const waited = /start a transaction/i.test(error.message);
        throw new TransactionTimeoutError(waited ? "wait" : "run", waited ? maxWait : timeout);
      }
      throw error;
    }
  }
}

class DirectSqlite implements SqlDatabase {
  private statements: StatementCache | null = null;

  constructor(
    private readonly db: Db,
    private readonly factory: SerialSqliteAdapterFactory,
  ) {}

  async query<T>(sql: Prisma.Sql): Promise<T[]> {
    const { statements, turns } = await this.connection();
    const release = await turns.take(statements.readsOnly(sql.sql));
    try {
      return statements.query<T>(sql);
    } finally {
      release();
    }
  }

  async execute(sql: Prisma.Sql): Promise<number> {
    const { statements, turns } = await this.connection();
    const release = await turns.take();
    try {
      return statements.execute(sql);
    } finally {
      release();
    }
  }

  async transaction<T>(
    work: (tx: SqlRunner) => Promise<T>,
    limits: TransactionLimits = {},
  ): Promise<T> {
    const { maxWait, timeout } = { ...DEFAULT_LIMITS, ...limits };
    const { statements, turns } = await this.connection();
    const release = await takeWithin(turns, maxWait);
    const tx = new DirectTransaction(statements);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TransactionTimeoutError("run", timeout)), timeout);
    });
    try {
      // IMMEDIATE takes the write lock now, waiting on other processes through
      // busy_timeout, so a transaction that reads first can still write later.
      statements.run("BEGIN IMMEDIATE");
      const running = work(tx);
      // Past the timeout the work's own failure comes too late to report.
      running.catch(() => {});
      const result = await Promise.race([running, expired]);
      tx.close();
      statements.run("COMMIT");

      return result;
    } catch (error) {
      tx.close();
      if (statements.inTransaction()) statements.run("ROLLBACK");
      throw error;
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private async connection(): Promise<{
    statements: StatementCache;
    turns: SqliteConnection["turns"];
  }> {
    let connection = this.factory.connection;
    if (!connection) {
      await this.db.$connect();
      connection = this.factory.connection;
      if (!connection) throw new Error("the SQLite connection did not open");
    }
    if (this.statements?.database !== connection.database) {
      this.statements = new StatementCache(connection.database);
    }

    return { statements: this.statements, turns: connection.turns };
  }
}

/** Waits for a turn, at most `ms`; a turn that comes later is handed straight back. */
async function takeWithin(turns: SqliteConnection["turns"], ms: number): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const turn = turns.take().then((release) => {
    if (late) release();

    return release;
  });
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      reject(new TransactionTimeoutError("wait", ms));
    }, ms);
  });
  try {
    return await Promise.race([turn, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** A transaction's runner; once the transaction has ended it refuses work. */
class DirectTransaction implements SqlRunner {
  private open = true;

  constructor(private readonly statements: StatementCache) {}

  close(): void {
    this.open = false;
  }

  query<T>(sql: Prisma.Sql): Promise<T[]> {
    return this.whileOpen(() => this.statements.query<T>(sql));
  }

  execute(sql: Prisma.Sql): Promise<number> {
    return this.whileOpen(() => this.statements.execute(sql));
  }

  private whileOpen<T>(run: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (!this.open) throw new Error("statement after its transaction had ended");
      resolve(run());
    });
  }
}

type Decode = (value: unknown) => unknown;

interface Prepared {
  statement: Database.Statement;
  /** Per result column, or null for a statement that returns no rows. */
  decoders: { name: string; decode: Decode }[] | null;
}

const CACHE_SIZE = 256;

/**
 * Prepared statements by SQL text, the least recently used dropped past
 * CACHE_SIZE (statements with IN lists of varying length differ in text).
 */
class StatementCache {
  private readonly prepared = new Map<string, Prepared>();

  constructor(readonly database: Database.Database) {}

  inTransaction(): boolean {
    return this.database.inTransaction;
  }

  run(text: string): void {
    this.get(text).statement.run();
  }

  /**
   * Whether the statement only reads (`UPDATE ... RETURNING` does not). A
   * plain lookup when it is cached: the run that follows marks it as used.
   */
  readsOnly(text: string): boolean {
    return (this.prepared.get(text) ?? this.get(text)).statement.readonly;
  }

  query<T>(sql: Prisma.Sql): T[] {
    const { statement, decoders } = this.get(sql.sql);
    if (!decoders) {
      statement.run(...sql.values.map(toDriver));

      return [];
    }
    const rows = statement.raw(true).all(...sql.values.map(toDriver)) as unknown[][];

    return rows.map((row) => {
      const record: Record<string, unknown> = {};
      decoders.forEach(({ name, decode }, i) => {
        record[name] = decode(row[i]);
      });

      return record as T;
    });
  }

  execute(sql: Prisma.Sql): number {
    return this.get(sql.sql).statement.run(...sql.values.map(toDriver)).changes;
  }

  private get(text: string): Prepared {
    let prepared = this.prepared.get(text);
    if (prepared) {
      this.prepared.delete(text);
    } else {
      const statement = this.database.prepare(text);
      prepared = {
        statement,
        decoders: statement.reader
          ? statement
              .columns()
              .map((column) => ({ name: column.name, decode: decoder(column.type) }))
          : null,
      };
      if (this.prepared.size >= CACHE_SIZE) {
        const oldest = this.prepared.keys().next().value;
        if (oldest !== undefined) this.prepared.delete(oldest);
      }
    }
    this.prepared.set(text, prepared);

    return prepared;
  }
}

/** A parameter as Prisma's SQLite adapter stores it. */
function toDriver(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (value === undefined) return null;

  return value;
}

/** CURRENT_TIMESTAMP's form: UTC without a zone. */
const SQLITE_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

const keep: Decode = (value) => value;

/** A column's value as Prisma's raw queries return it, by its declared type. */
function decoder(declared: string | null): Decode {
  switch (declared?.toUpperCase()) {
    case "INT":
    case "INTEGER":
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
      return (value) => (typeof value === "bigint" ? Number(value) : value);
    case "BIGINT":
      return (value) => (typeof value === "number" ? BigInt(value) : value);
    case "BOOLEAN":
      return (value) => (value === null ? null : Number(value) !== 0);
    case "DATETIME":
    case "TIMESTAMP":
      return (value) =>
        typeof value === "string"
          ? new Date(SQLITE_TIMESTAMP.test(value) ? `${value.replace(" ", "T")}Z` : value)
          : typeof value === "number" || typeof value === "bigint"
            ? new Date(Number(value))
            : value;
    default:
      return keep;
  }
}
