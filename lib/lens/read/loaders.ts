import DataLoader from "dataloader";

import type { Tx } from "../records/sql";
import { getObject, type ObjectName, type ReverseDef } from "../registry";
import { findRecords, type LensRow } from "./delegates";

// Large enough for any page of parents (200) with room; small enough for
// SQLite's limit on bound parameters.
const MAX_BATCH = 1000;

/**
 * Per-request batching: every lookup (`Region`) and reverse relation
 * (`JobAllocations`) asked for while resolving one level of a query becomes
 * one `IN (...)` query, whatever the number of parent records. A request's
 * loaders also cache, so one Region seen by 50 jobs is read once.
 */
export class RecordLoaders {
  private readonly byUidLoaders = new Map<ObjectName, DataLoader<string, LensRow | null>>();
  private readonly reverseLoaders = new Map<string, DataLoader<string, LensRow[]>>();

  constructor(private readonly tx: Tx) {}

  byUid(objectName: ObjectName): DataLoader<string, LensRow | null> {
    let loader = this.byUidLoaders.get(objectName);
    if (!loader) {
      const object = getObject(objectName);
      loader = new DataLoader(
        async (uids: readonly string[]) => {
          const rows = await findRecords(this.tx, object, { where: { UID: { in: [...uids] } } });
          const byUid = new Map(rows.map((row) => [row.UID, row]));

          return uids.map((uid) => byUid.get(uid) ?? null);
        },
        { maxBatchSize: MAX_BATCH },
      );
      this.byUidLoaders.set(objectName, loader);
    }

    return loader;
  }

  /** Children of each parent UID through `relation`, oldest first. */
  reverse(parent: ObjectName, relation: ReverseDef): DataLoader<string, LensRow[]> {
    const key = `${parent}.${relation.name}`;
    let loader = this.reverseLoaders.get(key);
    if (!loader) {
      const target = getObject(relation.target);
      loader = new DataLoader(
        async (parentUids: readonly string[]) => {
          const rows = await findRecords(this.tx, target, {
            where: { [relation.field]: { in: [...parentUids] } },
            orderBy: [{ CreatedDate: "asc" }, { UID: "asc" }],
          });
          const byParent = new Map<unknown, LensRow[]>();
          for (const row of rows) {
            const siblings = byParent.get(row[relation.field]) ?? [];
            siblings.push(row);
            byParent.set(row[relation.field], siblings);
          }
          this.prime(relation.target, rows);

          return parentUids.map((uid) => byParent.get(uid) ?? []);
        },
        { maxBatchSize: MAX_BATCH },
      );
      this.reverseLoaders.set(key, loader);
    }

    return loader;
  }

  /** Records read some other way are cached for lookups too. */
  prime(objectName: ObjectName, rows: LensRow[]): void {
    const loader = this.byUid(objectName);
    for (const row of rows) {
      if (typeof row.UID === "string") loader.prime(row.UID, row);
    }
  }
}
