import { isMainThread, Worker } from "node:worker_threads";

import { logger } from "@/lib/log";

/**
 * Copies the SQLite write-ahead log back into the database on a thread of
 * its own.
 *
 * Left to SQLite, the commit that pushes the log past its limit does the
 * copy itself (serial-sqlite.ts sets the limit), and everything queued
 * behind that commit waits: with deliveries arriving at 500 a second the
 * copy came every ¾ s and held enqueues and claims for 20–35 ms, which was
 * the whole of the engine's p99. A passive checkpoint on another connection
 * runs beside writers and readers without blocking them, so this thread
 * makes one every CHECKPOINT_EVERY_MS and the log rarely reaches the limit;
 * if the thread cannot start or dies, the limit is still there to fall back on.
 *
 * One thread per database file per process, started with the main thread's
 * connection. The code is a string so that the bundler leaves it alone; it
 * only needs better-sqlite3, which the server loads from node_modules too.
 */
const CHECKPOINT_EVERY_MS = 100;

const CODE = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
// fileMustExist: a database removed meanwhile is not created again, empty.
const db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy (another process checkpointing) or gone: the next tick tries again.
  }
}, workerData.everyMs);
`;

interface Running {
  thread: Worker;
  users: number;
}

const globalForCheckpointer = globalThis as { triplineCheckpointers?: Map<string, Running> };
const running = (globalForCheckpointer.triplineCheckpointers ??= new Map<string, Running>());

/**
 * Starts the checkpoint thread for `path` unless it runs already; the
 * function returned stops it once every connection that asked has closed.
 */
export function checkpointInBackground(path: string): () => void {
  // The delivery worker's thread shares the main thread's checkpointer.
  if (!isMainThread) return () => {};
  let entry = running.get(path);
  if (!entry) {
    const thread = new Worker(CODE, {
      eval: true,
      workerData: { path, everyMs: CHECKPOINT_EVERY_MS },
    });
    thread.unref();
    const started: Running = { thread, users: 0 };
    thread.on("error", (error) => {
      logger.warn({ err: error }, "the SQLite checkpoint thread stopped; commits checkpoint");
    });
    thread.on("exit", () => {
      if (running.get(path) === started) running.delete(path);
    });
    running.set(path, started);
    entry = started;
  }
  entry.users += 1;
  const mine = entry;
  let stopped = false;

  return () => {
    if (stopped) return;
    stopped = true;
    mine.users -= 1;
    if (mine.users === 0) {
      if (running.get(path) === mine) running.delete(path);
      void mine.thread.terminate();
    }
  };
}
