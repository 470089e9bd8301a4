import { ok, route } from "@/lib/api";
import { listWebhooks, webhookSummaries } from "@/lib/hooks";

/** **ext**, for the console list: last result and 24-hour success rate per webhook. */
export const GET = route("viewer", async () => {
  const hooks = await listWebhooks({ redact: true });

  return ok(await webhookSummaries(hooks.map((hook) => hook.id)));
});
