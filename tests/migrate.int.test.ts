import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { loadConfig } from "@/lib/config";
import { createDb, migrate } from "@/lib/db";
import { migrationsDir, readMigrations } from "@/lib/db/migrate";

describe("migrations", () => {
  it("apply on an empty SQLite database, once, even when started side by side", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tripline-migrate-"));
    const database = { kind: "sqlite" as const, url: `file:${join(dir, "fresh.db")}` };
    try {
      const runs = await Promise.all([migrate(database), migrate(database), migrate(database)]);
      const all = readMigrations(migrationsDir("sqlite")).map((migration) => migration.name);

      expect(runs.flat().sort()).toEqual(all);
      expect(await migrate(database)).toEqual([]);

      const db = createDb(database);
      expect(await db.user.count()).toBe(0);
      await db.$disconnect();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leave the test database fully migrated for either provider", async () => {
    const { database } = loadConfig();

    expect(await migrate(database)).toEqual([]);
  });

  it("exist for both providers under the same names", () => {
    const names = (kind: "sqlite" | "postgresql") =>
      readMigrations(migrationsDir(kind)).map((migration) => migration.name);

    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
