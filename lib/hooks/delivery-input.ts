import type { TEnqueue } from "@/lib/delivery";

import type { CompiledHook } from "./hook-index";

/**
 * One delivery of a hook. The URL and headers keep their `{{ NAME }}`
 * references: the delivery engine fills them at each attempt.
 */
export function deliveryInput(
  hook: Pick<CompiledHook, "id" | "url" | "headers">,
  body: string,
  idempotencyKey: string,
): TEnqueue {
  return {
    sourceId: hook.id,
    url: hook.url,
    headers: hook.headers,
    body,
    idempotencyKey,
  };
}
