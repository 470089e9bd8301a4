import { ok, route } from "@/lib/api";
import { deleteVariable } from "@/lib/hooks";

/** Refused (409) while a webhook references it. */
export const DELETE = route("admin", async ({ params }) => {
  await deleteVariable(params.name ?? "");

  return ok({ name: params.name });
});
