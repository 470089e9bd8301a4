import { COMPARISON_OPERATORS, WORD_OPERATORS, type Operator } from "./ast";
import { quote, type Span } from "./errors";
import type { TokenStream } from "./token-stream";

/**
 * The operator after the left side of a comparison (`left`, for the error
 * that quotes it), with advice for `NOT IN` and `NOT LIKE` written apart.
 */
export function parseOperator(stream: TokenStream, left: Span): { operator: Operator; span: Span } {
  const token = stream.next();
  const span = { offset: token.offset, length: token.length };
  if (token.kind === "symbol") {
    const operator = COMPARISON_OPERATORS.find((candidate) => candidate === token.symbol);
    if (operator) return { operator, span };
  }
  if (token.kind === "keyword") {
    const operator = WORD_OPERATORS.find((candidate) => candidate === token.keyword);
    if (operator) return { operator, span };
    const following = stream.peek();
    if (token.keyword === "NOT" && following.kind === "keyword") {
      const joined = `NOT${following.keyword}`;
      if (joined === "NOTIN" || joined === "NOTLIKE") {
        const both = {
          offset: token.offset,
          length: following.offset + following.length - token.offset,
        };
        stream.failAt(both, `write ${joined} as one word`, [joined]);
      }
    }
  }
  const leftText = stream.text.slice(left.offset, left.offset + left.length);
  const found = token.kind === "eof" ? "" : `, found ${quote(token.text)}`;

  return stream.fail(token, `expected an operator after ${quote(leftText)}${found}`, [
    ...COMPARISON_OPERATORS,
    ...WORD_OPERATORS,
  ]);
}
