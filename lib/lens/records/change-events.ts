import { z } from "zod";

import { getDb, sqlOf, type Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import type { Actor } from "../actor";
import { isObjectName, type ObjectDef, type ObjectName } from "../registry";
import { toJsonValue, type JsonValue, type LensRecord } from "../values";
import type { WriteScope } from "./write-transaction";

export const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** A record's values as events carry them: every field, dates as ISO strings. */
export type JsonRecord = Record<string, JsonValue>;

export interface ChangeEvent {
  /** Gap-free, increasing in commit order; see write-transaction.ts. */
  seq: number;
  object: ObjectName;
  uid: string;
  operation: Operation;
  /** Null on INSERT. */
  previous: JsonRecord | null;
  /** Null on DELETE. */
  current: JsonRecord | null;
  changedFields: string[];
  actor: Actor;
  createdAt: Date;
}

export interface NewChangeEvent {
  object: ObjectDef;
  uid: string;
  operation: Operation;
  previous: LensRecord | null;
  current: LensRecord | null;
  changedFields: string[];
  actor: Actor;
  at: Date;
}

export function toJsonRecord(object: ObjectDef, record: LensRecord): JsonRecord {
  return Object.fromEntries(
    object.fields.map((field) => [field.name, toJsonValue(record[field.name] ?? null)]),
  );
}

/** Writes the event for one change; call it in the change's own write transaction. */
export async function writeChangeEvent(
  { tx, sequence }: WriteScope,
  event: NewChangeEvent,
): Promise<number> {
  const previous = event.previous && JSON.stringify(toJsonRecord(event.object, event.previous));
  const current = event.current && JSON.stringify(toJsonRecord(event.object, event.current));

  return sequence.append(async (seq) => {
    await tx.execute(Prisma.sql`
      INSERT INTO "ChangeEvent"
        ("seq", "object", "uid", "operation", "previous", "current", "changedFields",
         "actorType", "actorId", "createdAt")
      VALUES (${seq}, ${event.object.name}, ${event.uid}, ${event.operation}, ${previous},
        ${current}, ${JSON.stringify(event.changedFields)}, ${event.actor.type},
        ${event.actor.id}, ${event.at})`);
  });
}

const ZJsonRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const ZStoredRecord = z
  .string()
  .nullable()
  .transform((text) => (text === null ? null : ZJsonRecord.parse(JSON.parse(text))));
const ZChangedFields = z.string().transform((text) => z.array(z.string()).parse(JSON.parse(text)));

export interface ReadChangeEventsOptions {
  /** Return events with a greater `seq`; 0 (the default) starts at the beginning. */
  after?: number;
  /** At most this many, 100 by default, at most 1000. */
  limit?: number;
}

interface ChangeEventRow {
  seq: number;
  object: string;
  uid: string;
  operation: string;
  previous: string | null;
  current: string | null;
  changedFields: string;
  actorType: string;
  actorId: string | null;
  createdAt: Date;
}

/**
 * Events after `after`, in `seq` order. On SQLite the process shares one
 * connection, and `sqlOf` runs the read in its own turn, after any open
 * write has committed or rolled back, so it never sees events that may yet
 * be undone. It runs on every dispatcher pass, so it skips Prisma's model
 * API.
 */
export async function readChangeEvents(
  options: ReadChangeEventsOptions = {},
  db: Db = getDb(),
): Promise<ChangeEvent[]> {
  const after = options.after ?? 0;
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const rows = await sqlOf(db).query<ChangeEventRow>(Prisma.sql`
    SELECT "seq", "object", "uid", "operation", "previous", "current", "changedFields",
      "actorType", "actorId", "createdAt"
    FROM "ChangeEvent" WHERE "seq" > ${after} ORDER BY "seq" LIMIT ${limit}`);

  return rows.map((row) => {
    if (!isObjectName(row.object)) throw new Error(`change event ${row.seq}: unknown object`);

    return {
      seq: Number(row.seq),
      object: row.object,
      uid: row.uid,
      operation: z.enum(OPERATIONS).parse(row.operation),
      previous: ZStoredRecord.parse(row.previous),
      current: ZStoredRecord.parse(row.current),
      changedFields: ZChangedFields.parse(row.changedFields),
      actor: {
        type: z.enum(["user", "token", "system"]).parse(row.actorType),
        id: row.actorId ?? "",
      },
      createdAt: row.createdAt,
    };
  });
}
