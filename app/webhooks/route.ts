import { ok, route } from "@/lib/api";
import { createWebhook, listWebhooks, ZWebhookBodySchema } from "@/lib/hooks";

/** lens-api.md §4: every webhook; viewers see header values redacted. */
export const GET = route("viewer", async ({ principal }) =>
  ok(await listWebhooks({ redact: principal.role !== "admin" })),
);

export const POST = route("admin", async ({ body, log }) => {
  const webhook = await createWebhook(await body(ZWebhookBodySchema));
  log.info({ hookId: webhook.id, type: webhook.type }, "webhook created");

  return ok(webhook, 201);
});
