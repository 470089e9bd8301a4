import { getDb, type Db } from "@/lib/db";
import { onChangesCommitted, signalChangesCommitted } from "@/lib/lens";
import { logger } from "@/lib/log";

import { dispatchOnce } from "./dispatcher";
import { fireDeferredOnce } from "./fire-deferred";
import { CronScheduler } from "./fire-scheduled";

/**
 * Tells hook loops in this process to look for work now. Lens writes do this
 * by themselves when they commit; this is for other callers (benchmarks).
 */
export function notifyChange(): void {
  signalChangesCommitted();
}

export interface HooksPassResult {
  /** Change events read by the dispatcher. */
  events: number;
  /** Deliveries queued for changes, deferred fires and cron ticks. */
  enqueued: number;
}

/**
 * One complete pass: every change event committed so far, the deferred fires
 * that are due and the cron ticks that have passed.
 */
export async function runHooksPass(
  batchSize = 200,
  db: Db = getDb(),
  scheduler: CronScheduler = new CronScheduler(db),
): Promise<HooksPassResult> {
  let events = 0;
  let enqueued = 0;
  for (;;) {
    const result = await dispatchOnce(batchSize, db);
    events += result.events;
    enqueued += result.deliveries;
    if (result.events < batchSize) break;
  }
  enqueued += await fireDeferredOnce(batchSize, db);
  enqueued += await scheduler.runOnce();

  return { events, enqueued };
}

export interface HooksLoopOptions {
  /** The fallback poll, for changes committed by other processes. */
  pollMs?: number;
  /** Change events read per dispatcher pass. */
  batchSize?: number;
  db?: Db;
}

export interface HooksLoop {
  stop(): Promise<void>;
  /** Resolves after a complete pass that started after this call. */
  settle(): Promise<void>;
}

/**
 * Runs the dispatcher, deferred fires and the cron scheduler: woken by
 * every Lens commit in this process and by a poll otherwise. One pass runs at
 * a time; a wake during a pass makes it run again. Safe to run in several
 * processes at once: every step is exactly-once by itself.
 */
export function startHooksLoop(options: HooksLoopOptions = {}): HooksLoop {
  const db = options.db ?? getDb();
  const batchSize = options.batchSize ?? 200;
  const scheduler = new CronScheduler(db);
  const log = logger.child({ component: "hooks-loop" });
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let passes = 0;
  const waiters: { after: number; resolve: () => void }[] = [];

  const pass = () => runHooksPass(batchSize, db, scheduler);

  const wake = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const started = passes + 1;
        try {
          await pass();
        } catch (error) {
          log.error({ err: error }, "hooks pass failed; retrying on the next wake");
        }
        passes = started;
        for (const waiter of waiters.splice(0)) {
          if (waiter.after < passes) waiter.resolve();
          else waiters.push(waiter);
        }
      } while (again && !stopped);
      running = null;
    })();
  };

  const unsubscribe = onChangesCommitted(wake);
  const timer = setInterval(wake, options.pollMs ?? 75);
  timer.unref();
  wake();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await running;
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
    settle() {
      return new Promise((resolve) => {
        // A pass already under way may have read before the caller's change.
        waiters.push({ after: passes + (running ? 1 : 0), resolve });
        wake();
      });
    },
  };
}
