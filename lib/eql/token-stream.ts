import { EqlError, type Span } from "./errors";
import type { ReservedWord, Token } from "./tokens";

/** The parser's view of the tokens: look ahead, consume, and fail with a position. */
export class TokenStream {
  private index = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];

    // The lexer always ends with an eof token; this covers an empty array all the same.
    return token ?? { kind: "eof", offset: this.text.length, length: 0, text: "" };
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;

    return token;
  }

  previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  isKeyword(keyword: ReservedWord): boolean {
    const token = this.peek();

    return token.kind === "keyword" && token.keyword === keyword;
  }

  isSymbol(symbol: string): boolean {
    return this.isSymbolAt(0, symbol);
  }

  isSymbolAt(ahead: number, symbol: string): boolean {
    const token = this.peek(ahead);

    return token.kind === "symbol" && token.symbol === symbol;
  }

  /** Fails at `token`; an unreadable token reports its own reason, which says more. */
  fail(token: Token, reason: string, expected: readonly string[] = []): never {
    if (token.kind === "invalid") {
      throw new EqlError(this.text, token.problem, token.reason, token.expected);
    }

    return this.failAt(token, reason, expected);
  }

  failAt(span: Span, reason: string, expected: readonly string[] = []): never {
    throw new EqlError(this.text, { offset: span.offset, length: span.length }, reason, expected);
  }
}
