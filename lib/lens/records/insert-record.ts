import { randomUUID } from "node:crypto";

import { getObject, type ObjectName } from "../registry";
import type { LensRecord } from "../values";
import { writeChangeEvent } from "./change-events";
import { assignOnInsert, deriveFields } from "./derived-fields";
import { prepareInsert } from "./prepare-input";
import { checkLookups } from "./relations";
import { insertRow } from "./sql";
import type { WriteScope } from "./write-transaction";

/** Inserts one record and its INSERT event; returns the stored record. */
export async function insertRecord(
  scope: WriteScope,
  objectName: ObjectName,
  input: Record<string, unknown>,
): Promise<LensRecord> {
  const { tx } = scope;
  const object = getObject(objectName);
  const values = prepareInsert(object, input);
  await checkLookups(tx, object, values);

  const now = new Date();
  const record: LensRecord = Object.fromEntries(
    object.fields.map((field) => [field.name, values.get(field.name) ?? field.default ?? null]),
  );
  record.UID = randomUUID();
  record.CreatedDate = now;
  record.LastModifiedDate = now;
  await assignOnInsert(tx, object, record);
  deriveFields(object, record);

  await insertRow(tx, object, record);
  await writeChangeEvent(scope, {
    object,
    uid: record.UID,
    operation: "INSERT",
    previous: null,
    current: record,
    changedFields: object.fields.map((field) => field.name),
    actor: scope.actor,
    at: now,
  });

  return record;
}
