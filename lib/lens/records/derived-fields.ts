import type { ObjectDef } from "../registry";
import type { LensRecord } from "../values";
import type { WriteTx } from "./sql";
import { JOB_NAME_COUNTER, incrementCounter } from "./write-transaction";

/**
 * Values Tripline assigns on insert. Job names come from a counter incremented
 * in the inserting transaction: concurrent inserts queue on its row, and a
 * rolled-back insert gives its number back, so names have no gaps or repeats.
 */
export async function assignOnInsert(
  tx: WriteTx,
  object: ObjectDef,
  record: LensRecord,
): Promise<void> {
  if (object.name === "Jobs") {
    const number = await incrementCounter(tx, JOB_NAME_COUNTER);
    record.Name = `JOB-${String(number).padStart(4, "0")}`;
  }
}

/** Values computed from others, kept in step on every insert and update. */
export function deriveFields(object: ObjectDef, record: LensRecord): void {
  if (object.name === "Contacts") {
    const parts = [record.FirstName, record.LastName].filter(
      (part): part is string => typeof part === "string" && part.trim() !== "",
    );
    record.FullName = parts.map((part) => part.trim()).join(" ");
  }
}
