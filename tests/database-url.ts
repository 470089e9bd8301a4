import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const OUTPUT_DIR = `${root}.test-output`;

/** SQLite in .test-output unless INTEGRATION_DATABASE_URL names another database. */
export const INTEGRATION_DATABASE_URL =
  process.env.INTEGRATION_DATABASE_URL ?? `file:${OUTPUT_DIR}/integration.db`;
