import { bootstrapAdmin } from "@/lib/auth/bootstrap";
import { decoyHash } from "@/lib/auth/password";
import { getConfig, getSecrets } from "@/lib/config";
import { migrate } from "@/lib/db";
import { logger } from "@/lib/log";

/**
 * What every process does before serving: make or read its secrets, bring
 * the database schema up to date and, when configured, make the first admin.
 */
export async function prepare(): Promise<void> {
  const config = getConfig();
  getSecrets();
  const applied = await migrate(config.database);
  logger.info({ database: config.database.kind, applied }, "database ready");
  await bootstrapAdmin(config.bootstrapAdmin);
  // Made now, so the first unknown email is not slower than the rest.
  await decoyHash();
}
