import { COMPARISON_OPERATORS, WORD_OPERATORS } from "./ast";
import type { Span } from "./errors";
import { lex, type Token } from "./lexer";

/** Where the cursor stands in the grammar, worked out from the tokens before it. */
export interface CompletionContext {
  readonly expects:
    | "subject"
    /** A field name alone, as after `null ==`: no NOT or `(` there. */
    | "field"
    | "operator"
    | "value"
    | "listOpen"
    | "listItem"
    | "connective"
    | "nothing";
  /** What has been typed of the word at the cursor; a string keeps its opening quote. */
  readonly typed: string;
  /** The text a completion replaces. */
  readonly range: Span;
  /** The names before the last dot of a dotted name being typed: `Region.Na` gives `["Region"]`. */
  readonly pathBefore: readonly string[];
  /** The field the current condition is about, as written (with its Current./Previous.). */
  readonly subject: readonly string[] | null;
  readonly operator: string | null;
}

type State =
  | CompletionContext["expects"]
  /** Inside NOW(...) or duration(...), counting parentheses. */
  | "call"
  | "listSeparator"
  /** After NOW() +/-: a duration. */
  | "offset"
  /** After a value written first (`null == Description`): == or !=, then the field. */
  | "valueFirstOperator"
  | "valueFirstSubject";

const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function completionContext(text: string, offset: number): CompletionContext {
  const before = text.slice(0, offset);
  const tokens = lex(before).filter((token) => token.kind !== "eof");
  const last = tokens.at(-1);
  let typed = "";
  let range: Span = { offset, length: 0 };
  let pathBefore: string[] = [];
  let context = tokens;

  if (last && last.offset + last.length === offset) {
    const isWord =
      last.kind === "path" ||
      last.kind === "keyword" ||
      (last.kind === "invalid" && NAME_LIKE.test(last.text));
    if (isWord) {
      const segments = last.text.split(".");
      typed = segments.at(-1) ?? "";
      pathBefore = segments.slice(0, -1);
      range = { offset: offset - typed.length, length: typed.length };
      context = tokens.slice(0, -1);
    } else if (last.kind === "invalid" && last.text.startsWith("'")) {
      // An unfinished string: replace it whole, with the closing quote an editor may have added.
      typed = last.text;
      const closing = text.charAt(offset) === "'" ? 1 : 0;
      range = { offset: last.offset, length: offset - last.offset + closing };
      context = tokens.slice(0, -1);
    }
  }

  const walked = walk(context);

  return { ...walked, typed, range, pathBefore };
}

function walk(tokens: readonly Token[]) {
  let state: State = "subject";
  let subject: readonly string[] | null = null;
  let operator: string | null = null;
  let calls = 0;
  const isSymbol = (token: Token, ...symbols: string[]) =>
    token.kind === "symbol" && symbols.includes(token.symbol);
  const isScalar = (token: Token) =>
    ["string", "number", "date", "datetime", "duration"].includes(token.kind) ||
    (token.kind === "keyword" && ["TRUE", "FALSE", "NULL"].includes(token.keyword));
  const isCall = (token: Token) =>
    token.kind === "path" && ["now", "duration"].includes(token.text.toLowerCase());

  for (const token of tokens) {
    switch (state) {
      case "subject":
        if (token.kind === "path") {
          subject = token.segments;
          state = "operator";
        } else if (isScalar(token)) {
          state = "valueFirstOperator";
        } else if (
          !(token.kind === "keyword" && token.keyword === "NOT") &&
          !isSymbol(token, "(")
        ) {
          state = "nothing";
        }
        break;
      case "operator": {
        const symbol =
          token.kind === "symbol"
            ? COMPARISON_OPERATORS.find((op) => op === token.symbol)
            : undefined;
        const word =
          token.kind === "keyword" ? WORD_OPERATORS.find((op) => op === token.keyword) : undefined;
        operator = symbol ?? word ?? null;
        state =
          operator === null
            ? "nothing"
            : operator === "IN" || operator === "NOTIN"
              ? "listOpen"
              : "value";
        break;
      }
      case "valueFirstOperator":
        state = isSymbol(token, "==", "!=") ? "valueFirstSubject" : "nothing";
        break;
      case "valueFirstSubject":
        subject = token.kind === "path" ? token.segments : null;
        state = subject ? "connective" : "nothing";
        break;
      case "listOpen":
        state = isSymbol(token, "[") ? "listItem" : "nothing";
        break;
      case "value":
        if (isSymbol(token, "[")) state = "listItem";
        else if (isCall(token)) state = "call";
        else if (isScalar(token) || token.kind === "path") state = "connective";
        else if (!isSymbol(token, "-")) state = "nothing";
        break;
      case "call":
        if (isSymbol(token, "(")) calls += 1;
        if (isSymbol(token, ")")) calls -= 1;
        if (calls === 0) state = "connective";
        break;
      case "listItem":
        if (isScalar(token)) state = "listSeparator";
        else if (!isSymbol(token, "-")) state = "nothing";
        break;
      case "listSeparator":
        state = isSymbol(token, ",") ? "listItem" : isSymbol(token, "]") ? "connective" : "nothing";
        break;
      case "connective":
        if (token.kind === "keyword" && (token.keyword === "AND" || token.keyword === "OR")) {
          state = "subject";
          subject = null;
          operator = null;
        } else if (isSymbol(token, "+", "-")) {
          state = "offset";
        } else if (!isSymbol(token, ")")) {
          state = "nothing";
        }
        break;
      case "offset":
        state = isCall(token) ? "call" : token.kind === "duration" ? "connective" : "nothing";
        break;
      case "nothing":
        break;
    }
  }
  const expects: CompletionContext["expects"] =
    state === "valueFirstSubject"
      ? "field"
      : state === "call" ||
          state === "listSeparator" ||
          state === "offset" ||
          state === "valueFirstOperator"
        ? "nothing"
        : state;

  return { expects, subject, operator };
}
