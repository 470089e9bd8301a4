import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, expect, it, vi } from "vitest";

import { createDb } from "@/lib/db";

// The thread that copies SQLite's write-ahead log back into the database
// (lib/db/checkpointer.ts). Its own file, whatever database the run uses:
// the checkpointer exists only for SQLite.

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("copies committed pages into the database file without a commit doing it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tripline-checkpoint-"));
  dirs.push(dir);
  const path = join(dir, "checkpoint.db");
  const db = createDb({ kind: "sqlite", url: `file:${path}` });
  try {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("CREATE TABLE filler (body TEXT NOT NULL)");
    const before = statSync(path).size;

    // About 400 KB: far below the 40 MB at which a commit would checkpoint,
    // so only the checkpoint thread moves these pages out of the log.
    await db.$executeRawUnsafe(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       INSERT INTO filler SELECT hex(randomblob(100)) FROM n`,
    );

    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before + 300_000), {
      timeout: 10_000,
      interval: 50,
    });
    const [rows] = await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM filler");
    expect(Number(rows?.n)).toBe(2000);
  } finally {
    await db.$disconnect();
  }
});
