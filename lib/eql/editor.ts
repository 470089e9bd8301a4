import { checkFilter } from "./check";
import { EqlError, positionAt } from "./errors";
import { lex, type Token as LexToken } from "./lexer";
import { parse, type EqlMode } from "./parser";
import type { EqlSchema } from "./schema";

/**
 * Pure functions behind the console's filter editor: problems with ranges,
 * and token classes for colouring. Completions live in completions.ts.
 */
export interface EditorOptions {
  mode?: EqlMode;
}

export interface Diagnostic {
  readonly severity: "error";
  /** Without the position, which the range carries. */
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** 1-based, as Monaco counts. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly expected: readonly string[];
}

function toDiagnostic(text: string, error: EqlError): Diagnostic {
  const end = positionAt(text, error.offset + error.length);

  return {
    severity: "error",
    message: error.reason,
    offset: error.offset,
    length: error.length,
    line: error.line,
    column: error.column,
    endLine: end.line,
    endColumn: end.column,
    expected: error.expected,
  };
}

/**
 * Every problem in a filter. A syntax error stops parsing, so it comes
 * alone; otherwise every schema problem is listed.
 */
export function diagnostics(
  text: string,
  schema: EqlSchema,
  objectName: string,
  options: EditorOptions = {},
): Diagnostic[] {
  const mode = options.mode ?? "record";
  try {
    const ast = parse(text, { mode });

    return checkFilter(ast, text, schema, objectName, mode).errors.map((error) =>
      toDiagnostic(text, error),
    );
  } catch (error) {
    if (error instanceof EqlError) return [toDiagnostic(text, error)];
    throw error;
  }
}

export type TokenClass =
  | "keyword"
  | "operator"
  | "constant"
  | "function"
  | "unit"
  | "field"
  | "string"
  | "number"
  | "date"
  | "duration"
  | "punctuation"
  | "invalid";

export interface SyntaxToken {
  readonly offset: number;
  readonly length: number;
  readonly class: TokenClass;
}

const LOGICAL = new Set(["AND", "OR", "NOT"]);
const CONSTANTS = new Set(["TRUE", "FALSE", "NULL"]);
const PUNCTUATION = new Set(["(", ")", "[", "]", ","]);

function classify(tokens: readonly LexToken[], index: number): TokenClass {
  const token = tokens[index];
  if (!token) return "invalid";
  switch (token.kind) {
    case "path": {
      const word = token.text.toLowerCase();
      const following = tokens[index + 1];
      const opensCall = following?.kind === "symbol" && following.symbol === "(";
      if ((word === "now" || word === "duration") && opensCall) return "function";
      // The unit in duration(7 days): two tokens back is `duration(`.
      const call = tokens[index - 3];
      if (call?.kind === "path" && call.text.toLowerCase() === "duration") return "unit";

      return "field";
    }
    case "keyword":
      if (LOGICAL.has(token.keyword)) return "keyword";

      return CONSTANTS.has(token.keyword) ? "constant" : "operator";
    case "symbol":
      return PUNCTUATION.has(token.symbol) ? "punctuation" : "operator";
    case "datetime":
      return "date";
    case "eof":
      return "invalid";
    default:
      return token.kind;
  }
}

/** Token classes for syntax colouring. Never throws; text it cannot read is `invalid`. */
export function tokenize(text: string): SyntaxToken[] {
  const tokens = lex(text).filter((token) => token.kind !== "eof");

  return tokens.map((token, index) => ({
    offset: token.offset,
    length: token.length,
    class: classify(tokens, index),
  }));
}
