import type {
  ComparisonNode,
  FieldNode,
  ListNode,
  Operator,
  ScalarNode,
  SubjectNode,
  ValueNode,
} from "./ast";
import type { CheckContext } from "./check";
import { toOperand } from "./check-operand";
import { listOf } from "./errors";
import { parseLikePattern } from "./like-pattern";
import type { Check, FieldSubject, Operand, Order, Predicate, Subject, Test } from "./predicate";
import type { EqlField, EqlFieldType } from "./schema";
import { didYouMean } from "./suggest";

const EQUALITY: readonly Operator[] = ["==", "!="];
const ORDERS: readonly Operator[] = ["<", "<=", ">", ">="];
const TEXT: readonly Operator[] = ["==", "!=", "IN", "NOTIN", "LIKE", "NOTLIKE"];

/**
 * Which operators fit which type of field.
 *
 * LIMITATION: text cannot be ordered (`Name > 'M'`): SQLite orders by bytes
 * and PostgreSQL by its collation, so a query would not mean what the
 * evaluator means; filters needing it must use LIKE or IN instead.
 */
export const OPERATORS_FOR: Readonly<Record<EqlFieldType, readonly Operator[]>> = {
  id: ["==", "!=", "IN", "NOTIN"],
  string: TEXT,
  picklist: TEXT,
  multipicklist: ["==", "!=", "LIKE", "NOTLIKE", "INCLUDES", "EXCLUDES"],
  boolean: EQUALITY,
  integer: [...EQUALITY, ...ORDERS, "IN", "NOTIN"],
  decimal: [...EQUALITY, ...ORDERS, "IN", "NOTIN"],
  datetime: [...EQUALITY, ...ORDERS],
  date: [...EQUALITY, ...ORDERS],
};

export const TYPE_DESCRIPTIONS: Readonly<Record<EqlFieldType, string>> = {
  id: "an id",
  string: "a text field",
  picklist: "a picklist",
  multipicklist: "a multi-picklist",
  boolean: "a true/false field",
  integer: "a whole-number field",
  decimal: "a number field",
  datetime: "a date-time field",
  date: "a date field",
};

export const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;

export const OPERATION_OPERATORS: readonly Operator[] = ["==", "!=", "IN", "NOTIN"];

/** `Operation` checks like a picklist of the three kinds of change. */
export const OPERATION_FIELD: EqlField = {
  name: "Operation",
  type: "picklist",
  values: OPERATIONS,
};

const NEGATIONS: Partial<Record<Operator, Operator>> = {
  "!=": "==",
  NOTIN: "IN",
  NOTLIKE: "LIKE",
  EXCLUDES: "INCLUDES",
};

/** One comparison as a test of its positive form, wrapped in NOT for negative operators. */
export function buildTest(context: CheckContext, node: ComparisonNode): Predicate | null {
  const subject: Subject | null =
    node.subject.kind === "operation"
      ? { kind: "operation", valueKind: "text" }
      : context.resolveField(node.subject);
  const otherField = node.value.kind === "field" ? checkOtherField(context, node.value) : null;
  if (!subject) return null;
  const field = subject.kind === "field" ? subject.field : OPERATION_FIELD;
  const name = subjectName(node.subject);

  const allowed = subject.kind === "operation" ? OPERATION_OPERATORS : OPERATORS_FOR[field.type];
  if (!allowed.includes(node.operator)) {
    const reason =
      `${node.operator} does not apply to '${name}', ${TYPE_DESCRIPTIONS[field.type]}; ` +
      `use ${listOf(allowed)}`;
    context.report(node.operatorSpan, reason, allowed);

    return null;
  }

  const positive = NEGATIONS[node.operator] ?? node.operator;
  const check = buildCheck(context, { node, subject, field, name, positive, otherField });
  if (!check) return null;
  const test: Test = { kind: "test", subject, check, node };

  return positive === node.operator ? test : { kind: "not", operand: test };
}

interface Comparison {
  readonly node: ComparisonNode;
  readonly subject: Subject;
  readonly field: EqlField;
  readonly name: string;
  /** The operator with negation taken off. */
  readonly positive: Operator;
  readonly otherField: FieldSubject | null;
}

function buildCheck(context: CheckContext, comparison: Comparison): Check | null {
  const { node, positive, name } = comparison;
  const { value } = node;
  if (value.kind === "null") {
    if (positive === "==") return { kind: "missing" };
    context.report(value.span, `null can only be compared with == or !=, as in ${name} == null`, [
      "==",
      "!=",
    ]);

    return null;
  }
  if (value.kind === "field" || value.kind === "operation") {
    return fieldCheck(context, comparison, value);
  }

  switch (positive) {
    case "==":
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const operand = scalarOperand(context, comparison, value);
      if (!operand) return null;

      return positive === "=="
        ? { kind: "equals", operand }
        : { kind: "order", order: positive, operand };
    }
    case "IN": {
      const operands = listItems(value).map((item) => scalarOperand(context, comparison, item));
      const checked = operands.filter((operand) => operand !== null);

      return checked.length === operands.length ? { kind: "in", operands: checked } : null;
    }
    case "LIKE":
      if (value.kind !== "string") {
        context.report(value.span, "LIKE needs a pattern in quotes, such as 'JOB-1%'", [
          "a string",
        ]);

        return null;
      }

      return { kind: "like", pattern: parseLikePattern(value.value), span: value.span };
    default:
      return includesCheck(context, comparison, value);
  }
}

function listItems(value: ValueNode): readonly ValueNode[] {
  return value.kind === "list" ? value.items : [value];
}

function scalarOperand(
  context: CheckContext,
  comparison: Comparison,
  value: ValueNode,
): Operand | null {
  const { field, name } = comparison;
  if (value.kind === "null") {
    context.report(value.span, `null cannot be one of a list's values; add OR ${name} == null`);

    return null;
  }
  if (value.kind === "list" || value.kind === "field" || value.kind === "operation") {
    context.report(value.span, `expected a single value for '${name}'`);

    return null;
  }
  const operand = toOperand(context, field, name, value);
  if (operand?.kind === "text" && field.values && field.type === "picklist") {
    if (!field.values.includes(operand.value)) {
      const suggestion = didYouMean(operand.value, field.values);
      const reason = `unknown ${field.name} value '${operand.value}'${suggestion}`;
      context.report(value.span, reason, field.values);

      return null;
    }
  }

  return operand;
}

/** INCLUDES / EXCLUDES: one value or a list, each a single multi-picklist entry. */
function includesCheck(
  context: CheckContext,
  comparison: Comparison,
  value: ScalarNode | ListNode,
): Check | null {
  const { field } = comparison;
  const values: string[] = [];
  let ok = true;
  for (const item of listItems(value)) {
    if (item.kind !== "string") {
      context.report(
        item.span,
        `${comparison.node.operator} takes text values in quotes, such as 'VIP'`,
        ["a string"],
      );
      ok = false;
    } else if (item.value === "" || item.value.includes(";")) {
      const reason =
        `'${item.value}' cannot be one entry of a multi-picklist: ` +
        "entries are separated by ';' and never empty";
      context.report(item.span, reason);
      ok = false;
    } else if (field.values && !field.values.includes(item.value)) {
      context.report(
        item.span,
        `unknown ${field.name} value '${item.value}'${didYouMean(item.value, field.values)}`,
        field.values,
      );
      ok = false;
    } else {
      values.push(item.value);
    }
  }

  return ok ? { kind: "includes", values, span: value.span } : null;
}

/** The right-hand field of a field-to-field comparison, whatever else is wrong, so all is reported. */
function checkOtherField(context: CheckContext, value: FieldNode): FieldSubject | null {
  if (context.mode !== "change") return null;

  return context.resolveField(value);
}

function fieldCheck(
  context: CheckContext,
  comparison: Comparison,
  value: SubjectNode,
): Check | null {
  const { node, subject, positive, otherField, name } = comparison;
  if (context.mode !== "change") {
    // LIMITATION: record filters cannot compare two fields; Prisma has no portable way to compare
    // columns across relations, and record filters must translate to queries.
    const word = value.kind === "field" && value.path.length === 1 ? value.path[0] : undefined;
    const hint = word ? `; to compare with the text ${word}, write '${word}'` : "";
    context.report(
      value.span,
      `comparing two fields works only in triggered-action filters${hint}`,
      ["a value"],
    );

    return null;
  }
  if (value.kind === "operation" || subject.kind === "operation") {
    context.report(
      value.span,
      "Operation can only be compared with 'INSERT', 'UPDATE' or 'DELETE'",
      [...OPERATIONS],
    );

    return null;
  }
  if (!otherField) return null;
  if (positive !== "==" && !isOrder(positive)) {
    context.report(value.span, `${node.operator} needs a value in quotes, not another field`, [
      "a string",
    ]);

    return null;
  }
  if (otherField.valueKind !== subject.valueKind) {
    const otherName = subjectName(value);
    const reason =
      `'${name}' is ${TYPE_DESCRIPTIONS[subject.field.type]} and ` +
      `'${otherName}' is ${TYPE_DESCRIPTIONS[otherField.field.type]}; they cannot be compared`;
    context.report(value.span, reason);

    return null;
  }

  return positive === "=="
    ? { kind: "same", other: otherField }
    : { kind: "orderTo", order: positive, other: otherField };
}

function isOrder(operator: Operator): operator is Order {
  return ORDERS.includes(operator);
}

function subjectName(subject: SubjectNode): string {
  if (subject.kind === "operation") return "Operation";
  const path = subject.path.join(".");

  return subject.scope ? `${subject.scope}.${path}` : path;
}
