import { join } from "node:path";
import type { Worker } from "node:worker_threads";

import { deliverySettings, startTsThread, type DeliverySettings } from "@/lib/delivery";
import { freeSqliteLockOf, sqliteLockMemory } from "@/lib/db";
import { logger } from "@/lib/log";

import { DeliveryWorker, type WorkerOptions } from "./runner";

/**
 * The delivery worker on a thread of its own.
 *
 * On SQLite the engine's database work (claims and attempt writes, about
 * 0.1 ms a delivery) is synchronous, so on the main thread it took turns
 * with everything else there: the API, the GraphQL writes and the
 * dispatcher. On its own thread, with its own connection, it runs beside
 * them. The thread hears of new deliveries, changed sources and changed
 * variables from the main thread (thread-news.ts in lib/delivery), and
 * PostgreSQL's NOTIFY as any worker does.
 *
 * A thread that cannot start (it never said it was ready) hands the work to
 * a worker in process, with a warning; so does a thread that stops
 * unexpectedly, with an error: the deliveries it held are taken over when
 * their leases expire, as after a crash. Settings with an injected resolver
 * (a test's) cannot cross to a thread, so those run in process too.
 */

/** What `startDeliveryWorker` returns, on a thread or not. */
export interface RunningWorker {
  wake(): void;
  /** Stops claiming, lets attempts in flight finish and be written. */
  stop(): Promise<void>;
}

/** What the thread is given: its options and this thread's delivery settings. */
export interface ThreadStart {
  options: WorkerOptions;
  settings: Omit<DeliverySettings, "resolve">;
  /** The process's SQLite lock across threads (lib/db/thread-lock.ts). */
  sqliteLock: SharedArrayBuffer;
}

export type ThreadCommand = "wake" | "stop";
export type ThreadReport = "ready";

const ENTRY = join("lib", "worker", "thread-entry.ts");

/** Starts a delivery worker, on its own thread unless `onThread` is false. */
export function startDeliveryWorker(options: WorkerOptions, onThread: boolean): RunningWorker {
  if (!onThread) {
    const worker = new DeliveryWorker(options);
    worker.start();

    return worker;
  }
  const thread = new DeliveryThread(options);
  thread.start();

  return thread;
}

export class DeliveryThread implements RunningWorker {
  private thread: Worker | null = null;
  private inProcess: DeliveryWorker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;
  private settle: (onThread: boolean) => void = () => undefined;
  /** True once the thread runs the worker; false if the work fell back to this thread. */
  readonly ready = new Promise<boolean>((resolve) => {
    this.settle = resolve;
  });

  /** `root`: the project's root, for tests that start a thread from elsewhere. */
  constructor(
    private readonly options: WorkerOptions,
    private readonly root?: string,
  ) {}

  /** Whether the work runs on the thread (false once it fell back to the main thread). */
  get onThread(): boolean {
    return this.thread !== null;
  }

  start(): void {
    const { resolve, ...settings } = deliverySettings();
    if (resolve) {
      this.runInProcess();
      this.settle(false);
      return;
    }
    const start: ThreadStart = { options: this.options, settings, sqliteLock: sqliteLockMemory() };
    const thread = startTsThread(ENTRY, start, this.root);
    // Read now: a Worker that has exited no longer says which thread it was.
    const { threadId } = thread;
    let ready = false;
    let failure = "";
    thread.on("message", (report: ThreadReport) => {
      if (report !== "ready") return;
      ready = true;
      this.settle(true);
    });
    // An uncaught error ends the thread; its exit below says why.
    thread.on("error", (error) => {
      failure = error instanceof Error ? error.message : String(error);
    });
    this.exited = new Promise((resolveExit) => {
      thread.on("exit", (code) => {
        // A thread that died holding the database lock must not keep it.
        freeSqliteLockOf(threadId);
        resolveExit();
        this.settle(false);
        if (this.thread !== thread) return;
        this.thread = null;
        if (this.stopping) return;
        const reason = failure || `exit code ${code}`;
        if (ready) {
          logger.error({ reason }, "the delivery thread stopped; its work continues in process");
        } else {
          logger.warn({ reason }, "the delivery thread could not start; it runs in process");
        }
        this.runInProcess();
      });
    });
    this.thread = thread;
  }

  wake(): void {
    if (this.thread) this.post("wake");
    else this.inProcess?.wake();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.thread) this.post("stop");
    await this.exited;
    await this.inProcess?.stop();
  }

  private post(command: ThreadCommand): void {
    this.thread?.postMessage(command);
  }

  private runInProcess(): void {
    if (this.stopping) return;
    this.inProcess = new DeliveryWorker(this.options);
    this.inProcess.start();
  }
}
