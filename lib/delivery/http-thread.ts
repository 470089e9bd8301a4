import { join } from "node:path";
import type { Worker } from "node:worker_threads";

import { logger } from "@/lib/log";

import { postJson, type HttpCall, type HttpResult } from "./http";
import type { TargetPolicy } from "./target-guard";
import { startTsThread } from "./ts-thread";

/**
 * The engine's HTTP calls, made on a thread of their own.
 *
 * On SQLite the database work (claims, attempt writes) runs on the main
 * thread, since the connection lives there; the calls themselves (undici,
 * sockets, reading answers) were the other half of the engine's time. On
 * their own thread the two use both cores instead of taking turns on one.
 *
 * The guard travels with each call as plain data and runs inside the
 * thread's connections exactly as it does in process (http.ts). A policy
 * with an injected resolver (a test's) cannot cross threads, so those calls
 * stay in process.
 *
 * A thread that cannot start (its files missing, say) sends nothing, so the
 * calls it was given are made in process instead, and so is every later
 * one; a warning says why. A thread that stops after it started may have
 * sent what it held: those calls end as failures and are retried.
 */

/** What crosses to the thread: a URL as text, the policy without functions. */
export interface ThreadCall {
  id: number;
  call: Omit<HttpCall, "url"> & { url: string };
  policy: Pick<TargetPolicy, "allowHttp" | "allowedTargets">;
}

export interface ThreadAnswer {
  id: number;
  result: HttpResult;
}

/** The thread's messages: its answers, and once, that it has loaded. */
export type ThreadMessage = ThreadAnswer[] | { ready: true };

function startThread(root: string | undefined): Worker {
  return startTsThread(join("lib", "delivery", "http-thread-worker.ts"), null, root);
}

function lost(reason: string): HttpResult {
  return {
    statusCode: null,
    // The call may have reached the endpoint; the delivery is retried like any failure.
    error: `the HTTP thread stopped before the call ended: ${reason}`,
    timedOut: false,
    refused: false,
    responseHeaders: null,
    responseBody: null,
    durationMs: 0,
  };
}

interface Waiting {
  call: HttpCall;
  policy: TargetPolicy;
  resolve: (result: HttpResult) => void;
}

export class HttpThread {
  private worker: Worker | null = null;
  /** Whether the thread has loaded: calls it held before may not have been sent. */
  private ready = false;
  /** Why the thread could not start; from then on calls are made in process. */
  private broken: string | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Calls made in this turn of the event loop, posted as one message. */
  private outbox: ThreadCall[] = [];

  /** `root`: the project's root, for tests that start a thread from elsewhere. */
  constructor(private readonly root?: string) {}

  post(call: HttpCall, policy: TargetPolicy): Promise<HttpResult> {
    if (this.broken) return postJson(call, policy);
    const id = this.nextId++;
    if (!this.outbox.length) queueMicrotask(() => this.send());
    this.outbox.push({
      id,
      call: { ...call, url: call.url.href },
      policy: { allowHttp: policy.allowHttp, allowedTargets: policy.allowedTargets },
    });

    return new Promise((resolve) => this.waiting.set(id, { call, policy, resolve }));
  }

  /**
   * Starts the thread ahead of the first call: loading its code takes a few
   * hundred milliseconds, which the first deliveries would otherwise wait.
   */
  start(): void {
    if (!this.broken) this.thread().unref();
  }

  /** Stops the thread; calls still out end as failures. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.settleAll("the engine stopped");
  }

  private send(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (!batch.length) return;
    if (this.broken) {
      this.inProcess(batch.map((entry) => entry.id));
      return;
    }
    const worker = this.thread();
    // A thread with calls out keeps the process alive; an idle one does not.
    worker.ref();
    worker.postMessage(batch);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread(this.root);
    this.ready = false;
    worker.on("message", (message: ThreadMessage) => {
      if (!Array.isArray(message)) {
        this.ready = true;
        return;
      }
      for (const { id, result } of message) {
        const entry = this.waiting.get(id);
        this.waiting.delete(id);
        entry?.resolve(result);
      }
      if (!this.waiting.size && this.worker === worker) worker.unref();
    });
    // An uncaught error ends the thread; its exit below settles what it held.
    let failure = "";
    worker.on("error", (error) => {
      failure = error instanceof Error ? error.message : String(error);
    });
    worker.on("exit", (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const reason = failure || `exit code ${code}`;
      if (this.ready) {
        this.settleAll(reason);
        return;
      }
      // It never loaded, so it sent nothing: make its calls here, and every later one.
      this.broken = reason;
      logger.warn({ reason }, "the HTTP thread could not start; calls are made in process");
      this.inProcess([...this.waiting.keys()]);
    });
    this.worker = worker;

    return worker;
  }

  private inProcess(ids: readonly number[]): void {
    for (const id of ids) {
      const entry = this.waiting.get(id);
      if (!entry) continue;
      this.waiting.delete(id);
      void postJson(entry.call, entry.policy).then(entry.resolve);
    }
  }

  private settleAll(reason: string): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of waiting) entry.resolve(lost(reason));
  }
}

let shared: HttpThread | null = null;

/** The process's HTTP thread, started on first use. */
export function httpThread(): HttpThread {
  shared ??= new HttpThread();

  return shared;
}

/** Stops the process's HTTP thread, if one was started. */
export async function closeHttpThread(): Promise<void> {
  const thread = shared;
  shared = null;
  await thread?.close();
}
