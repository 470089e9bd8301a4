import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { createDb, getDb, sqlOf, TransactionTimeoutError } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

// lib/db/sql.ts: the raw SQL path the hot code uses instead of Prisma's raw
// queries. On SQLite it runs on the adapter's connection directly; these
// tests hold it to what Prisma gave: the same values in and out, real
// transactions, and no mixing with Prisma's own transactions.
const PREFIX = "sql-path-";

async function clean(): Promise<void> {
  await getDb().resource.deleteMany({ where: { Name: { startsWith: PREFIX } } });
}

function insertResource(name: string, active: boolean, created: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Resource" ("UID", "Name", "IsActive", "CreatedDate", "LastModifiedDate")
    VALUES (${`${name}-uid`}, ${name}, ${active}, ${created}, ${created})`;
}

async function resourceNamed(name: string) {
  return getDb().resource.findFirst({ where: { Name: name } });
}

describe("sqlOf", () => {
  beforeAll(clean);
  afterAll(clean);

  it("writes dates and booleans that Prisma's models read back, and reads theirs", async () => {
    const sql = sqlOf(getDb());
    const created = new Date("2027-03-04T05:06:07.089Z");
    await sql.execute(insertResource(`${PREFIX}direct`, false, created));

    expect(await resourceNamed(`${PREFIX}direct`)).toMatchObject({
      IsActive: false,
      CreatedDate: created,
    });

    await getDb().resource.create({
      data: { Name: `${PREFIX}model`, IsActive: true, CreatedDate: created },
    });
    const [row] = await sql.query<{ IsActive: unknown; CreatedDate: unknown; n: unknown }>(
      Prisma.sql`SELECT "IsActive", "CreatedDate" FROM "Resource" WHERE "Name" = ${`${PREFIX}model`}`,
    );
    expect(row).toEqual({ IsActive: true, CreatedDate: created });
  });

  it("commits a transaction's statements together, and rolls all of them back on a throw", async () => {
    const sql = sqlOf(getDb());
    const at = new Date();
    await sql.transaction(async (tx) => {
      await tx.execute(insertResource(`${PREFIX}a`, true, at));
      await tx.execute(insertResource(`${PREFIX}b`, true, at));
    });
    const failed = sql.transaction(async (tx) => {
      await tx.execute(insertResource(`${PREFIX}c`, true, at));
      throw new Error("second thoughts");
    });

    await expect(failed).rejects.toThrow("second thoughts");
    expect(await resourceNamed(`${PREFIX}a`)).not.toBeNull();
    expect(await resourceNamed(`${PREFIX}b`)).not.toBeNull();
    expect(await resourceNamed(`${PREFIX}c`)).toBeNull();
  });

  it("rolls back a transaction past its timeout and refuses its later statements", async () => {
    const sql = sqlOf(getDb());
    let late: Promise<number> | undefined;
    const slow = sql.transaction(
      async (tx) => {
        await tx.execute(insertResource(`${PREFIX}slow`, true, new Date()));
        await new Promise((resolve) => setTimeout(resolve, 400));
        late = tx.execute(insertResource(`${PREFIX}late`, true, new Date()));
        await late;
      },
      { timeout: 100 },
    );

    await expect(slow).rejects.toBeInstanceOf(TransactionTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(late).rejects.toThrow();
    expect(await resourceNamed(`${PREFIX}slow`)).toBeNull();
    expect(await resourceNamed(`${PREFIX}late`)).toBeNull();
    // The connection is free again.
    expect(await sql.query(Prisma.sql`SELECT 1 AS "one"`)).toHaveLength(1);
  });

  it("keeps a statement made beside a Prisma transaction out of that transaction", async () => {
    const db = getDb();
    let beside: Promise<number> | undefined;
    const prismaWrite = db.$transaction(async (tx) => {
      await tx.resource.create({ data: { Name: `${PREFIX}prisma` } });
      beside = sqlOf(db).execute(insertResource(`${PREFIX}beside`, true, new Date()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("the Prisma transaction fails");
    });

    await expect(prismaWrite).rejects.toThrow("the Prisma transaction fails");
    expect(await beside).toBe(1);
    expect(await resourceNamed(`${PREFIX}prisma`)).toBeNull();
    expect(await resourceNamed(`${PREFIX}beside`)).not.toBeNull();
  });

  it("keeps a Prisma statement made beside its transaction out of it", async () => {
    const db = getDb();
    let beside: Promise<unknown> | undefined;
    const direct = sqlOf(db).transaction(async (tx) => {
      await tx.execute(insertResource(`${PREFIX}direct-tx`, true, new Date()));
      beside = db.resource.create({ data: { Name: `${PREFIX}prisma-beside` } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("the direct transaction fails");
    });

    await expect(direct).rejects.toThrow("the direct transaction fails");
    await beside;
    expect(await resourceNamed(`${PREFIX}direct-tx`)).toBeNull();
    expect(await resourceNamed(`${PREFIX}prisma-beside`)).not.toBeNull();
  });

  it.runIf(getConfig().database.kind === "sqlite")(
    "sets SQLite's synchronous mode from the configuration, NORMAL unless told FULL",
    async () => {
      const mode = async (db: ReturnType<typeof getDb>) => {
        const [row] = await sqlOf(db).query<{ synchronous: unknown }>(
          Prisma.sql`PRAGMA synchronous`,
        );
        return Number(row?.synchronous);
      };
      const full = createDb({ ...getConfig().database, sqliteSync: "full" });
      try {
        expect(await mode(getDb())).toBe(1);
        expect(await mode(full)).toBe(2);
      } finally {
        await full.$disconnect();
      }
    },
  );

  it("runs more distinct statements than it keeps prepared, and the first ones again", async () => {
    const sql = sqlOf(getDb());
    const run = (i: number) =>
      sql.query<{ n: unknown }>(Prisma.sql`SELECT ${i} + ${Prisma.raw(String(i))} AS "n"`);
    for (let i = 0; i < 300; i += 1) await run(i);

    const again = await run(1);
    expect(Number(again[0]?.n)).toBe(2);
  });
});
