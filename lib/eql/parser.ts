import {
  type ComparisonNode,
  type EqlNode,
  type FieldNode,
  type ListNode,
  type Operator,
  type OperationNode,
  type ScalarNode,
  type SubjectNode,
  type ValueNode,
} from "./ast";
import { positionAt, quote, type Span } from "./errors";
import { lex, type Token } from "./lexer";
import { TokenStream } from "./token-stream";
import { parseOperator } from "./parse-operator";
import { isFunctionCall, parseScalar, startsScalar, VALUE_EXPECTED } from "./parse-value";

export type EqlMode = "record" | "change";

export interface ParseOptions {
  /** `change` for triggered-action filters: `Current.X`, `Previous.X` and `Operation`. */
  mode?: EqlMode;
}

/** Parentheses and NOTs deeper than this are refused, so no input can exhaust the stack. */
export const MAX_DEPTH = 100;

export const CHANGE_SCOPES = ["Current", "Previous"] as const;

export function subjectExpected(mode: EqlMode): string[] {
  return mode === "change"
    ? ["Current.", "Previous.", "Operation", "NOT", "("]
    : ["a field name", "NOT", "("];
}

/**
 * Recursive descent over the grammar in lens-api.md §3:
 *
 *   filter     := or EOF
 *   or         := and (OR and)*
 *   and        := not (AND not)*
 *   not        := NOT not | '(' or ')' | comparison
 *   comparison := subject operator value | scalar ('==' | '!=') subject
 *   value      := scalar | '[' scalar (',' scalar)* ']' | field
 *   scalar     := string | '-'? number | true | false | null | date | date-time
 *               | NOW() (('+' | '-') duration)? | duration
 *   duration   := 7d | duration(7 days)
 */
class Parser {
  private depth = 0;

  constructor(
    private readonly stream: TokenStream,
    private readonly mode: EqlMode,
  ) {}

  filter(): EqlNode {
    const { stream } = this;
    if (stream.peek().kind === "eof") {
      const whole = { offset: 0, length: stream.text.length };
      stream.failAt(whole, "filter is empty", subjectExpected(this.mode));
    }
    const node = this.or();
    const token = stream.peek();
    if (token.kind === "symbol" && token.symbol === ")") {
      stream.fail(token, "this ')' closes nothing", ["AND", "OR", "the end of the filter"]);
    }
    if (token.kind !== "eof") {
      stream.fail(token, `expected AND, OR or the end of the filter, found ${quote(token.text)}`, [
        "AND",
        "OR",
        "the end of the filter",
      ]);
    }

    return node;
  }

  private or(): EqlNode {
    return this.chain("OR", () => this.and());
  }

  private and(): EqlNode {
    return this.chain("AND", () => this.not());
  }

  private chain(keyword: "AND" | "OR", operand: () => EqlNode): EqlNode {
    const first = operand();
    const operands = [first];
    while (this.stream.isKeyword(keyword)) {
      this.stream.next();
      operands.push(operand());
    }
    const last = operands.at(-1) ?? first;
    if (operands.length === 1) return first;
    const span = spanBetween(first.span, last.span);

    return keyword === "AND" ? { kind: "and", operands, span } : { kind: "or", operands, span };
  }

  private not(): EqlNode {
    const { stream } = this;
    const token = stream.peek();
    if (stream.isKeyword("NOT")) {
      stream.next();
      const operand = this.nested(token, () => this.not());

      return { kind: "not", operand, span: spanBetween(token, operand.span) };
    }
    if (token.kind === "symbol" && token.symbol === "(") {
      stream.next();
      const inner = this.nested(token, () => this.or());
      const close = stream.peek();
      if (close.kind !== "symbol" || close.symbol !== ")") {
        const { line, column } = positionAt(stream.text, token.offset);
        const found = close.kind === "eof" ? "" : `, found ${quote(close.text)}`;
        stream.fail(
          close,
          `expected ')' to close the '(' at line ${line}, column ${column}${found}`,
          [")", "AND", "OR"],
        );
      }
      stream.next();

      return inner;
    }

    return this.comparison();
  }

  private nested<T>(opener: Token, parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      this.stream.fail(opener, `the filter nests too deeply (more than ${MAX_DEPTH} levels)`);
    }
    const result = parse();
    this.depth -= 1;

    return result;
  }

  private comparison(): ComparisonNode {
    if (startsScalar(this.stream)) return this.valueFirst();
    const subject = this.subject();
    const { operator, span: operatorSpan } = parseOperator(this.stream, subject.span);
    const value = this.value(operator);

    return {
      kind: "comparison",
      subject,
      operator,
      operatorSpan,
      value,
      span: spanBetween(subject.span, value.span),
    };
  }

  /**
   * `null == Description`: §3 lets a comparison with null work both ways, so
   * == and != take their value first as well, for any value. The tree is the
   * one `Description == null` gives, so the filter prints field first.
   */
  private valueFirst(): ComparisonNode {
    const { stream } = this;
    const value = parseScalar(stream, "");
    const { operator, span: operatorSpan } = parseOperator(stream, value.span);
    const token = stream.peek();
    if (token.kind !== "path" || isFunctionCall(stream)) {
      const found = token.kind === "eof" ? "" : `, found ${quote(token.text)}`;
      const reason = `expected a field name after '${operator}'${found}: one side must be a field`;

      return stream.fail(token, reason, subjectExpected(this.mode));
    }
    if (operator !== "==" && operator !== "!=") {
      const valueText = stream.text.slice(value.span.offset, value.span.offset + value.span.length);
      const written = `${token.text} ${MIRRORED[operator] ?? operator} ${valueText}`;
      const reason = `only == and != may have the value first; write ${written}`;

      return stream.failAt(operatorSpan, reason, ["==", "!="]);
    }
    stream.next();
    const subject = this.field(token);

    return {
      kind: "comparison",
      subject,
      operator,
      operatorSpan,
      value,
      span: spanBetween(value.span, subject.span),
    };
  }

  private subject(): SubjectNode {
    const { stream } = this;
    const token = stream.peek();
    if (token.kind === "path") {
      stream.next();

      return this.field(token);
    }
    const previous = stream.previous();
    const where = previous ? ` after ${quote(previous.text)}` : "";
    const found = token.kind === "eof" ? "" : `, found ${quote(token.text)}`;

    return stream.fail(token, `expected a field name${where}${found}`, subjectExpected(this.mode));
  }

  /** A path as a field; in change mode it may start with a scope, and `Operation` is special. */
  private field(token: Token & { kind: "path" }): FieldNode | OperationNode {
    const span = { offset: token.offset, length: token.length };
    const [first, ...rest] = token.segments;
    if (this.mode === "change" && first !== undefined) {
      const scope = CHANGE_SCOPES.find((candidate) => candidate === first);
      if (scope && rest.length === 0) {
        const end = { offset: token.offset + token.length, length: 0 };
        this.stream.failAt(
          end,
          `expected '.' and a field name after '${scope}', as in ${scope}.Name`,
          ["."],
        );
      }
      if (scope) return { kind: "field", scope, path: rest, span };
      if (first === "Operation" && rest.length === 0) return { kind: "operation", span };
    }

    return { kind: "field", scope: null, path: token.segments, span };
  }

  private value(operator: Operator): ValueNode {
    const { stream } = this;
    const token = stream.peek();
    const isOpen = token.kind === "symbol" && token.symbol === "[";
    if (operator === "IN" || operator === "NOTIN") {
      if (!isOpen) {
        stream.fail(token, `expected '[' after ${operator}, as in ${operator} ['a', 'b']`, ["["]);
      }

      return this.list();
    }
    if (isOpen) {
      if (operator === "INCLUDES" || operator === "EXCLUDES") return this.list();
      stream.fail(
        token,
        `a list can only follow IN, NOTIN, INCLUDES or EXCLUDES, not ${operator}`,
        VALUE_EXPECTED,
      );
    }
    if (token.kind === "path" && !isFunctionCall(stream)) {
      stream.next();

      return this.field(token);
    }

    return parseScalar(stream, `after '${operator}'`);
  }

  private list(): ListNode {
    const { stream } = this;
    const open = stream.next();
    const items: ScalarNode[] = [];
    const close = stream.peek();
    if (close.kind === "symbol" && close.symbol === "]") {
      stream.failAt(spanBetween(open, close), "a list needs at least one value", VALUE_EXPECTED);
    }
    for (;;) {
      items.push(parseScalar(stream, items.length === 0 ? "in the list" : "after ','"));
      const separator = stream.next();
      if (separator.kind === "symbol" && separator.symbol === "]") {
        return { kind: "list", items, span: spanBetween(open, separator) };
      }
      if (separator.kind !== "symbol" || separator.symbol !== ",") {
        const found = separator.kind === "eof" ? "" : `, found ${quote(separator.text)}`;
        stream.fail(separator, `expected ',' or ']' in the list${found}`, [",", "]"]);
      }
    }
  }
}

/** The operator that says the same with its sides swapped: `5 < Duration` is `Duration > 5`. */
const MIRRORED: Partial<Record<Operator, Operator>> = {
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
};

export function spanBetween(first: Span, last: Span): Span {
  return { offset: first.offset, length: last.offset + last.length - first.offset };
}

/** Parses a filter; throws EqlError for anything that is not one. */
export function parse(text: string, options: ParseOptions = {}): EqlNode {
  const stream = new TokenStream(text, lex(text));

  return new Parser(stream, options.mode ?? "record").filter();
}
