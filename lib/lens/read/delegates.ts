import type { Tx } from "../records/sql";
import type { ObjectDef } from "../registry";

/** A record as Prisma reads it: Lens field names, dates as Dates. */
export type LensRow = Record<string, unknown>;

export type SortDirection = "asc" | "desc";
export type PrismaOrderBy = Record<
  string,
  SortDirection | { sort: SortDirection; nulls: "first" | "last" }
>;

export interface FindArgs {
  where?: Record<string, unknown>;
  orderBy?: PrismaOrderBy[];
  take?: number;
}

/**
 * Reads go through Prisma's model API, because EQL filters compile to Prisma
 * `where` objects. Each model has its own delegate type, so a switch picks
 * the right one; this is the only place that names the models.
 */
export function findRecords(tx: Tx, object: ObjectDef, args: FindArgs): Promise<LensRow[]> {
  switch (object.model) {
    case "region":
      return tx.region.findMany(args);
    case "account":
      return tx.account.findMany(args);
    case "contact":
      return tx.contact.findMany(args);
    case "resource":
      return tx.resource.findMany(args);
    case "job":
      return tx.job.findMany(args);
    case "jobAllocation":
      return tx.jobAllocation.findMany(args);
  }
}

export function countRecords(
  tx: Tx,
  object: ObjectDef,
  where: Record<string, unknown>,
): Promise<number> {
  switch (object.model) {
    case "region":
      return tx.region.count({ where });
    case "account":
      return tx.account.count({ where });
    case "contact":
      return tx.contact.count({ where });
    case "resource":
      return tx.resource.count({ where });
    case "job":
      return tx.job.count({ where });
    case "jobAllocation":
      return tx.jobAllocation.count({ where });
  }
}
