import { getConfig, type Config } from "@/lib/config";
import { startHooksLoop, type HooksLoop } from "@/lib/hooks";

import { workerOptionsFromConfig } from "./runner";
import { startDeliveryWorker, type RunningWorker } from "./thread";

interface InProcess {
  worker: RunningWorker;
  hooks: HooksLoop;
}

const globalForWorker = globalThis as { triplineWorker?: InProcess };

/**
 * Starts the worker inside the server process (the default for `npm start`)
 * unless TRIPLINE_WORKER=off: the hooks loop that turns change events,
 * deferred times and cron ticks into deliveries, and the delivery worker
 * that sends them (on a thread of its own unless TRIPLINE_WORKER_THREAD=off).
 * Once per process, dev reloads included. The config is a parameter so
 * tests can start it as either setting would.
 */
export function startInProcessWorker(config: Config = getConfig()): RunningWorker | null {
  if (!config.worker.inProcess) return null;
  if (globalForWorker.triplineWorker) return globalForWorker.triplineWorker.worker;
  // No signal handlers here: Next.js owns the server's shutdown. Attempts cut
  // short by it are taken over by the next worker when their leases expire,
  // and the hooks loop resumes from its stored cursor.
  const worker = startDeliveryWorker(workerOptionsFromConfig(config), config.worker.thread);
  const hooks = startHooksLoop();
  globalForWorker.triplineWorker = { worker, hooks };

  return worker;
}

/** Stops what `startInProcessWorker` started, if anything; a later start begins afresh. */
export async function stopInProcessWorker(): Promise<void> {
  const running = globalForWorker.triplineWorker;
  if (!running) return;
  globalForWorker.triplineWorker = undefined;
  await running.hooks.stop();
  await running.worker.stop();
}
