import { getConfig } from "@/lib/config";
import { migrate } from "@/lib/db";
import { startHooksLoop } from "@/lib/hooks";

import { workerOptionsFromConfig } from "./runner";
import { startDeliveryWorker } from "./thread";

/**
 * `tripline worker`: runs the hooks loop and a delivery worker until SIGTERM
 * or SIGINT, then stops claiming, finishes and records the attempts in
 * flight, and returns. Any number may run against one PostgreSQL database.
 */
export async function runStandaloneWorker(): Promise<void> {
  const config = getConfig();
  await migrate(config.database);
  const worker = startDeliveryWorker(workerOptionsFromConfig(config), config.worker.thread);
  const hooks = startHooksLoop();
  // The worker's own timers do not hold the process open; this one does, until a signal.
  const keepAlive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(keepAlive);
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      resolve();
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
  await hooks.stop();
  await worker.stop();
}
