import { ok, route } from "@/lib/api";
import { revokeToken } from "@/lib/auth/tokens";

export const DELETE = route("viewer", async ({ principal, params, log }) => {
  const id = params.id ?? "";
  await revokeToken(principal, id);
  log.info({ tokenId: id }, "API token revoked");

  return ok({ id });
});
