import type { TEnqueue } from "@/lib/delivery";

import type { CompiledHook } from "./hook-index";
import { fillTemplate } from "./variables";

/**
 * One delivery of a hook. `{{ NAME }}` references are filled here.
 * LIMITATION: filled at enqueue time, because the delivery engine has no
 * callback at send time; a variable rotated later does not reach deliveries
 * already queued (retries keep the old value).
 */
export function deliveryInput(
  hook: Pick<CompiledHook, "id" | "url" | "headers">,
  body: string,
  idempotencyKey: string,
  values: ReadonlyMap<string, string>,
): TEnqueue {
  return {
    sourceId: hook.id,
    url: fillTemplate(hook.url, values),
    headers: Object.fromEntries(
      Object.entries(hook.headers).map(([name, value]) => [name, fillTemplate(value, values)]),
    ),
    body,
    idempotencyKey,
  };
}
