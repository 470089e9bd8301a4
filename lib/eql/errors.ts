/** A stretch of the filter text, in UTF-16 code units as JavaScript and Monaco count them. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** Where `offset` falls in `text`; only `\n` starts a line, so `\r\n` counts once. */
export function positionAt(text: string, offset: number): Position {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }

  return { line, column: end - lineStart + 1 };
}

/**
 * The one error EQL raises for anything a person typed: syntax, unknown
 * fields, type mismatches, and filters a database query cannot express. The
 * message starts with the position so it reads well on its own; `reason`
 * holds the same text without it, for editors that show the position
 * themselves.
 */
export class EqlError extends Error {
  override readonly name = "EqlError";
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
  /** What would have been accepted at this point, e.g. `["==", "IN"]`; may be empty. */
  readonly expected: readonly string[];
  readonly reason: string;

  constructor(text: string, span: Span, reason: string, expected: readonly string[] = []) {
    const { line, column } = positionAt(text, span.offset);
    super(`line ${line}, column ${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.offset = span.offset;
    this.length = span.length;
    this.expected = expected;
    this.reason = reason;
  }
}

/** Quotes source text for a message, shortening long pieces. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;

  return `'${short}'`;
}

/** `a`, `a or b`, `a, b or c`. */
export function listOf(items: readonly string[], joiner = "or"): string {
  if (items.length <= 1) return items.join("");

  return `${items.slice(0, -1).join(", ")} ${joiner} ${items.at(-1) ?? ""}`;
}
