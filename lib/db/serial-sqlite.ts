import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

import { checkpointInBackground } from "./checkpointer";
import { takeSqliteLock } from "./thread-lock";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const WAL_CHECKPOINT_PAGES = 10_000;
const CACHE_KIB = 65_536;

/** The open connection and the lock that everything using it takes in turn. */
export interface SqliteConnection {
  database: Database.Database;
  turns: Turns;
}

/**
 * The better-sqlite3 adapter with one rule added: a statement made outside a
 * transaction waits while a transaction is open.
 *
 * Why: the adapter has one connection per process. Its mutex makes
 * transactions take turns, but a statement issued outside any transaction
 * goes straight to the connection, so while some other code's transaction
 * is open it runs inside that transaction and is undone with it. A
 * delivery's claim or a queued delivery would vanish when an unrelated Lens
 * write rolled back. Queuing every statement behind the open transaction
 * gives SQLite what PostgreSQL's pool gives for free: separate work stays
 * separate.
 *
 * The same turns are shared with the direct statement path (sql.ts), which
 * runs on this connection without going through Prisma.
 *
 * The rule this asks of callers, on both databases alike: inside a
 * transaction, use its client. A top-level statement there would wait for
 * the transaction it is part of, until the transaction's timeout ends it
 * with an error.
 */
export class SerialSqliteAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  /** Set while Prisma holds an open connection. */
  connection: SqliteConnection | null = null;

  constructor(
    private readonly inner: PrismaBetterSQLite3,
    private readonly sync: "normal" | "full" = "full",
  ) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<Adapter> {
    const adapter = await this.inner.connect();
    const connection = { database: connectionOf(adapter), turns: new Turns() };
    // The database is in WAL mode (migrate.ts); see DatabaseConfig.sqliteSync.
    connection.database.pragma(`synchronous = ${this.sync === "full" ? "FULL" : "NORMAL"}`);
    // A thread of its own checkpoints (checkpointer.ts). Should it fall
    // behind, a commit does at ~40 MB of WAL rather than SQLite's 4 MB: pages
    // written again and again (indexes, the change counter) are copied back
    // once per checkpoint, so fewer checkpoints copy far less.
    connection.database.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    const stopCheckpoints = connection.database.memory
      ? () => {}
      : checkpointInBackground(connection.database.name);
    // 64 MB of page cache (SQLite's default is 2 MB): the delivery queue's
    // indexes are read on every claim and outgrow the default in minutes.
    connection.database.pragma(`cache_size = -${CACHE_KIB}`);
    connection.database.pragma("temp_store = MEMORY");
    this.connection = connection;

    return serialise(adapter, connection.turns, () => {
      stopCheckpoints();
      if (this.connection === connection) this.connection = null;
    });
  }
}

/** The adapter keeps its better-sqlite3 handle in a public `client` field. */
function connectionOf(adapter: Adapter): Database.Database {
  const { client } = adapter as unknown as { client?: Database.Database };
  if (!client || typeof client.prepare !== "function") {
    throw new Error("the better-sqlite3 adapter no longer exposes its connection");
  }

  return client;
}

function serialise(adapter: Adapter, turns: Turns, disposed: () => void): Adapter {
  const alone = <T>(work: () => Promise<T>, reading = false) =>
    turns.take(reading).then((release) => work().finally(release));

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => alone(() => adapter.queryRaw(query), isSelect(query.sql)),
    executeRaw: (query) => alone(() => adapter.executeRaw(query)),
    executeScript: (script) => alone(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await turns.take();
      try {
        return holdingTurn(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    dispose: () => {
      disposed();

      return adapter.dispose();
    },
  };
}

/** A SELECT only reads: SQLite gives it no way to write. */
function isSelect(sql: string): boolean {
  return /^\s*SELECT\b/i.test(sql);
}

/** The transaction gives its turn back once it has committed or rolled back. */
function holdingTurn(transaction: AdapterTransaction, release: () => void): AdapterTransaction {
  const finish = (end: () => Promise<void>) => end().finally(release);

  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => finish(() => transaction.commit()),
    rollback: () => finish(() => transaction.rollback()),
  };
}

/**
 * A first-come, first-served lock on this thread's connection, and with it
 * the process's SQLite lock across threads (thread-lock.ts); each holder
 * gets a release that works once.
 *
 * A read outside a transaction (`reading`) takes only this connection's
 * turn. In WAL mode a reader neither waits for a writer on another
 * connection nor holds one up, so the lock across threads, which is about
 * writers meeting SQLite's busy wait, would only queue it behind the other
 * thread's writes: the dispatcher's reads waited on the delivery worker's.
 */
export class Turns {
  private last: Promise<void> = Promise.resolve();

  take(reading = false): Promise<() => void> {
    const before = this.last;
    let release = () => {};
    this.last = new Promise((resolve) => {
      release = () => resolve();
    });

    return before.then(async () => {
      if (reading) return release;
      try {
        const releaseShared = await takeSqliteLock();

        return () => {
          releaseShared();
          release();
        };
      } catch (error) {
        release();
        throw error;
      }
    });
  }
}
