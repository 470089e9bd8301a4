import { LensError } from "../errors";
import { getObject, lookupsInto, type ObjectDef } from "../registry";
import type { LensValue } from "../values";
import { anyReferences, recordExists, type WriteTx } from "./sql";

/** Refuses lookup values that name no record, so a bad id is a field error, not a 500. */
export async function checkLookups(
  tx: WriteTx,
  object: ObjectDef,
  values: ReadonlyMap<string, LensValue>,
): Promise<void> {
  for (const lookup of object.lookups) {
    const uid = values.get(lookup.field);
    if (typeof uid !== "string") continue;
    if (!(await recordExists(tx, getObject(lookup.target), uid))) {
      throw LensError.field(lookup.field, `no ${lookup.target} record has UID '${uid}'`);
    }
  }
}

/**
 * Refuses to delete a record others still point at. The database would refuse
 * too (every relation is Restrict); checking first names the culprit.
 */
export async function checkUnreferenced(
  tx: WriteTx,
  object: ObjectDef,
  uid: string,
): Promise<void> {
  for (const { object: referrer, lookup } of lookupsInto(object.name)) {
    if (await anyReferences(tx, referrer, lookup.field, uid)) {
      throw new LensError(
        "REFERENCED",
        `${object.name} record '${uid}' is still the ${lookup.name} of ${referrer.name} ` +
          `records; change or delete those first`,
      );
    }
  }
}
