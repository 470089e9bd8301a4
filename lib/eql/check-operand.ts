import { durationMs, type ScalarNode } from "./ast";
import type { CheckContext } from "./check";
import { TYPE_DESCRIPTIONS } from "./check-test";
import type { Operand, ValueKind } from "./predicate";
import type { EqlField } from "./schema";

const WANTED: Readonly<Record<ValueKind, string>> = {
  text: "a string in quotes",
  number: "a number",
  boolean: "true or false",
  instant: "a date, a date-time or NOW()",
};

const WANTED_TOKENS: Readonly<Record<ValueKind, readonly string[]>> = {
  text: ["a string"],
  number: ["a number"],
  boolean: ["true", "false"],
  instant: ["a date", "a date-time", "NOW()"],
};

const DESCRIBED: Readonly<Record<ScalarNode["kind"], string>> = {
  string: "a string",
  number: "a number",
  boolean: "true/false",
  null: "null",
  date: "a date",
  datetime: "a date-time",
  duration: "a duration",
  now: "NOW()",
};

/**
 * How far NOW() may be moved. Far enough for any real filter, and near
 * enough that the instant stays a valid Date in a query and within the
 * four-digit years, where SQLite's text dates sort as time does.
 */
const MAX_NOW_OFFSET_DAYS = 365_000;

function withinNowLimit(offsetMs: number): boolean {
  return Math.abs(offsetMs) <= durationMs({ amount: MAX_NOW_OFFSET_DAYS, unit: "days" });
}

function valueKindOf(field: EqlField): ValueKind {
  switch (field.type) {
    case "integer":
    case "decimal":
      return "number";
    case "boolean":
      return "boolean";
    case "date":
    case "datetime":
      return "instant";
    default:
      return "text";
  }
}

/** Converts a literal to the kind of value `field` holds, or reports why it does not fit. */
export function toOperand(
  context: CheckContext,
  field: EqlField,
  name: string,
  value: ScalarNode,
): Operand | null {
  const kind = valueKindOf(field);
  if (value.kind === "duration") {
    const hint = kind === "number" ? `; compare '${name}' with a plain number` : "";
    const reason = `a duration can only be added to or taken from NOW(), as in NOW() - 7d${hint}`;
    context.report(value.span, reason, WANTED_TOKENS[kind]);

    return null;
  }
  const operand = convert(kind, value);
  if (operand?.kind === "now" && value.kind === "now" && !withinNowLimit(operand.offsetMs)) {
    const reason = `NOW() can be moved by at most ${MAX_NOW_OFFSET_DAYS} days (about 1,000 years)`;
    context.report(value.offset?.duration.span ?? value.span, reason, ["7d", "duration(7 days)"]);

    return null;
  }
  if (!operand) {
    const reason =
      `'${name}' is ${TYPE_DESCRIPTIONS[field.type]}: ` +
      `compare it with ${WANTED[kind]}, not ${DESCRIBED[value.kind]}`;
    context.report(value.span, reason, WANTED_TOKENS[kind]);

    return null;
  }
  if (
    operand.kind === "number" &&
    field.type === "integer" &&
    !Number.isSafeInteger(operand.value)
  ) {
    context.report(value.span, `'${name}' holds whole numbers; ${operand.value} is not one`, [
      "a whole number",
    ]);

    return null;
  }

  return operand;
}

function convert(kind: ValueKind, value: ScalarNode): Operand | null {
  switch (value.kind) {
    case "string":
      return kind === "text" ? { kind: "text", value: value.value } : null;
    case "number":
      return kind === "number" ? { kind: "number", value: value.value } : null;
    case "boolean":
      return kind === "boolean" ? { kind: "boolean", value: value.value } : null;
    case "date":
    case "datetime":
      return kind === "instant" ? { kind: "instant", epochMs: value.epochMs } : null;
    case "now": {
      if (kind !== "instant") return null;
      const offset = value.offset;

      return { kind: "now", offsetMs: offset ? offset.sign * durationMs(offset.duration) : 0 };
    }
    default:
      return null;
  }
}
