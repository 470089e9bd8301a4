import { LensError } from "../errors";
import type { Tx } from "../records/sql";
import type { ObjectDef } from "../registry";
import { decodeCursor, encodeCursor } from "./cursor";
import { countRecords, findRecords, type LensRow } from "./delegates";
import { filterWhere } from "./filter";
import { pageQueries } from "./keyset";
import { parseOrderBy } from "./order-by";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface ListArgs {
  filter?: string | null;
  orderBy?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface Edge {
  cursor: string;
  node: LensRow;
}

export interface Page {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when asked for: it is a second query. */
  totalCount: () => Promise<number>;
}

/** One page of an object's records, in a Relay-style connection. */
export async function listRecords(
  tx: Tx,
  object: ObjectDef,
  args: ListArgs,
  now = new Date(),
): Promise<Page> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new LensError("BAD_ARGUMENT", `first: must be between 0 and ${MAX_PAGE_SIZE}`, {
      field: "first",
    });
  }
  const keys = parseOrderBy(object, args.orderBy);
  const where = filterWhere(object, args.filter, now);
  const cursor = args.after ? decodeCursor(keys, args.after) : null;

  // One extra row tells whether another page follows.
  const rows: LensRow[] = [];
  for (const query of pageQueries(keys, cursor)) {
    if (rows.length > first) break;
    const found = await findRecords(tx, object, {
      where: { AND: [where, query.where] },
      orderBy: query.orderBy,
      take: first + 1 - rows.length,
    });
    rows.push(...found);
  }
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(keys, node), node }));

  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => countRecords(tx, object, where),
  };
}
