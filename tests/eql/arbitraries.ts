import fc from "fast-check";

import type {
  DurationNode,
  DurationUnit,
  EqlMode,
  EqlNode,
  FieldNode,
  ListNode,
  NowNode,
  Operator,
  OperationNode,
  ScalarNode,
  SubjectNode,
  ValueNode,
} from "@/lib/eql";

/**
 * Random syntax trees for property tests. Spans are all zero: trees are
 * compared without them. Names avoid the reserved words, and in change mode
 * the words Current, Previous and Operation, which the parser reads as
 * scopes and the operation.
 */
const SPAN = { offset: 0, length: 0 };

const NAMES = ["Name", "JobStatus", "Region", "Start", "Tags", "Duration", "Now", "x_1", "B2"];
const UNITS: readonly DurationUnit[] = ["milliseconds", "seconds", "minutes", "hours", "days"];
const OPERATORS: readonly Operator[] = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "IN",
  "NOTIN",
  "LIKE",
  "NOTLIKE",
  "INCLUDES",
  "EXCLUDES",
];
const FIRST_YEAR_MS = Date.UTC(2000, 0, 1) - 1999 * 365.2425 * 86_400_000;
const LAST_YEAR_MS = Date.UTC(9999, 11, 31);

const path = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 });

function fieldArb(mode: EqlMode, scoped: boolean): fc.Arbitrary<FieldNode> {
  const scope =
    mode === "change" && scoped
      ? fc.constantFrom("Current" as const, "Previous" as const)
      : fc.constant(null);

  return fc.record({ kind: fc.constant("field" as const), scope, path, span: fc.constant(SPAN) });
}

const operation: fc.Arbitrary<OperationNode> = fc.constant({ kind: "operation", span: SPAN });

function subjectArb(mode: EqlMode): fc.Arbitrary<SubjectNode> {
  return mode === "change" ? fc.oneof(fieldArb(mode, true), operation) : fieldArb(mode, false);
}

const duration: fc.Arbitrary<DurationNode> = fc.record({
  kind: fc.constant("duration" as const),
  amount: fc.nat(),
  unit: fc.constantFrom(...UNITS),
  span: fc.constant(SPAN),
});

const now: fc.Arbitrary<NowNode> = fc.record({
  kind: fc.constant("now" as const),
  offset: fc.option(fc.record({ sign: fc.constantFrom(1 as const, -1 as const), duration }), {
    nil: null,
  }),
  span: fc.constant(SPAN),
});

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

const date: fc.Arbitrary<ScalarNode> = fc
  .integer({
    min: Math.ceil(FIRST_YEAR_MS / 86_400_000),
    max: Math.floor(LAST_YEAR_MS / 86_400_000),
  })
  .map((day) => {
    const epochMs = day * 86_400_000;

    return {
      kind: "date",
      text: new Date(epochMs).toISOString().slice(0, 10),
      epochMs,
      span: SPAN,
    };
  });

/** A date-time written in UTC or with an offset; the text must say the same instant as epochMs. */
const dateTime: fc.Arbitrary<ScalarNode> = fc
  .record({
    epochMs: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 0, 1) }),
    offsetMinutes: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    utc: fc.boolean(),
  })
  .map(({ epochMs, offsetMinutes, utc }) => {
    if (utc) {
      return { kind: "datetime", text: new Date(epochMs).toISOString(), epochMs, span: SPAN };
    }
    const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const size = Math.abs(offsetMinutes);
    const zone = `${sign}${pad(Math.floor(size / 60), 2)}:${pad(size % 60, 2)}`;

    return { kind: "datetime", text: local + zone, epochMs, span: SPAN };
  });

export const scalarArb: fc.Arbitrary<ScalarNode> = fc.oneof(
  fc.record({
    kind: fc.constant("string" as const),
    value: fc.string({ unit: "binary", maxLength: 8 }),
    span: fc.constant(SPAN),
  }),
  fc.record({
    kind: fc.constant("number" as const),
    value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    span: fc.constant(SPAN),
  }),
  fc.record({
    kind: fc.constant("boolean" as const),
    value: fc.boolean(),
    span: fc.constant(SPAN),
  }),
  fc.constant({ kind: "null" as const, span: SPAN }),
  date,
  dateTime,
  duration,
  now,
);

const list: fc.Arbitrary<ListNode> = fc.record({
  kind: fc.constant("list" as const),
  items: fc.array(scalarArb, { minLength: 1, maxLength: 4 }),
  span: fc.constant(SPAN),
});

function valueFor(operator: Operator, mode: EqlMode): fc.Arbitrary<ValueNode> {
  if (operator === "IN" || operator === "NOTIN") return list;
  if (operator === "INCLUDES" || operator === "EXCLUDES") return fc.oneof(scalarArb, list);
  const fields =
    mode === "change" ? fc.oneof(fieldArb(mode, true), operation) : fieldArb(mode, false);

  return fc.oneof({ weight: 4, arbitrary: scalarArb }, { weight: 1, arbitrary: fields });
}

function comparisonArb(mode: EqlMode): fc.Arbitrary<EqlNode> {
  return fc.constantFrom(...OPERATORS).chain((operator) =>
    fc.record({
      kind: fc.constant("comparison" as const),
      subject: subjectArb(mode),
      operator: fc.constant(operator),
      operatorSpan: fc.constant(SPAN),
      value: valueFor(operator, mode),
      span: fc.constant(SPAN),
    }),
  );
}

/** A random filter tree up to `depth` levels of AND, OR and NOT. */
export function filterArb(mode: EqlMode, depth = 3): fc.Arbitrary<EqlNode> {
  const leaf = comparisonArb(mode);
  if (depth === 0) return leaf;
  const inner = filterArb(mode, depth - 1);
  const operands = fc.array(inner, { minLength: 2, maxLength: 3 });

  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: inner.map((operand): EqlNode => ({ kind: "not", operand, span: SPAN })),
    },
    {
      weight: 1,
      arbitrary: operands.map((items): EqlNode => ({ kind: "and", operands: items, span: SPAN })),
    },
    {
      weight: 1,
      arbitrary: operands.map((items): EqlNode => ({ kind: "or", operands: items, span: SPAN })),
    },
  );
}

const FRAGMENTS = [
  "Name",
  "JobStatus",
  "Region.Name",
  "Current.",
  "Previous.JobStatus",
  "Operation",
  "Tags",
  "==",
  "!=",
  "<",
  ">=",
  "=",
  "!",
  "<>",
  "IN",
  "NOTIN",
  "LIKE",
  "INCLUDES",
  "AND",
  "OR",
  "NOT",
  "(",
  ")",
  "[",
  "]",
  ",",
  "'x'",
  "'",
  "'\\",
  "\\",
  '"',
  "true",
  "null",
  "-",
  "+",
  "7d",
  "7x",
  "1.5",
  "1e999",
  "NOW()",
  "now(",
  "duration(",
  "3 days",
  ")",
  "2027-01-01",
  "2027-13-01",
  "2027-01-01T09:00",
  "Z",
  ".",
  "\n",
  "🚀",
  "\u0000",
  "7constructor",
  "__proto__",
  "toString",
];

/** Text made of EQL-looking pieces, which reaches deeper into the parser than random characters. */
export const tokenSoupArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 })
  .chain((pieces) =>
    fc
      .array(fc.constantFrom("", " ", "  "), { minLength: pieces.length, maxLength: pieces.length })
      .map((gaps) => pieces.map((piece, i) => piece + (gaps[i] ?? "")).join("")),
  );

type Edit = { kind: "insert" | "delete" | "duplicate"; at: number; size: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("insert" as const, "delete" as const, "duplicate" as const),
  at: fc.nat(),
  size: fc.integer({ min: 1, max: 6 }),
  text: fc.oneof(fc.string({ unit: "binary", maxLength: 3 }), fc.constantFrom(...FRAGMENTS)),
});

function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case "insert":
      return text.slice(0, at) + edit.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.size);
    case "duplicate":
      return (
        text.slice(0, at) + text.slice(at, at + edit.size).repeat(2) + text.slice(at + edit.size)
      );
  }
}

/** A valid filter from `sources` with a few random edits: inserted, deleted or doubled text. */
export function mutatedArb(sources: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      source: fc.constantFrom(...sources),
      edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
    })
    .map(({ source, edits }) => edits.reduce(applyEdit, source));
}

/**
 * Names every plain object answers to. Filters reach lookups keyed by the
 * user's words (units, escapes, objects, fields), and a lookup on a plain
 * object would find these: `7constructor` once read as a duration.
 */
export const INHERITED_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

/**
 * A valid filter from `sources` with one of its words (a run of letters and
 * `_`: a field, a keyword, a unit such as the `d` of `7d`, a quoted word)
 * swapped for a name every plain object has.
 */
export function inheritedWordArb(sources: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      source: fc.constantFrom(...sources),
      which: fc.nat(),
      name: fc.constantFrom(...INHERITED_NAMES),
    })
    .map(({ source, which, name }) => {
      const words = [...source.matchAll(/[A-Za-z_]+/g)];
      const word = words[which % words.length];
      if (word?.index === undefined) return source;

      return source.slice(0, word.index) + name + source.slice(word.index + word[0].length);
    });
}
