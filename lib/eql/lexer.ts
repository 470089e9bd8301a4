import { scanNumberLike, scanString } from "./lex-literals";
import {
  invalidToken,
  isDigit,
  isNameStart,
  isReservedWord,
  SYMBOLS,
  wordEnd,
  type Token,
} from "./tokens";

export type { Token } from "./tokens";

/**
 * Turns filter text into tokens. It never throws: anything it cannot read
 * becomes an `invalid` token carrying the reason, which the parser reports
 * and the editor colours. Only the reserved words become keywords here:
 * `Duration` is a field of Jobs while `duration(...)` is a function, and the
 * parser tells them apart by the `(` that follows.
 */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char.trim() === "") {
      position += 1;
      continue;
    }
    const code = text.charCodeAt(position);
    const token =
      char === "'" || char === '"'
        ? scanString(text, position)
        : isDigit(code)
          ? scanNumberLike(text, position)
          : isNameStart(code)
            ? scanPath(text, position)
            : scanSymbol(text, position);
    tokens.push(token);
    position = token.offset + token.length;
  }
  tokens.push({ kind: "eof", offset: text.length, length: 0, text: "" });

  return tokens;
}

/** `Name`, `Region.Name`, `Current.Region.Name`; no spaces around the dots. */
function scanPath(text: string, start: number): Token {
  const segments: string[] = [];
  let end = start;
  for (;;) {
    const segmentEnd = wordEnd(text, end);
    segments.push(text.slice(end, segmentEnd));
    end = segmentEnd;
    if (text.charAt(end) !== ".") break;
    if (!isNameStart(text.charCodeAt(end + 1))) {
      const reason = `expected a field name right after '${text.slice(start, end + 1)}'`;

      return invalidToken(text, start, end + 1, reason, ["a field name"], {
        offset: end + 1,
        length: 0,
      });
    }
    end += 1;
  }
  const word = text.slice(start, end);
  const upper = word.toUpperCase();
  if (segments.length === 1 && isReservedWord(upper)) {
    return { kind: "keyword", offset: start, length: end - start, text: word, keyword: upper };
  }

  return { kind: "path", offset: start, length: end - start, text: word, segments };
}

/** Habits from other languages, answered with what EQL writes instead; keyed by the user's text. */
const HINTS: ReadonlyMap<string, readonly [string, readonly string[]]> = new Map([
  ["<>", ["use != for 'not equal'", ["!="]]],
  ["&&", ["use AND to combine conditions", ["AND"]]],
  ["||", ["use OR for alternatives", ["OR"]]],
  ["=<", ["use <= for 'at most'", ["<="]]],
  ["=>", ["use >= for 'at least'", [">="]]],
]);

function scanSymbol(text: string, start: number): Token {
  const hint = HINTS.get(text.slice(start, start + 2));
  if (hint) return invalidToken(text, start, start + 2, hint[0], hint[1]);
  const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, start));
  if (symbol) return { kind: "symbol", offset: start, length: symbol.length, text: symbol, symbol };

  const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
  switch (char) {
    case "=":
      return invalidToken(text, start, start + 1, "use == to compare", ["=="]);
    case "!":
      return invalidToken(
        text,
        start,
        start + 1,
        "use != for 'not equal', or NOT before a condition",
        ["!=", "NOT"],
      );
    case ".":
      return invalidToken(text, start, start + 1, "a '.' must join two names, as in Region.Name", [
        "a field name",
      ]);
    default:
      return invalidToken(text, start, start + char.length, `unexpected character '${char}'`);
  }
}
