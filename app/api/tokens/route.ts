import { ok, route } from "@/lib/api";
import { ZCreateTokenSchema } from "@/lib/auth/schemas";
import { createToken, listTokens } from "@/lib/auth/tokens";

export const GET = route("viewer", async ({ principal }) => ok(await listTokens(principal)));

/** The token itself is in this response and nowhere else, ever. */
export const POST = route("viewer", async ({ principal, body, log }) => {
  const input = await body(ZCreateTokenSchema);
  const { token, view } = await createToken(principal.userId, input);
  log.info({ tokenId: view.id, prefix: view.prefix }, "API token created");

  return ok({ ...view, token }, 201);
});
