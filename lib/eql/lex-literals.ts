import type { Span } from "./errors";
import { scanDate } from "./lex-date";
import {
  invalidToken,
  isDigit,
  isNamePart,
  isNameStart,
  SHORT_UNITS,
  wordEnd,
  type Token,
} from "./tokens";

/** Keyed by the user's text, hence a Map: no inherited members can answer. */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ["'", "'"],
  ['"', '"'],
  ["\\", "\\"],
  ["n", "\n"],
  ["t", "\t"],
  ["r", "\r"],
]);

const ESCAPES_EXPECTED = ["\\'", "\\\\", "\\n", "\\t", "\\r"];

/**
 * A quoted string at `start`. A line break before the closing quote ends it
 * as unterminated, so one missing quote does not swallow the rest of the
 * filter. Double quotes are read only to say that strings use single ones.
 */
export function scanString(text: string, start: number): Token {
  const quote = text.charAt(start);
  let value = "";
  let badEscape: Span | null = null;
  let i = start + 1;
  for (; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === quote) break;
    if (char === "\n" || char === "\r") {
      return invalidToken(
        text,
        start,
        i,
        "this string is not closed; end it with ' on the same line",
        ["'"],
      );
    }
    if (char === "\\") {
      const next = text.charAt(i + 1);
      const escaped = ESCAPES.get(next);
      if (escaped === undefined) badEscape ??= { offset: i, length: next && next !== "\n" ? 2 : 1 };
      value += escaped ?? next;
      i += 1;
    } else {
      value += char;
    }
  }
  if (i >= text.length) {
    return invalidToken(text, start, text.length, "this string is not closed; end it with '", [
      "'",
    ]);
  }

  const end = i + 1;
  if (quote === '"') {
    return invalidToken(text, start, end, "strings use single quotes: 'like this'", ["'"]);
  }
  if (badEscape) {
    const escape = text.slice(badEscape.offset, badEscape.offset + badEscape.length);
    const reason =
      `unknown escape ${escape} in a string; ` + "use \\' for a quote and \\\\ for a backslash";

    return invalidToken(text, start, end, reason, ESCAPES_EXPECTED, badEscape);
  }

  return {
    kind: "string",
    offset: start,
    length: end - start,
    text: text.slice(start, end),
    value,
  };
}

/** A date, a date-time, a number, or a short duration such as `7d`, at `start`. */
export function scanNumberLike(text: string, start: number): Token {
  const date = scanDate(text, start);
  if (date) {
    const { end } = date;
    if (date.kind === "invalid") return invalidToken(text, start, end, date.reason, date.expected);
    if (end < text.length && isNamePart(text.charCodeAt(end))) {
      const what = date.kind === "date" ? "date" : "date-time";

      return invalidToken(text, start, wordEnd(text, end), `unexpected text after the ${what}`);
    }
    const source = text.slice(start, end);

    return {
      kind: date.kind,
      offset: start,
      length: end - start,
      text: source,
      epochMs: date.epochMs,
    };
  }

  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
  let integer = true;
  if (text.charAt(end) === "." && isDigit(text.charCodeAt(end + 1))) {
    integer = false;
    end += 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
  }
  const exponent = /^[eE][+-]?\d+/.exec(text.slice(end, end + 12));
  if (exponent) {
    integer = false;
    end += exponent[0].length;
    while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
  }
  const source = text.slice(start, end);
  const value = Number(source);

  if (end < text.length && isNameStart(text.charCodeAt(end))) {
    return shortDuration(text, start, end, value, integer);
  }
  if (!Number.isFinite(value)) {
    return invalidToken(text, start, end, `the number ${source} is too large`);
  }

  return { kind: "number", offset: start, length: end - start, text: source, value, integer };
}

function shortDuration(
  text: string,
  start: number,
  numberEnd: number,
  amount: number,
  integer: boolean,
): Token {
  const end = wordEnd(text, numberEnd);
  const suffix = text.slice(numberEnd, end);
  const unit = SHORT_UNITS.get(suffix.toLowerCase());
  if (!unit) {
    const reason =
      `unknown unit '${suffix}'; ` +
      "durations are written like 7d, with a unit of ms, s, m, h or d";
    const problem = { offset: numberEnd, length: end - numberEnd };

    return invalidToken(text, start, end, reason, [...SHORT_UNITS.keys()], problem);
  }
  if (!integer || !Number.isSafeInteger(amount)) {
    return invalidToken(
      text,
      start,
      end,
      "a duration needs a whole number, such as 90m rather than 1.5h",
    );
  }

  return {
    kind: "duration",
    offset: start,
    length: end - start,
    text: text.slice(start, end),
    amount,
    unit,
  };
}
