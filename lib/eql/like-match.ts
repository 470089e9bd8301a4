import type { LikeItem, LikePattern } from "./like-pattern";

/**
 * Matching LIKE patterns and multi-picklist entries in memory, in time
 * proportional to value length times pattern length and without allocating.
 * (A regular expression would backtrack: `%a%a%a%a%a%b` against a long run
 * of a's takes polynomial time of high degree, and a filter must not be able
 * to stall the process that evaluates it.)
 *
 * Case is ignored character by character: a character matches a pattern
 * character when it equals it or its upper- or lower-case form. For ASCII
 * this is exactly what SQLite's LIKE and PostgreSQL's ILIKE do.
 *
 * LIMITATION: beyond ASCII the three differ: SQLite's LIKE folds ASCII
 * letters only, PostgreSQL follows its locale, and this follows JavaScript's
 * case mappings; `'É' LIKE 'é'` holds here and on PostgreSQL, not in a
 * SQLite query.
 */

/** One pattern position: any single character, or one of up to three code points. */
type Unit =
  | { readonly any: true }
  | { readonly any: false; readonly a: number; readonly b: number; readonly c: number };

type Segment = readonly Unit[];

function singleCodePoint(text: string, fallback: number): number {
  const code = text.codePointAt(0) ?? fallback;

  return String.fromCodePoint(code) === text ? code : fallback;
}

function unit(item: LikeItem): Unit {
  if (item.kind !== "char") return { any: true };
  const code = item.char.codePointAt(0) ?? 0;

  return {
    any: false,
    a: code,
    b: singleCodePoint(item.char.toLowerCase(), code),
    c: singleCodePoint(item.char.toUpperCase(), code),
  };
}

/** Where `segment` ends when it matches `value` from `start`, or -1. */
function matchAt(value: string, start: number, segment: Segment): number {
  let i = start;
  for (const position of segment) {
    if (i >= value.length) return -1;
    const code = value.codePointAt(i) ?? 0;
    if (!position.any && code !== position.a && code !== position.b && code !== position.c) {
      return -1;
    }
    i += code > 0xffff ? 2 : 1;
  }

  return i;
}

/** The index `count` characters before the end of `value`, or -1 when it is shorter. */
function fromEnd(value: string, count: number): number {
  let i = value.length;
  for (let n = 0; n < count; n++) {
    if (i <= 0) return -1;
    i -= 1;
    const low = value.charCodeAt(i);
    const high = i > 0 ? value.charCodeAt(i - 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) i -= 1;
  }

  return i;
}

function nextCharacter(value: string, i: number): number {
  return i + ((value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
}

/** A whole-value, case-insensitive matcher for `pattern`. */
export function likeMatcher(pattern: LikePattern): (value: string) => boolean {
  const segments: Unit[][] = [[]];
  for (const item of pattern) {
    if (item.kind === "any") segments.push([]);
    else segments.at(-1)?.push(unit(item));
  }
  const [head = [], ...rest] = segments;
  if (rest.length === 0) return (value) => matchAt(value, 0, head) === value.length;
  const tail = rest.pop() ?? [];
  const middles = rest;

  return (value) => {
    let position = matchAt(value, 0, head);
    const tailStart = fromEnd(value, tail.length);
    if (position === -1 || tailStart === -1 || matchAt(value, tailStart, tail) !== value.length) {
      return false;
    }
    // Each middle part at its leftmost place leaves the most room for the rest.
    for (const middle of middles) {
      let end = -1;
      for (let i = position; i <= tailStart && end === -1; i = nextCharacter(value, i)) {
        end = matchAt(value, i, middle);
      }
      if (end === -1) return false;
      position = end;
    }

    return position <= tailStart;
  };
}

/** Multi-picklist membership: one of the `;`-separated entries equals one of `values`, ignoring case. */
export function includesMatcher(values: readonly string[]): (value: string) => boolean {
  const entries = values.map((entry) =>
    Array.from(entry, (char): Unit => unit({ kind: "char", char })),
  );

  return (value) => {
    let start = 0;
    while (start <= value.length) {
      const separator = value.indexOf(";", start);
      const end = separator === -1 ? value.length : separator;
      for (const entry of entries) {
        if (matchAt(value, start, entry) === end) return true;
      }
      start = end + 1;
    }

    return false;
  };
}
