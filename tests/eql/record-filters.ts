import fc from "fast-check";

import { quoteString } from "@/lib/eql/print";
import { JOB_STATUSES, URGENCIES } from "@/lib/lens/registry";

/**
 * Random valid filters over Jobs or Resources whose values come from the seeded records,
 * so that they match some records and miss others rather than matching
 * nothing. Text values are also offered with their case flipped, and LIKE
 * patterns are cut from real values with wildcards swapped in.
 */
type Kind = "text" | "picklist" | "multipicklist" | "integer" | "datetime" | "id" | "boolean";

interface FieldSpec {
  readonly path: string;
  readonly kind: Kind;
  readonly values?: readonly string[];
}

const JOB_FIELDS: readonly FieldSpec[] = [
  { path: "Name", kind: "text" },
  { path: "Description", kind: "text" },
  { path: "JobStatus", kind: "picklist", values: JOB_STATUSES },
  { path: "Type", kind: "text" },
  { path: "Urgency", kind: "picklist", values: URGENCIES },
  { path: "Start", kind: "datetime" },
  { path: "End", kind: "datetime" },
  { path: "CreatedDate", kind: "datetime" },
  { path: "Duration", kind: "integer" },
  { path: "Timezone", kind: "text" },
  { path: "Address", kind: "text" },
  { path: "Tags", kind: "multipicklist" },
  { path: "UID", kind: "id" },
  { path: "AccountId", kind: "id" },
  { path: "ContactId", kind: "id" },
  { path: "RegionId", kind: "id" },
  { path: "Region.Name", kind: "text" },
  { path: "Region.Description", kind: "text" },
  { path: "Region.CountryCode", kind: "text" },
  { path: "Account.Name", kind: "text" },
  { path: "Account.BillingCity", kind: "text" },
  { path: "Account.RegionId", kind: "id" },
  { path: "Account.Region.Name", kind: "text" },
  { path: "Account.Region.CountryCode", kind: "text" },
  { path: "Contact.FirstName", kind: "text" },
  { path: "Contact.Email", kind: "text" },
  { path: "Contact.FullName", kind: "text" },
  { path: "Contact.Account.Name", kind: "text" },
  { path: "Contact.Region.Description", kind: "text" },
];

const RESOURCE_FIELDS: readonly FieldSpec[] = [
  { path: "Name", kind: "text" },
  { path: "Email", kind: "text" },
  { path: "CountryCode", kind: "text" },
  { path: "Category", kind: "text" },
  { path: "IsActive", kind: "boolean" },
  { path: "UID", kind: "id" },
  { path: "PrimaryRegionId", kind: "id" },
  { path: "CreatedDate", kind: "datetime" },
  { path: "PrimaryRegion.Name", kind: "text" },
  { path: "PrimaryRegion.Description", kind: "text" },
  { path: "PrimaryRegion.CountryCode", kind: "text" },
];

const ENTRIES = ["VIP", "vip", "Gold", "GOLD", "silver", "a", "b", "VIPX", "IP", "x", "Xvip"];
/** Entries with a literal `%` or `_`, which queries on SQLite cannot match (see prisma-like.ts). */
const WILD_ENTRIES = ["x_y", "100%", "x_Y"];

export interface FilterOptions {
  /** The jobs as the evaluator sees them, related records nested. */
  readonly records: readonly Readonly<Record<string, unknown>>[];
  /** Whether literal `%` and `_` may appear in patterns and entries (PostgreSQL). */
  readonly literalWildcards: boolean;
}

function read(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split(".")) {
    value = typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
  }

  return value;
}

function flipCase(text: string): string {
  return Array.from(text, (char, i) =>
    i % 2 === 0 ? char.toUpperCase() : char.toLowerCase(),
  ).join("");
}

/** Distinct non-empty values of a field across the records, or a stand-in so pools are never empty. */
function pool<T>(
  options: FilterOptions,
  path: string,
  accept: (value: unknown) => value is T,
  fallback: T,
): T[] {
  const values = options.records.map((record) => read(record, path)).filter(accept);
  const distinct = [...new Map(values.map((value) => [String(value), value])).values()];

  return distinct.length > 0 ? distinct : [fallback];
}

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number";
const isDate = (value: unknown): value is Date => value instanceof Date;

type PatternItem = { kind: "char"; char: string } | { kind: "one" } | { kind: "any" };

/** A LIKE pattern cut from `base`: some characters become `_`, some runs `%`, some flip case. */
function patternArb(bases: readonly string[], literalWildcards: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      base: fc.constantFrom(...bases),
      from: fc.nat(),
      to: fc.nat(),
      edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom("one", "any", "flip") }), {
        maxLength: 3,
      }),
      lead: fc.boolean(),
      trail: fc.boolean(),
    })
    .map(({ base, from, to, edits, lead, trail }) => {
      const chars = Array.from(base);
      const start = chars.length === 0 ? 0 : from % chars.length;
      const cut =
        from % 3 === 0 ? chars : chars.slice(start, start + 1 + (to % (chars.length + 1)));
      const items: PatternItem[] = cut.map((char) => ({ kind: "char", char }));
      for (const edit of edits) {
        const at = items.length === 0 ? 0 : edit.at % items.length;
        const item = items[at];
        if (!item) continue;
        if (edit.kind === "flip" && item.kind === "char")
          items[at] = { kind: "char", char: flipCase(item.char) };
        if (edit.kind === "one") items[at] = { kind: "one" };
        if (edit.kind === "any") items.splice(at, 1 + (edit.at % 3), { kind: "any" });
      }
      if (lead) items.unshift({ kind: "any" });
      if (trail) items.push({ kind: "any" });

      return items
        .map((item) => {
          if (item.kind === "one") return "_";
          if (item.kind === "any") return "%";
          if (item.char === "\\") return "\\\\";
          if (item.char === "%" || item.char === "_") {
            return literalWildcards ? `\\${item.char}` : "_";
          }

          return item.char;
        })
        .join("");
    });
}

function textArb(bases: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...bases) },
    { weight: 1, arbitrary: fc.constantFrom(...bases).map(flipCase) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 4 }) },
  );
}

function listOf(values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(values, { minLength: 1, maxLength: 3 }).map((items) => `[${items.join(", ")}]`);
}

/** Null both ways round (§3); the parser reads `null == X` as `X == null`. */
const nullTest = (path: string) =>
  fc.constantFrom(`${path} == null`, `${path} != null`, `null == ${path}`, `null != ${path}`);

function textComparison(spec: FieldSpec, options: FilterOptions): fc.Arbitrary<string> {
  const bases = spec.values ?? pool(options, spec.path, isString, "x");
  const quoted = textArb(bases).map(quoteString);
  const pattern = patternArb(bases, options.literalWildcards).map(quoteString);

  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom("==", "!="),
        spec.values ? fc.constantFrom(...spec.values).map(quoteString) : quoted,
      )
      .map(([op, value]) => `${spec.path} ${op} ${value}`),
    fc
      .tuple(
        fc.constantFrom("IN", "NOTIN"),
        listOf(spec.values ? fc.constantFrom(...spec.values).map(quoteString) : quoted),
      )
      .map(([op, list]) => `${spec.path} ${op} ${list}`),
    // Ids take no patterns.
    ...(spec.kind === "id"
      ? []
      : [
          fc
            .tuple(fc.constantFrom("LIKE", "NOTLIKE"), pattern)
            .map(([op, value]) => `${spec.path} ${op} ${value}`),
        ]),
    nullTest(spec.path),
  );
}

function tagsComparison(spec: FieldSpec, options: FilterOptions): fc.Arbitrary<string> {
  const entries = fc
    .constantFrom(...ENTRIES, ...(options.literalWildcards ? WILD_ENTRIES : []))
    .map(quoteString);
  const bases = pool(options, spec.path, isString, "VIP");

  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom("INCLUDES", "EXCLUDES"), fc.oneof(entries, listOf(entries)))
        .map(([op, value]) => `${spec.path} ${op} ${value}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("==", "!="), textArb(bases).map(quoteString))
        .map(([op, value]) => `${spec.path} ${op} ${value}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("LIKE", "NOTLIKE"),
          patternArb(bases, options.literalWildcards).map(quoteString),
        )
        .map(([op, value]) => `${spec.path} ${op} ${value}`),
    },
    { weight: 1, arbitrary: nullTest(spec.path) },
  );
}

function integerComparison(spec: FieldSpec, options: FilterOptions): fc.Arbitrary<string> {
  const numbers = fc
    .tuple(
      fc.constantFrom(...pool(options, spec.path, isNumber, 0)),
      fc.integer({ min: -1, max: 1 }),
    )
    .map(([value, delta]) => String(value + delta));

  return fc.oneof(
    fc
      .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">="), numbers)
      .map(([op, value]) => `${spec.path} ${op} ${value}`),
    fc
      .tuple(fc.constantFrom("IN", "NOTIN"), listOf(numbers))
      .map(([op, list]) => `${spec.path} ${op} ${list}`),
    nullTest(spec.path),
  );
}

function dateComparison(spec: FieldSpec, options: FilterOptions): fc.Arbitrary<string> {
  const dates = pool(options, spec.path, isDate, new Date(0));
  const instant = fc.oneof(
    fc.constantFrom(...dates).map((date) => date.toISOString()),
    fc.constantFrom(...dates).map((date) => date.toISOString().slice(0, 10)),
    fc
      .constantFrom(...dates)
      .map((date) => `${new Date(date.getTime() + 36_000_000).toISOString().slice(0, 19)}+10:00`),
    fc
      .tuple(fc.constantFrom("+", "-"), fc.nat({ max: 400 }), fc.constantFrom("h", "d", "m"))
      .map(([sign, amount, unit]) => `NOW() ${sign} ${amount}${unit}`),
    fc.constant("NOW()"),
  );

  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">="), instant)
        .map(([op, value]) => `${spec.path} ${op} ${value}`),
    },
    { weight: 1, arbitrary: nullTest(spec.path) },
  );
}

/** Booleans take == and != only; `true == IsActive` is read as `IsActive == true`. */
function booleanComparison(spec: FieldSpec): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom("==", "!="), fc.constantFrom("true", "false", "TRUE", "False"))
        .map(([op, value]) => `${spec.path} ${op} ${value}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("==", "!="), fc.boolean())
        .map(([op, value]) => `${String(value)} ${op} ${spec.path}`),
    },
    { weight: 1, arbitrary: nullTest(spec.path) },
  );
}

function comparisonArb(fields: readonly FieldSpec[], options: FilterOptions): fc.Arbitrary<string> {
  return fc.constantFrom(...fields).chain((spec) => {
    switch (spec.kind) {
      case "text":
      case "picklist":
      case "id":
        return textComparison(spec, options);
      case "multipicklist":
        return tagsComparison(spec, options);
      case "integer":
        return integerComparison(spec, options);
      case "datetime":
        return dateComparison(spec, options);
      case "boolean":
        return booleanComparison(spec);
    }
  });
}

/** A filter of up to `depth` levels of NOT, AND and OR over random comparisons of `fields`. */
function filterArb(
  fields: readonly FieldSpec[],
  options: FilterOptions,
  depth: number,
): fc.Arbitrary<string> {
  const leaf = comparisonArb(fields, options);
  if (depth === 0) return leaf;
  const inner = filterArb(fields, options, depth - 1);
  const operands = fc.array(inner, { minLength: 2, maxLength: 3 });

  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: inner.map((operand) => `NOT (${operand})`) },
    { weight: 1, arbitrary: operands.map((items) => `(${items.join(" AND ")})`) },
    { weight: 1, arbitrary: operands.map((items) => `(${items.join(" OR ")})`) },
  );
}

/** Filters over Jobs: text, picklists, Tags, numbers, date-times and lookups two deep. */
export function jobFilterArb(options: FilterOptions, depth = 3): fc.Arbitrary<string> {
  return filterArb(JOB_FIELDS, options, depth);
}

/** Filters over Resources: the boolean IsActive (never null) and the PrimaryRegion lookup. */
export function resourceFilterArb(options: FilterOptions, depth = 3): fc.Arbitrary<string> {
  return filterArb(RESOURCE_FIELDS, options, depth);
}
