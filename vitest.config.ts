import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

import { INTEGRATION_DATABASE_URL, OUTPUT_DIR } from "./tests/database-url";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * `unit` needs nothing but Node. `integration` runs against a real database:
 * SQLite in .test-output by default, or whatever INTEGRATION_DATABASE_URL
 * names (scripts/test.mjs points it at TEST_DATABASE_URL for PostgreSQL).
 */
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "bin/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          // One database for the whole run: files take turns.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: {
            DATABASE_URL: INTEGRATION_DATABASE_URL,
            TRIPLINE_DATA_DIR: `${OUTPUT_DIR}/integration-data`,
            LOG_LEVEL: "silent",
          },
        },
      },
    ],
  },
});
