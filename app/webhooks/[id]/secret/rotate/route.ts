import { ok, route } from "@/lib/api";
import { rotateWebhookSecret } from "@/lib/hooks";

/** **ext**, admins: a new key; the old one keeps signing for 24 hours. */
export const POST = route("admin", async ({ params, log }) => {
  const result = await rotateWebhookSecret(params.id ?? "");
  log.info({ hookId: params.id }, "webhook secret rotated");

  return ok(result);
});
