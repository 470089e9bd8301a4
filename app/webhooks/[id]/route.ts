import { ok, route } from "@/lib/api";
import { deleteWebhook, getWebhook, updateWebhook, ZWebhookBodySchema } from "@/lib/hooks";

export const GET = route("viewer", async ({ principal, params }) =>
  ok(await getWebhook(params.id ?? "", { redact: principal.role !== "admin" })),
);

/** **ext**: a partial update; `type` cannot change. */
export const PATCH = route("admin", async ({ params, body, log }) => {
  const webhook = await updateWebhook(params.id ?? "", await body(ZWebhookBodySchema));
  log.info({ hookId: webhook.id }, "webhook updated");

  return ok(webhook);
});

export const DELETE = route("admin", async ({ params, log }) => {
  const result = await deleteWebhook(params.id ?? "");
  log.info({ hookId: result.id }, "webhook deleted");

  return ok(result);
});
