import { ok, route } from "@/lib/api";
import { webhookSecret } from "@/lib/hooks";

/** **ext**, admins: the current `whsec_` signing key. */
export const GET = route("admin", async ({ params }) => ok(await webhookSecret(params.id ?? "")));
