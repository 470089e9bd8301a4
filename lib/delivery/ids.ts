import { v7 } from "uuid";

/**
 * Ids for deliveries and attempts: UUIDv7, which begin with the time they
 * were made. Rows written together then sit side by side in every index keyed
 * by id (the primary keys, an attempt's delivery), so a commit of forty
 * attempts touches a few index pages instead of eighty random ones; random
 * v4 ids made that commit, and the claim, about twice as slow on SQLite.
 * A delivery's id is also its `webhook-id`, so receivers see when it was
 * queued, as Svix's time-ordered message ids show it too.
 */
export function newRowId(): string {
  return v7();
}
