import type { SqlRunner } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { tableName, type ObjectDef } from "../registry";
import { decodeStored, type LensRecord, type LensValue } from "../values";

/**
 * The write path speaks SQL rather than Prisma's model API, for two reasons:
 * it is generic over the registry (one statement builder serves every
 * object, with no per-model code), and every change is four or five
 * statements, so the cost of each call matters; `sqlOf` (lib/db/sql.ts)
 * runs them on SQLite without Prisma's per-call overhead. The SQL is the
 * portable subset that SQLite and PostgreSQL share: quoted identifiers,
 * `ON CONFLICT`, `RETURNING`. `Prisma.sql` fills the placeholders for each
 * provider.
 */
export type WriteTx = SqlRunner;

/** A Prisma transaction, as the read side (GraphQL queries) uses. */
export type Tx = Prisma.TransactionClient;

/** A quoted identifier; names come from the registry, never from input. */
function ident(name: string): Prisma.Sql {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`not an identifier: ${name}`);

  return Prisma.raw(`"${name}"`);
}

function table(object: ObjectDef): Prisma.Sql {
  return ident(tableName(object));
}

function columns(object: ObjectDef): Prisma.Sql {
  return Prisma.join(object.fields.map((field) => ident(field.name)));
}

/** The record with this UID, read inside the transaction, or null. */
export async function selectRecord(
  tx: WriteTx,
  object: ObjectDef,
  uid: string,
): Promise<LensRecord | null> {
  const rows = await tx.query<Record<string, unknown>>(Prisma.sql`
    SELECT ${columns(object)} FROM ${table(object)} WHERE "UID" = ${uid}`);
  const [row] = rows;

  return row ? decodeRecord(object, row) : null;
}

export function decodeRecord(object: ObjectDef, row: Record<string, unknown>): LensRecord {
  return Object.fromEntries(
    object.fields.map((field) => [field.name, decodeStored(field, row[field.name])]),
  );
}

export async function insertRow(tx: WriteTx, object: ObjectDef, record: LensRecord): Promise<void> {
  const values = object.fields.map((field) => record[field.name] ?? null);
  await tx.execute(Prisma.sql`
    INSERT INTO ${table(object)} (${columns(object)}) VALUES (${Prisma.join(values)})`);
}

export async function updateRow(
  tx: WriteTx,
  object: ObjectDef,
  uid: string,
  changes: Record<string, LensValue>,
): Promise<void> {
  const assignments = Object.entries(changes).map(
    ([name, value]) => Prisma.sql`${ident(name)} = ${value}`,
  );
  await tx.execute(Prisma.sql`
    UPDATE ${table(object)} SET ${Prisma.join(assignments)} WHERE "UID" = ${uid}`);
}

export async function deleteRow(tx: WriteTx, object: ObjectDef, uid: string): Promise<void> {
  await tx.execute(Prisma.sql`DELETE FROM ${table(object)} WHERE "UID" = ${uid}`);
}

export async function recordExists(tx: WriteTx, object: ObjectDef, uid: string): Promise<boolean> {
  const rows = await tx.query(Prisma.sql`
    SELECT 1 AS "found" FROM ${table(object)} WHERE "UID" = ${uid}`);

  return rows.length > 0;
}

/** Whether any record of `object` has `field` set to `uid`. */
export async function anyReferences(
  tx: WriteTx,
  object: ObjectDef,
  field: string,
  uid: string,
): Promise<boolean> {
  const rows = await tx.query(Prisma.sql`
    SELECT 1 AS "found" FROM ${table(object)} WHERE ${ident(field)} = ${uid} LIMIT 1`);

  return rows.length > 0;
}
