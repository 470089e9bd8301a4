import { ok, route } from "@/lib/api";
import { testWebhook } from "@/lib/hooks";

/** **ext**: sends a sample payload now and answers with the attempt. */
export const POST = route("admin", async ({ params }) => ok(await testWebhook(params.id ?? "")));
