import { getConfig } from "@/lib/config";

/**
 * Runs an engine's claims and writes one after another on SQLite. The
 * better-sqlite3 adapter has one connection per process and guards only
 * transactions with its mutex: a claim issued while a write transaction is
 * open runs inside it, and would be undone with it if it rolled back while
 * the worker went on to send. PostgreSQL gives each its own pooled
 * connection, so there they overlap.
 */
export class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial = getConfig().database.kind === "sqlite";

  run<T>(task: () => Promise<T>): Promise<T> {
    if (!this.serial) return task();
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);

    return result;
  }
}
