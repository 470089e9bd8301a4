import { createHash, timingSafeEqual } from "node:crypto";

import { ApiError, ok, publicRoute } from "@/lib/api";
import { getConfig } from "@/lib/config";
import { tick } from "@/lib/worker";

function sameSecret(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();

  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Runs one hooks pass and sends one batch of due deliveries, answering with what it did, for
 * deployments where an outside scheduler drives delivery. Authenticated by
 * `Authorization: Bearer $TRIPLINE_WORKER_SECRET`, not by a user token.
 */
export const POST = publicRoute(async ({ request, log }) => {
  const { worker } = getConfig();
  if (!worker.secret) {
    throw ApiError.unavailable("set TRIPLINE_WORKER_SECRET to enable this endpoint");
  }
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!given || !sameSecret(given, worker.secret)) {
    throw new ApiError("unauthorized", "send 'Authorization: Bearer <TRIPLINE_WORKER_SECRET>'");
  }
  const result = await tick({
    concurrency: worker.concurrency,
    batchSize: worker.batchSize,
  });
  log.info(
    { enqueued: result.hooks.enqueued, claimed: result.claimed, succeeded: result.succeeded },
    "worker tick",
  );

  return ok(result);
});
