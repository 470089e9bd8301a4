import { isNullable } from "../registry";
import type { LensValue } from "../values";
import type { PrismaOrderBy } from "./delegates";
import { nullsPlacement, prismaOrderBy, type SortKey } from "./order-by";

type Where = Record<string, unknown>;

/** One database query towards a page: its condition and its order. */
export interface PageQuery {
  where: Where;
  orderBy: PrismaOrderBy[];
}

/**
 * The queries that read the page after `cursor` (the sort-key values of the
 * last record seen; null for the first page), in order: run them until the
 * page is full. Usually there is one.
 *
 * The shape is chosen so the database can seek with an index on the first
 * key instead of sorting the whole table: "Start <= x AND (Start < x OR
 * <ties past the cursor>)" is a range scan, where the plain "Start < x OR
 * (Start = x AND ...)" makes SQLite sort every matching row, which costs
 * milliseconds on ten thousand jobs. A nullable first key is read in two
 * groups, its empty values and the rest, because mixing them in one ORDER BY
 * defeats the index too. Nulls sit last going up and first going down.
 */
export function pageQueries(keys: SortKey[], cursor: LensValue[] | null): PageQuery[] {
  const [lead, ...rest] = keys;
  if (!lead) throw new Error("a sort needs at least one key");
  const name = lead.field.name;
  const restOrder = prismaOrderBy(rest);
  // Each query holds only nulls or only values of the lead key, so its
  // order needs no null placement and can follow the index.
  const values = (where: Where): PageQuery => ({
    where,
    orderBy: [{ [name]: lead.direction }, ...restOrder],
  });
  const nulls = (where: Where): PageQuery => ({
    where: { AND: [{ [name]: null }, where] },
    orderBy: restOrder,
  });
  const leadValue = cursor?.[0] ?? null;
  const restValues = cursor?.slice(1) ?? [];

  if (!isNullable(lead.field))
    return [values(cursor ? seekPast(lead, leadValue, rest, restValues) : {})];

  const nullsFirst = nullsPlacement(lead) === "first";
  const anyValue = { [name]: { not: null } };
  if (!cursor) return nullsFirst ? [nulls({}), values(anyValue)] : [values(anyValue), nulls({})];
  if (leadValue === null) {
    const restOfNulls = nulls(pastAny(rest, restValues));

    return nullsFirst ? [restOfNulls, values(anyValue)] : [restOfNulls];
  }
  const restOfValues = values(seekPast(lead, leadValue, rest, restValues));

  return nullsFirst ? [restOfValues] : [restOfValues, nulls({})];
}

/** Past a non-null `value` of the lead key, as a seekable range. */
function seekPast(
  lead: SortKey,
  value: LensValue,
  rest: SortKey[],
  restValues: LensValue[],
): Where {
  const name = lead.field.name;
  const [bound, strict] = lead.direction === "asc" ? ["gte", "gt"] : ["lte", "lt"];
  const beyond = { [name]: { [strict]: value } };
  if (rest.length === 0) return beyond;

  return { AND: [{ [name]: { [bound]: value } }, { OR: [beyond, pastAny(rest, restValues)] }] };
}

/**
 * Past the cursor on keys k1..kn, in the plain form: equal on k1..k(i-1) and
 * beyond on ki, for some i. Used below the lead key, among its ties.
 */
function pastAny(keys: SortKey[], values: LensValue[]): Where {
  const branches: Where[] = [];
  const equalSoFar: Where[] = [];
  keys.forEach((key, index) => {
    const value = values[index] ?? null;
    const beyond = pastOne(key, value);
    if (beyond) branches.push({ AND: [...equalSoFar, beyond] });
    equalSoFar.push({ [key.field.name]: value });
  });

  return { OR: branches };
}

function pastOne(key: SortKey, value: LensValue): Where | null {
  const name = key.field.name;
  if (key.direction === "asc") {
    // Nulls come last: after a null there is no greater value.
    if (value === null) return null;
    const greater = { [name]: { gt: value } };

    return isNullable(key.field) ? { OR: [greater, { [name]: null }] } : greater;
  }
  // Going down, nulls come first: after a null comes every non-null value.
  if (value === null) return { [name]: { not: null } };

  return { [name]: { lt: value } };
}
