import { DURATION_UNITS, type DurationUnit } from "./ast";
import type { Span } from "./errors";

/** The words no field may be called, in any case. `NOW` and `duration` are not among them. */
export const RESERVED_WORDS = [
  "AND",
  "OR",
  "NOT",
  "IN",
  "NOTIN",
  "LIKE",
  "NOTLIKE",
  "INCLUDES",
  "EXCLUDES",
  "TRUE",
  "FALSE",
  "NULL",
] as const;

export type ReservedWord = (typeof RESERVED_WORDS)[number];

/** Longest first, so `<=` is read before `<`. */
export const SYMBOLS = [
  "==",
  "!=",
  "<=",
  ">=",
  "<",
  ">",
  "(",
  ")",
  "[",
  "]",
  ",",
  "+",
  "-",
] as const;

export type SymbolText = (typeof SYMBOLS)[number];

interface Base extends Span {
  /** The source text of the token. */
  readonly text: string;
}

export type Token =
  /** A name or a dotted path written without spaces: `Region.Name`. */
  | (Base & { readonly kind: "path"; readonly segments: readonly string[] })
  | (Base & { readonly kind: "keyword"; readonly keyword: ReservedWord })
  | (Base & { readonly kind: "string"; readonly value: string })
  | (Base & { readonly kind: "number"; readonly value: number; readonly integer: boolean })
  /** The short form `7d`. */
  | (Base & { readonly kind: "duration"; readonly amount: number; readonly unit: DurationUnit })
  | (Base & { readonly kind: "date"; readonly epochMs: number })
  | (Base & { readonly kind: "datetime"; readonly epochMs: number })
  | (Base & { readonly kind: "symbol"; readonly symbol: SymbolText })
  | (Base & {
      readonly kind: "invalid";
      readonly reason: string;
      readonly expected: readonly string[];
      /** The part to point at when it is narrower than the token, e.g. one bad escape. */
      readonly problem: Span;
    })
  | (Base & { readonly kind: "eof" });

export type TokenKind = Token["kind"];

/** A token for text that cannot be read; `problem` defaults to the whole of it. */
export function invalidToken(
  text: string,
  start: number,
  end: number,
  reason: string,
  expected: readonly string[] = [],
  problem: Span = { offset: start, length: end - start },
): Token {
  const source = text.slice(start, end);

  return {
    kind: "invalid",
    offset: start,
    length: end - start,
    text: source,
    reason,
    expected,
    problem,
  };
}

export function isReservedWord(word: string): word is ReservedWord {
  return RESERVED_WORDS.some((reserved) => reserved === word);
}

function isDurationUnit(word: string): word is DurationUnit {
  return DURATION_UNITS.some((unit) => unit === word);
}

/** Long unit names, singular or plural, any case: `hour`, `Hours`. */
export function longUnit(word: string): DurationUnit | null {
  const lower = word.toLowerCase();
  const plural = lower.endsWith("s") ? lower : `${lower}s`;

  return isDurationUnit(plural) ? plural : null;
}

/**
 * The short units of `7d`. A Map, not an object literal: the suffix is the
 * user's text, and `7constructor` must not find Object.prototype's members.
 */
export const SHORT_UNITS: ReadonlyMap<string, DurationUnit> = new Map([
  ["ms", "milliseconds"],
  ["s", "seconds"],
  ["m", "minutes"],
  ["h", "hours"],
  ["d", "days"],
]);

export const SHORT_UNIT_OF: Readonly<Record<DurationUnit, string>> = {
  milliseconds: "ms",
  seconds: "s",
  minutes: "m",
  hours: "h",
  days: "d",
};

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Names are ASCII letters, digits and `_`, starting with a letter or `_`. */
export function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}

export function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isNamePart(text.charCodeAt(end))) end += 1;

  return end;
}
