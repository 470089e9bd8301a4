import type { Config } from "@/lib/config";
import { logger } from "@/lib/log";

import { ZPasswordSchema } from "./schemas";
import { setupFirstAdmin } from "./users";

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set and no users yet, makes that admin
 * so a deployment needs no browser for its first sign-in.
 */
export async function bootstrapAdmin(admin: Config["bootstrapAdmin"]): Promise<void> {
  if (!admin) return;

  // loadConfig already holds ADMIN_PASSWORD to this rule; this guards other callers.
  const password = ZPasswordSchema.safeParse(admin.password);
  if (!password.success) {
    const reason = password.error.issues[0]?.message ?? "is invalid";
    logger.error({ reason }, "ADMIN_PASSWORD is not accepted; no admin created");

    return;
  }
  const user = await setupFirstAdmin(admin);
  if (user)
    logger.info({ userId: user.id, email: user.email }, "first admin created from environment");
}
