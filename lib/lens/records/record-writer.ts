import { getDb, type Db } from "@/lib/db";

import type { Actor } from "../actor";
import type { ObjectName } from "../registry";
import type { LensRecord } from "../values";
import { deleteRecord } from "./delete-record";
import { insertRecord } from "./insert-record";
import { updateRecord } from "./update-record";
import { withWriteTransaction, type TransactionLimits, type WriteScope } from "./write-transaction";

/** The record functions, bound to one write transaction and one actor. */
export class RecordWriter {
  constructor(readonly scope: WriteScope) {}

  insert(objectName: ObjectName, input: Record<string, unknown>): Promise<LensRecord> {
    return insertRecord(this.scope, objectName, input);
  }

  update(objectName: ObjectName, uid: string, patch: Record<string, unknown>): Promise<LensRecord> {
    return updateRecord(this.scope, objectName, uid, patch);
  }

  delete(objectName: ObjectName, uid: string): Promise<LensRecord> {
    return deleteRecord(this.scope, objectName, uid);
  }
}

export interface WriteRecordsOptions {
  db?: Db;
  limits?: TransactionLimits;
}

/**
 * The one way to change Lens records: everything `work` does commits together
 * with its change events, or none of it does.
 */
export async function writeRecords<T>(
  actor: Actor,
  work: (writer: RecordWriter) => Promise<T>,
  options: WriteRecordsOptions = {},
): Promise<T> {
  return withWriteTransaction(
    options.db ?? getDb(),
    (tx, sequence) => work(new RecordWriter({ tx, actor, sequence })),
    options.limits,
  );
}
