import { ok, route } from "@/lib/api";
import { ZCreateUserSchema } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";

export const GET = route("admin", async () => ok(await listUsers()));

export const POST = route("admin", async ({ body, log }) => {
  const user = await createUser(await body(ZCreateUserSchema));
  log.info({ newUserId: user.id, role: user.role }, "user created");

  return ok(user, 201);
});
