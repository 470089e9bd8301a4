import { LensError } from "../errors";
import { getObject, type ObjectName } from "../registry";
import type { LensRecord } from "../values";
import { writeChangeEvent } from "./change-events";
import { checkUnreferenced } from "./relations";
import { deleteRow, selectRecord } from "./sql";
import type { WriteScope } from "./write-transaction";

/** Deletes one record; its DELETE event carries the deleted values as `previous`. */
export async function deleteRecord(
  scope: WriteScope,
  objectName: ObjectName,
  uid: string,
): Promise<LensRecord> {
  const { tx } = scope;
  const object = getObject(objectName);
  const previous = await selectRecord(tx, object, uid);
  if (!previous) throw new LensError("NOT_FOUND", `no ${objectName} record has UID '${uid}'`);
  await checkUnreferenced(tx, object, uid);

  await deleteRow(tx, object, uid);
  await writeChangeEvent(scope, {
    object,
    uid,
    operation: "DELETE",
    previous,
    current: null,
    changedFields: object.fields.map((field) => field.name),
    actor: scope.actor,
    at: new Date(),
  });

  return previous;
}
