import { runOneBatch, type BatchResult } from "@/lib/delivery";
import { runHooksPass, type HooksPassResult } from "@/lib/hooks";

export interface TickResult extends BatchResult {
  hooks: HooksPassResult;
}

/**
 * The work of `POST /api/worker/tick`, for deployments where an outside
 * scheduler drives delivery: one hooks pass (changes, deferred fires, cron
 * ticks into deliveries), then one batch of due deliveries sent and recorded.
 */
export async function tick(options: {
  concurrency: number;
  batchSize: number;
}): Promise<TickResult> {
  const hooks = await runHooksPass(options.batchSize);
  const batch = await runOneBatch(options);

  return { hooks, ...batch };
}
