import { ok, route } from "@/lib/api";
import { ZUpdateUserSchema } from "@/lib/auth/schemas";
import { setUserRole } from "@/lib/auth/users";

export const PATCH = route("admin", async ({ body, params, log }) => {
  const { role } = await body(ZUpdateUserSchema);
  const user = await setUserRole(params.id ?? "", role);
  log.info({ targetUserId: user.id, role }, "user role changed");

  return ok(user);
});
