import { ApiError, ok, publicRoute } from "@/lib/api";
import { ZSetupSchema } from "@/lib/auth/schemas";
import { setupFirstAdmin } from "@/lib/auth/users";

/** Creates the first admin; refused once any user exists. */
export const POST = publicRoute(async ({ body, log }) => {
  const input = await body(ZSetupSchema);
  const user = await setupFirstAdmin(input);
  if (!user) throw new ApiError("forbidden", "setup is already done; sign in instead");
  log.info({ userId: user.id }, "first admin created");

  return ok(user, 201);
});
