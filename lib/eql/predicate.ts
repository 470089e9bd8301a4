import type { ComparisonNode } from "./ast";
import type { Span } from "./errors";
import type { LikePattern } from "./like-pattern";
import type { EqlField, EqlLookup } from "./schema";

/**
 * A checked filter: every field resolved against the schema, every literal
 * converted to the field's kind of value, and every negative operator
 * (`!=`, NOTIN, NOTLIKE, EXCLUDES) rewritten as NOT of its positive form, so
 * the evaluator and the query translation each implement one meaning per
 * test and get negation right in one place.
 */
export type Predicate =
  | { readonly kind: "and"; readonly operands: readonly Predicate[] }
  | { readonly kind: "or"; readonly operands: readonly Predicate[] }
  | { readonly kind: "not"; readonly operand: Predicate }
  | Test;

/** What a field holds, as far as comparing goes. */
export type ValueKind = "text" | "number" | "boolean" | "instant";

export interface FieldSubject {
  readonly kind: "field";
  /** Which record of a change the field is read from; null in record mode. */
  readonly scope: "current" | "previous" | null;
  /** The lookups followed to reach the field, outermost first. */
  readonly lookups: readonly EqlLookup[];
  /** For each lookup, the field holding the related id, when the schema lists it. */
  readonly idFields: readonly (EqlField | undefined)[];
  readonly field: EqlField;
  readonly valueKind: ValueKind;
}

export interface OperationSubject {
  readonly kind: "operation";
  readonly valueKind: "text";
}

export type Subject = FieldSubject | OperationSubject;

export type Operand =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "instant"; readonly epochMs: number }
  /** NOW() plus an offset, read once per evaluation or query. */
  | { readonly kind: "now"; readonly offsetMs: number };

export type Order = "<" | "<=" | ">" | ">=";

/** The positive tests. A missing value (null or undefined) fails all of them except `missing`. */
export type Check =
  | { readonly kind: "missing" }
  | { readonly kind: "equals"; readonly operand: Operand }
  | { readonly kind: "order"; readonly order: Order; readonly operand: Operand }
  | { readonly kind: "in"; readonly operands: readonly Operand[] }
  | { readonly kind: "like"; readonly pattern: LikePattern; readonly span: Span }
  | { readonly kind: "includes"; readonly values: readonly string[]; readonly span: Span }
  /** Field against field (change mode): equal, or both missing. */
  | { readonly kind: "same"; readonly other: FieldSubject }
  | { readonly kind: "orderTo"; readonly order: Order; readonly other: FieldSubject };

export interface Test {
  readonly kind: "test";
  readonly subject: Subject;
  readonly check: Check;
  readonly node: ComparisonNode;
}
