import { OPERATORS, type Operator } from "./ast";
import {
  OPERATION_FIELD,
  OPERATION_OPERATORS,
  OPERATORS_FOR,
  TYPE_DESCRIPTIONS,
} from "./check-test";
import { completionContext, type CompletionContext } from "./completion-context";
import type { EditorOptions } from "./editor";
import type { Span } from "./errors";
import { CHANGE_SCOPES } from "./parser";
import { quoteString } from "./print";
import { objectNamed, type EqlField, type EqlObject, type EqlSchema } from "./schema";

export type CompletionKind = "field" | "lookup" | "operator" | "value" | "keyword" | "function";

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short note shown beside the label: a field's type, what an operator does. */
  readonly detail: string;
  readonly insertText: string;
  /** The text the item replaces: what has been typed of the word at the cursor. */
  readonly range: Span;
}

type Item = Omit<CompletionItem, "range">;

const OPERATOR_DETAILS: Readonly<Record<Operator, string>> = {
  "==": "equals",
  "!=": "does not equal",
  "<": "less than",
  "<=": "at most",
  ">": "greater than",
  ">=": "at least",
  IN: "is one of a list",
  NOTIN: "is none of a list",
  LIKE: "matches a pattern: % any run, _ one character",
  NOTLIKE: "does not match a pattern",
  INCLUDES: "has one of these entries",
  EXCLUDES: "has none of these entries",
};

const ALL_OPERATORS: readonly Operator[] = OPERATORS;

/**
 * What may be typed at `offset`: field names and lookups where a condition
 * starts, operators that fit the field after a field, its picklist values
 * or other fitting values after an operator, and AND/OR after a value.
 * The console's Monaco editor shows these; they are filtered by what has
 * been typed of the current word, ignoring case.
 */
export function completions(
  text: string,
  offset: number,
  schema: EqlSchema,
  objectName: string,
  options: EditorOptions = {},
): CompletionItem[] {
  const mode = options.mode ?? "record";
  const object = objectNamed(schema, objectName);
  if (!object) return [];
  const context = completionContext(text, Math.max(0, Math.min(offset, text.length)));
  const items = itemsFor(context, schema, object, mode === "change");
  const typed = context.typed.toLowerCase();

  // A value may be typed without its opening quote yet: `Que` still finds 'Queued'.
  const fits = (label: string) => label.startsWith(typed) || label.startsWith(`'${typed}`);

  return items
    .filter((item) => fits(item.label.toLowerCase()))
    .map((item) => ({ ...item, range: context.range }));
}

function itemsFor(
  context: CompletionContext,
  schema: EqlSchema,
  object: EqlObject,
  changeMode: boolean,
): Item[] {
  switch (context.expects) {
    case "subject":
      return subjectItems(context.pathBefore, schema, object, changeMode);
    case "field":
      return subjectItems(context.pathBefore, schema, object, changeMode).filter(
        (item) => item.label !== "NOT",
      );
    case "operator": {
      const field = resolve(context.subject, schema, object, changeMode);
      const operators = field ? operatorsFor(field) : ALL_OPERATORS;

      return operators.map((operator) => ({
        label: operator,
        kind: "operator",
        detail: OPERATOR_DETAILS[operator],
        insertText: operator,
      }));
    }
    case "value":
    case "listItem":
      return valueItems(context, schema, object, changeMode);
    case "listOpen":
      return [{ label: "[", kind: "keyword", detail: "a list of values", insertText: "[" }];
    case "connective":
      return [
        { label: "AND", kind: "keyword", detail: "both conditions", insertText: "AND" },
        { label: "OR", kind: "keyword", detail: "either condition", insertText: "OR" },
      ];
    case "nothing":
      return [];
  }
}

function operatorsFor(field: EqlField | "operation"): readonly Operator[] {
  return field === "operation" ? OPERATION_OPERATORS : OPERATORS_FOR[field.type];
}

function fieldItem(field: EqlField): Item {
  const values = field.values
    ? `: ${field.values.slice(0, 4).join(", ")}${field.values.length > 4 ? ", ..." : ""}`
    : "";

  return {
    label: field.name,
    kind: "field",
    detail: `${TYPE_DESCRIPTIONS[field.type]}${values}`,
    insertText: field.name,
  };
}

/** Fields and lookups of the object reached through `pathBefore`, the names before the last dot. */
function subjectItems(
  pathBefore: readonly string[],
  schema: EqlSchema,
  object: EqlObject,
  changeMode: boolean,
): Item[] {
  let path = pathBefore;
  if (changeMode) {
    const [scope, ...rest] = path;
    if (scope === undefined) {
      return [
        {
          label: "Current.",
          kind: "keyword",
          detail: "the record after the change",
          insertText: "Current.",
        },
        {
          label: "Previous.",
          kind: "keyword",
          detail: "the record before the change",
          insertText: "Previous.",
        },
        {
          label: "Operation",
          kind: "field",
          detail: "'INSERT', 'UPDATE' or 'DELETE'",
          insertText: "Operation",
        },
        { label: "NOT", kind: "keyword", detail: "negates a condition", insertText: "NOT" },
      ];
    }
    if (!CHANGE_SCOPES.some((candidate) => candidate === scope)) return [];
    path = rest;
  }
  const target = followLookups(path, schema, object);
  if (!target) return [];
  const fields = target.fields.map(fieldItem);
  const lookups: Item[] = target.lookups.map((lookup) => ({
    label: lookup.name,
    kind: "lookup",
    detail: `lookup to ${lookup.target}`,
    insertText: `${lookup.name}.`,
  }));
  const not: Item[] =
    pathBefore.length === 0
      ? [{ label: "NOT", kind: "keyword", detail: "negates a condition", insertText: "NOT" }]
      : [];

  return [...fields, ...lookups, ...not];
}

function followLookups(
  path: readonly string[],
  schema: EqlSchema,
  object: EqlObject,
): EqlObject | null {
  let current: EqlObject | undefined = object;
  for (const name of path) {
    const lookup: { target: string } | undefined = current?.lookups.find(
      (candidate) => candidate.name === name,
    );
    current = lookup ? objectNamed(schema, lookup.target) : undefined;
  }

  return current ?? null;
}

/** The field a subject path names, `"operation"` for Operation, or null when it names nothing. */
function resolve(
  path: readonly string[] | null,
  schema: EqlSchema,
  object: EqlObject,
  changeMode: boolean,
): EqlField | "operation" | null {
  if (!path) return null;
  let names = path;
  if (changeMode) {
    if (names.length === 1 && names[0] === "Operation") return "operation";
    if (!CHANGE_SCOPES.some((scope) => scope === names[0])) return null;
    names = names.slice(1);
  }
  const target = followLookups(names.slice(0, -1), schema, object);
  const name = names.at(-1);

  return target?.fields.find((field) => field.name === name) ?? null;
}

function valueItems(
  context: CompletionContext,
  schema: EqlSchema,
  object: EqlObject,
  changeMode: boolean,
): Item[] {
  const resolved = resolve(context.subject, schema, object, changeMode);
  if (!resolved) return [];
  const field = resolved === "operation" ? OPERATION_FIELD : resolved;
  const items: Item[] = [];
  if (field.values && field.type !== "multipicklist") {
    for (const value of field.values) {
      items.push({
        label: quoteString(value),
        kind: "value",
        detail: `${field.name} value`,
        insertText: quoteString(value),
      });
    }
  }
  if (field.values && field.type === "multipicklist" && context.operator?.endsWith("CLUDES")) {
    for (const value of field.values) {
      items.push({
        label: quoteString(value),
        kind: "value",
        detail: `${field.name} entry`,
        insertText: quoteString(value),
      });
    }
  }
  if (context.expects === "listItem") return items;
  if (field.type === "boolean") {
    items.push({ label: "true", kind: "value", detail: "true", insertText: "true" });
    items.push({ label: "false", kind: "value", detail: "false", insertText: "false" });
  }
  if (field.type === "date" || field.type === "datetime") {
    items.push({
      label: "NOW()",
      kind: "function",
      detail: "the time the filter runs",
      insertText: "NOW()",
    });
    items.push({
      label: "NOW() - 7d",
      kind: "function",
      detail: "a week ago; units ms s m h d",
      insertText: "NOW() - 7d",
    });
  }
  if (resolved !== "operation" && (context.operator === "==" || context.operator === "!=")) {
    items.push({ label: "null", kind: "value", detail: "no value", insertText: "null" });
  }
  if (changeMode && context.subject && resolved !== "operation") {
    const [scope, ...rest] = context.subject;
    const other = scope === "Current" ? "Previous" : "Current";
    const label = [other, ...rest].join(".");
    items.push({
      label,
      kind: "field",
      detail: `the same field ${other === "Previous" ? "before" : "after"} the change`,
      insertText: label,
    });
  }

  return items;
}
