import type { DurationNode, NowNode, ScalarNode } from "./ast";
import { quote, type Span } from "./errors";
import { longUnit } from "./tokens";
import type { TokenStream } from "./token-stream";

export const VALUE_EXPECTED = [
  "a string",
  "a number",
  "true",
  "false",
  "null",
  "a date",
  "a date-time",
  "NOW()",
] as const;

const DURATION_EXPECTED = ["7d", "duration(7 days)"];
const UNIT_EXPECTED = ["milliseconds", "seconds", "minutes", "hours", "days"];

/** Whether the next token begins a literal rather than a field name. */
export function startsScalar(stream: TokenStream): boolean {
  const token = stream.peek();
  switch (token.kind) {
    case "string":
    case "number":
    case "date":
    case "datetime":
    case "duration":
      return true;
    case "keyword":
      return token.keyword === "TRUE" || token.keyword === "FALSE" || token.keyword === "NULL";
    case "symbol":
      return token.symbol === "-";
    case "path":
      return isFunctionCall(stream);
    default:
      return false;
  }
}

/** `now(` and `duration(` are functions; the same words without `(` are field names. */
export function isFunctionCall(stream: TokenStream): boolean {
  const token = stream.peek();
  const word = token.kind === "path" ? token.text.toLowerCase() : "";

  return (word === "now" || word === "duration") && stream.isSymbolAt(1, "(");
}

/** Parses one literal; `where` finishes the sentence "expected a value ...". */
export function parseScalar(stream: TokenStream, where: string): ScalarNode {
  const token = stream.peek();
  const span = { offset: token.offset, length: token.length };
  switch (token.kind) {
    case "string":
      stream.next();

      return { kind: "string", value: token.value, span };
    case "number":
      stream.next();

      return { kind: "number", value: token.value, span };
    case "date":
      stream.next();

      return { kind: "date", text: token.text, epochMs: token.epochMs, span };
    case "datetime":
      stream.next();

      return { kind: "datetime", text: token.text, epochMs: token.epochMs, span };
    case "duration":
      stream.next();

      return { kind: "duration", amount: token.amount, unit: token.unit, span };
    case "keyword":
      if (token.keyword === "TRUE" || token.keyword === "FALSE") {
        stream.next();

        return { kind: "boolean", value: token.keyword === "TRUE", span };
      }
      if (token.keyword === "NULL") {
        stream.next();

        return { kind: "null", span };
      }
      break;
    case "symbol":
      if (token.symbol === "-") return negativeNumber(stream);
      break;
    case "path": {
      const word = token.text.toLowerCase();
      const callsFunction = stream.isSymbolAt(1, "(");
      if (word === "now" && callsFunction) return parseNow(stream);
      if (word === "duration" && callsFunction) return parseDurationCall(stream);
      break;
    }
    default:
      break;
  }
  const found = token.kind === "eof" ? "" : `, found ${quote(token.text)}`;

  return stream.fail(token, `expected a value ${where}${found}`, VALUE_EXPECTED);
}

function negativeNumber(stream: TokenStream): ScalarNode {
  const minus = stream.next();
  const token = stream.peek();
  if (token.kind !== "number" || token.offset !== minus.offset + 1) {
    return stream.fail(token, "expected a number right after '-'", ["a number"]);
  }
  stream.next();

  return {
    kind: "number",
    value: -token.value,
    span: { offset: minus.offset, length: token.offset + token.length - minus.offset },
  };
}

function expectSymbol(stream: TokenStream, symbol: string, reason: string): void {
  if (!stream.isSymbol(symbol)) stream.fail(stream.peek(), reason, [symbol]);
  stream.next();
}

/** `NOW()`, `NOW() - 7d`, `NOW() + duration(2 hours)`: at most one offset. */
function parseNow(stream: TokenStream): NowNode {
  const start = stream.next();
  stream.next();
  expectSymbol(stream, ")", "expected ')' after 'NOW('");
  let end: Span = stream.previous() ?? start;
  let offset: NowNode["offset"] = null;
  const sign = stream.peek();
  if (sign.kind === "symbol" && (sign.symbol === "+" || sign.symbol === "-")) {
    stream.next();
    const duration = parseDuration(
      stream,
      `expected a duration after '${sign.symbol}', such as 7d or duration(7 days)`,
    );
    offset = { sign: sign.symbol === "+" ? 1 : -1, duration };
    end = duration.span;
    const another = stream.peek();
    if (another.kind === "symbol" && (another.symbol === "+" || another.symbol === "-")) {
      stream.fail(
        another,
        "NOW() takes at most one offset; add the durations up, as in NOW() - 90m",
      );
    }
  }

  return {
    kind: "now",
    offset,
    span: { offset: start.offset, length: end.offset + end.length - start.offset },
  };
}

function parseDuration(stream: TokenStream, reason: string): DurationNode {
  const token = stream.peek();
  if (token.kind === "duration") {
    stream.next();

    return {
      kind: "duration",
      amount: token.amount,
      unit: token.unit,
      span: { offset: token.offset, length: token.length },
    };
  }
  if (
    token.kind === "path" &&
    token.text.toLowerCase() === "duration" &&
    stream.isSymbolAt(1, "(")
  ) {
    return parseDurationCall(stream);
  }

  return stream.fail(token, reason, DURATION_EXPECTED);
}

/** `duration(3600 seconds)`: a whole number and a unit, singular or plural. */
function parseDurationCall(stream: TokenStream): DurationNode {
  const start = stream.next();
  stream.next();
  const amount = stream.peek();
  if (amount.kind !== "number" || !amount.integer || !Number.isSafeInteger(amount.value)) {
    const reason =
      amount.kind === "number"
        ? "a duration needs a whole number, such as duration(90 minutes) " +
          "rather than duration(1.5 hours)"
        : "expected a whole number after 'duration(', as in duration(7 days)";

    return stream.fail(amount, reason, ["a whole number"]);
  }
  stream.next();
  const unitToken = stream.peek();
  const unit = unitToken.kind === "path" ? longUnit(unitToken.text) : null;
  if (!unit) {
    const found = unitToken.kind === "eof" ? "" : `, found ${quote(unitToken.text)}`;

    return stream.fail(
      unitToken,
      `expected a unit after ${amount.text}: milliseconds, seconds, minutes, hours or days${found}`,
      UNIT_EXPECTED,
    );
  }
  stream.next();
  expectSymbol(stream, ")", `expected ')' to end duration(${amount.text} ${unitToken.text}`);
  const close = stream.previous() ?? unitToken;

  return {
    kind: "duration",
    amount: amount.value,
    unit,
    span: { offset: start.offset, length: close.offset + close.length - start.offset },
  };
}
