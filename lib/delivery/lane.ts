import { getConfig } from "@/lib/config";

/**
 * Runs claims and writes one after another on SQLite. The better-sqlite3
 * adapter has one connection per process and guards only transactions with
 * its mutex: a claim issued while a write transaction is open runs inside
 * it, and would be undone with it if it rolled back while the worker went on
 * to send. PostgreSQL gives each its own pooled connection, so there they
 * overlap.
 *
 * The hazard is per connection, so the lane is per process: every engine in
 * it (the worker's, manual resends and test fires, a tick) queues on the one
 * returned by `processLane()`.
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

// On globalThis, so dev reloads of this module still share one lane.
const globalForLane = globalThis as { triplineDeliveryLane?: Lane };

export function processLane(): Lane {
  globalForLane.triplineDeliveryLane ??= new Lane();

  return globalForLane.triplineDeliveryLane;
}
