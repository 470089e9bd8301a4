import type { Span } from "./errors";

/**
 * The syntax tree of a filter. Every node keeps the span of text it came
 * from, so the checker and the editor can point at it. The tree holds no
 * parentheses: `print` adds them where precedence needs them, and `and`/`or`
 * are n-ary, one node per chain written without parentheses.
 */
export type EqlNode = AndNode | OrNode | NotNode | ComparisonNode;

export interface AndNode {
  readonly kind: "and";
  /** Two or more. */
  readonly operands: readonly EqlNode[];
  readonly span: Span;
}

export interface OrNode {
  readonly kind: "or";
  /** Two or more. */
  readonly operands: readonly EqlNode[];
  readonly span: Span;
}

export interface NotNode {
  readonly kind: "not";
  readonly operand: EqlNode;
  readonly span: Span;
}

export const COMPARISON_OPERATORS = ["==", "!=", "<", "<=", ">", ">="] as const;
export const WORD_OPERATORS = ["IN", "NOTIN", "LIKE", "NOTLIKE", "INCLUDES", "EXCLUDES"] as const;
export const OPERATORS = [...COMPARISON_OPERATORS, ...WORD_OPERATORS] as const;

export type Operator = (typeof OPERATORS)[number];

export interface ComparisonNode {
  readonly kind: "comparison";
  readonly subject: SubjectNode;
  readonly operator: Operator;
  readonly operatorSpan: Span;
  readonly value: ValueNode;
  readonly span: Span;
}

/** In change mode, the record after (`Current`) or before (`Previous`) the change. */
export type Scope = "Current" | "Previous";

export interface FieldNode {
  readonly kind: "field";
  readonly scope: Scope | null;
  /** Lookups then the field: `["Region", "Name"]`. */
  readonly path: readonly string[];
  readonly span: Span;
}

/** `Operation` in change mode: the kind of change, 'INSERT', 'UPDATE' or 'DELETE'. */
export interface OperationNode {
  readonly kind: "operation";
  readonly span: Span;
}

export type SubjectNode = FieldNode | OperationNode;

export interface StringNode {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

export interface NumberNode {
  readonly kind: "number";
  readonly value: number;
  readonly span: Span;
}

export interface BooleanNode {
  readonly kind: "boolean";
  readonly value: boolean;
  readonly span: Span;
}

export interface NullNode {
  readonly kind: "null";
  readonly span: Span;
}

/** `2027-01-01`: midnight UTC when compared with a date-time. */
export interface DateNode {
  readonly kind: "date";
  /** As written, `YYYY-MM-DD`. */
  readonly text: string;
  readonly epochMs: number;
  readonly span: Span;
}

/** `2027-01-01T09:00:00Z` or with an offset such as `+10:00`. */
export interface DateTimeNode {
  readonly kind: "datetime";
  /** As written. */
  readonly text: string;
  readonly epochMs: number;
  readonly span: Span;
}

export const DURATION_UNITS = ["milliseconds", "seconds", "minutes", "hours", "days"] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number];

/** `duration(90 minutes)` or the short form `90m`; the tree does not remember which was written. */
export interface DurationNode {
  readonly kind: "duration";
  /** A whole number, zero or more. */
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly span: Span;
}

export interface NowNode {
  readonly kind: "now";
  readonly offset: { readonly sign: 1 | -1; readonly duration: DurationNode } | null;
  readonly span: Span;
}

export interface ListNode {
  readonly kind: "list";
  /** One or more. */
  readonly items: readonly ScalarNode[];
  readonly span: Span;
}

export type ScalarNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | NullNode
  | DateNode
  | DateTimeNode
  | DurationNode
  | NowNode;

export type ValueNode = ScalarNode | ListNode | FieldNode | OperationNode;

/** Any node of the tree, filter or value. */
export type AnyNode = EqlNode | ValueNode;

const UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

export function durationMs(node: Pick<DurationNode, "amount" | "unit">): number {
  return node.amount * UNIT_MS[node.unit];
}

/**
 * A copy of the tree without spans, for comparing trees that came from
 * different text (`parse(print(ast))` against `ast`).
 */
export function withoutSpans(node: AnyNode): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === "span" || key === "operatorSpan" ? undefined : value,
    ),
  );
}
