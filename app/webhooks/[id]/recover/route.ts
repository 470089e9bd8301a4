import { ok, route } from "@/lib/api";
import { recoverWebhook, ZRecoverSchema } from "@/lib/hooks";

/** **ext**: re-queues every failed delivery since `since`; answers with the count. */
export const POST = route("admin", async ({ params, body }) => {
  const { since } = await body(ZRecoverSchema);

  return ok(await recoverWebhook(params.id ?? "", new Date(since)));
});
