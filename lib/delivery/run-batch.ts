import { DeliveryEngine, type AttemptReport } from "./engine";

export interface BatchResult {
  claimed: number;
  succeeded: number;
  retrying: number;
  failed: number;
  attempts: AttemptReport[];
}

/**
 * Claims one batch, sends it and waits for every attempt to be written: the
 * work of `POST /api/worker/tick` for deployments driven by an outside
 * scheduler.
 */
export async function runOneBatch(options: {
  concurrency: number;
  batchSize: number;
}): Promise<BatchResult> {
  const engine = new DeliveryEngine(options);
  const { done } = await engine.claimAndStart();
  const attempts = await done;

  return {
    claimed: attempts.length,
    succeeded: attempts.filter((attempt) => attempt.state === "success").length,
    retrying: attempts.filter((attempt) => attempt.state === "pending").length,
    failed: attempts.filter((attempt) => attempt.state === "error").length,
    attempts,
  };
}
