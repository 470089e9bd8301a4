import { EqlError, type Span } from "./errors";
import type { LikeItem, LikePattern } from "./like-pattern";
import type { PrismaWhere, Provider } from "./prisma-where";

/**
 * LIKE and INCLUDES as Prisma string filters. Prisma's `startsWith`,
 * `endsWith` and `contains` become SQL LIKE with the value pasted between
 * `%`s unescaped (prisma/prisma#19506), and `mode: "insensitive"` makes that
 * ILIKE on PostgreSQL; SQLite's LIKE ignores ASCII case by itself. So a
 * value handed to those filters is itself a LIKE pattern, which is what
 * lets every EQL pattern translate exactly:
 *
 *   'abc'   whole value: starts with abc and has no 4th character
 *   'a%'    startsWith a          '%a'   endsWith a      '%a%'  contains a
 *   'a%b'   startsWith a_ (a, then room for b) and endsWith b
 *
 * In general a pattern Q%S, where S has no `%` and m characters, matches
 * exactly when the value starts with Q followed by at least m characters
 * and its last m characters match S.
 *
 * Literal `%`, `_` and `\` must be escaped: PostgreSQL's LIKE escapes with a
 * backslash by default, but SQLite's LIKE has no escape character unless the
 * SQL names one, which Prisma 6.19 does not (`LIKE ?`, prisma/prisma#23611).
 * No other filter makes up for it: without an escape a `%` in the value is
 * matched only by a wildcard, which matches any other character too, and
 * `equals`/`lt`/`gt` compare whole values with case, so no combination tells
 * `x%` from `xy` where the `%` may stand anywhere (`'%100\%%'`, or an
 * INCLUDES entry after a `;`).
 */
export interface StringMatch {
  readonly field: string;
  readonly provider: Provider;
  /** The filter text and the pattern's place in it, for errors. */
  readonly text: string;
  readonly span: Span;
}

/** SQLite refuses LIKE patterns over 50,000 bytes; this many UTF-16 units stay well below. */
const SQLITE_PATTERN_LIMIT = 10_000;

type Key = "startsWith" | "endsWith" | "contains" | "equals";

function filter(match: StringMatch, key: Key, value: string): PrismaWhere {
  if (match.provider === "sqlite" && value.length > SQLITE_PATTERN_LIMIT) {
    // LIMITATION: very long patterns cannot be queried on SQLite; they still work in webhooks.
    const reason = `this pattern is too long for a query on SQLite (over ${SQLITE_PATTERN_LIMIT} characters)`;
    throw new EqlError(match.text, match.span, reason);
  }
  const insensitive = match.provider === "postgresql" ? { mode: "insensitive" } : {};

  return { [match.field]: { [key]: value, ...insensitive } };
}

/** Exactly `length` characters of any kind, then anything: "at least `length` characters". */
function atLeast(match: StringMatch, prefix: string, length: number): PrismaWhere {
  return filter(match, "startsWith", prefix + "_".repeat(length));
}

function literal(match: StringMatch, char: string): string {
  if (char === "%" || char === "_") {
    if (match.provider === "sqlite") {
      // LIMITATION: SQLite queries cannot match a literal '%' or '_' (Prisma names no ESCAPE
      // character); such filters still work in webhooks, which evaluate in memory.
      const reason =
        `a literal '${char}' cannot be matched in a query on SQLite; ` +
        "it works in webhook and triggered-action filters, or on PostgreSQL";
      throw new EqlError(match.text, match.span, reason);
    }

    return `\\${char}`;
  }

  return char === "\\" && match.provider === "postgresql" ? "\\\\" : char;
}

function sql(match: StringMatch, items: readonly LikeItem[]): string {
  return items
    .map((item) =>
      item.kind === "one" ? "_" : item.kind === "any" ? "%" : literal(match, item.char),
    )
    .join("");
}

/** Whole, case-insensitive match of `pattern`. */
export function likeWhere(match: StringMatch, pattern: LikePattern): PrismaWhere {
  const leading = pattern[0]?.kind === "any";
  const trailing = pattern.length > 0 && pattern.at(-1)?.kind === "any";
  const lastAny = pattern.findLastIndex((item) => item.kind === "any");

  if (lastAny === -1) return exactly(match, sql(match, pattern), pattern.length);
  if (leading && trailing) return filter(match, "contains", sql(match, pattern.slice(1, -1)));
  if (trailing) return filter(match, "startsWith", sql(match, pattern.slice(0, -1)));
  if (leading) return filter(match, "endsWith", sql(match, pattern.slice(1)));
  const head = pattern.slice(0, lastAny);
  const tail = pattern.slice(lastAny + 1);

  return {
    AND: [
      atLeast(match, sql(match, head), tail.length),
      filter(match, "endsWith", sql(match, tail)),
    ],
  };
}

/** A pattern of `length` characters without `%`: it starts the value, and nothing follows. */
function exactly(match: StringMatch, patternSql: string, length: number): PrismaWhere {
  if (length === 0) return { [match.field]: { equals: "" } };

  return {
    AND: [filter(match, "startsWith", patternSql), { NOT: atLeast(match, "", length + 1) }],
  };
}

/** One of the `;`-separated entries equals one of `values`, ignoring case. */
export function includesWhere(match: StringMatch, values: readonly string[]): PrismaWhere {
  return {
    OR: values.flatMap((value) => {
      const chars = Array.from(value);
      const entry = sql(
        match,
        chars.map((char) => ({ kind: "char", char })),
      );

      return [
        exactly(match, entry, chars.length),
        filter(match, "startsWith", `${entry};`),
        filter(match, "endsWith", `;${entry}`),
        filter(match, "contains", `;${entry};`),
      ];
    }),
  };
}
