import type { EqlNode, FieldNode } from "./ast";
import { buildTest } from "./check-test";
import { EqlError, type Span } from "./errors";
import { CHANGE_SCOPES, type EqlMode } from "./parser";
import type { FieldSubject, Predicate, ValueKind } from "./predicate";
import {
  objectNamed,
  type EqlField,
  type EqlFieldType,
  type EqlLookup,
  type EqlObject,
  type EqlSchema,
} from "./schema";
import { didYouMean } from "./suggest";

/** What the checker needs while it walks one filter. */
export interface CheckContext {
  readonly text: string;
  readonly schema: EqlSchema;
  readonly object: EqlObject;
  readonly mode: EqlMode;
  report(span: Span, reason: string, expected?: readonly string[]): void;
  resolveField(node: FieldNode): FieldSubject | null;
}

export interface CheckResult {
  /** Null when there are errors. */
  readonly predicate: Predicate | null;
  /** Every problem found, in the order of the text. */
  readonly errors: readonly EqlError[];
  /** Distinct lookup paths read, e.g. `[["Region"], ["Account", "Region"]]`. */
  readonly lookups: readonly (readonly string[])[];
}

const VALUE_KINDS: Readonly<Record<EqlFieldType, ValueKind>> = {
  id: "text",
  string: "text",
  picklist: "text",
  multipicklist: "text",
  boolean: "boolean",
  integer: "number",
  decimal: "number",
  datetime: "instant",
  date: "instant",
};

/** Checks a parsed filter against the schema, reporting every problem rather than the first. */
export function checkFilter(
  ast: EqlNode,
  text: string,
  schema: EqlSchema,
  objectName: string,
  mode: EqlMode,
): CheckResult {
  const object = objectNamed(schema, objectName);
  if (!object) {
    const reason = `unknown object '${objectName}'${didYouMean(objectName, Object.keys(schema))}`;

    return {
      predicate: null,
      errors: [new EqlError(text, { offset: 0, length: 0 }, reason)],
      lookups: [],
    };
  }
  const errors: EqlError[] = [];
  const lookups = new Map<string, string[]>();
  const context: CheckContext = {
    text,
    schema,
    object,
    mode,
    report: (span, reason, expected) => errors.push(new EqlError(text, span, reason, expected)),
    resolveField: (node) => {
      const subject = resolveField(context, node);
      if (subject && subject.lookups.length > 0) {
        const path = subject.lookups.map((lookup) => lookup.name);
        lookups.set(path.join("."), path);
      }

      return subject;
    },
  };
  const predicate = walk(context, ast);
  errors.sort((a, b) => a.offset - b.offset);

  return {
    predicate: errors.length === 0 ? predicate : null,
    errors,
    lookups: [...lookups.values()],
  };
}

function walk(context: CheckContext, node: EqlNode): Predicate | null {
  switch (node.kind) {
    case "and":
    case "or": {
      // Check every operand, even after a failure, so all errors are found at once.
      const operands = node.operands.map((operand) => walk(context, operand));
      const checked = operands.filter((operand) => operand !== null);

      return checked.length === operands.length ? { kind: node.kind, operands: checked } : null;
    }
    case "not": {
      const operand = walk(context, node.operand);

      return operand ? { kind: "not", operand } : null;
    }
    case "comparison":
      return buildTest(context, node);
  }
}

/** The span of one name in a dotted path such as `Current.Region.Name`. */
export function segmentSpan(node: FieldNode, index: number): Span {
  let offset = node.span.offset + (node.scope ? node.scope.length + 1 : 0);
  for (let i = 0; i < index; i++) offset += (node.path[i]?.length ?? 0) + 1;

  return { offset, length: node.path[index]?.length ?? 0 };
}

function fieldText(node: FieldNode): string {
  return node.path.join(".");
}

function resolveField(context: CheckContext, node: FieldNode): FieldSubject | null {
  if (context.mode === "change" && node.scope === null) {
    reportUnscoped(context, node);

    return null;
  }
  if (context.mode === "record" && isChangeOnly(context.object, node)) {
    const reason = "Current., Previous. and Operation exist only in triggered-action filters";
    context.report(
      segmentSpan(node, 0),
      reason,
      context.object.fields.map((field) => field.name),
    );

    return null;
  }
  const lookups: EqlLookup[] = [];
  const idFields: (EqlField | undefined)[] = [];
  let object = context.object;
  for (let i = 0; i < node.path.length - 1; i++) {
    const name = node.path[i] ?? "";
    const lookup = object.lookups.find((candidate) => candidate.name === name);
    if (!lookup) {
      reportUnknownLookup(context, object, name, segmentSpan(node, i));

      return null;
    }
    const target = objectNamed(context.schema, lookup.target);
    if (!target) {
      const reason =
        `lookup '${name}' leads to '${lookup.target}', ` + "which the schema does not describe";
      context.report(segmentSpan(node, i), reason);

      return null;
    }
    lookups.push(lookup);
    idFields.push(object.fields.find((candidate) => candidate.name === lookup.field));
    object = target;
  }

  const index = node.path.length - 1;
  const name = node.path[index] ?? "";
  const field = object.fields.find((candidate) => candidate.name === name);
  if (!field) {
    reportUnknownField(context, object, name, segmentSpan(node, index));

    return null;
  }
  const scope =
    node.scope === "Current" ? "current" : node.scope === "Previous" ? "previous" : null;

  return { kind: "field", scope, lookups, idFields, field, valueKind: VALUE_KINDS[field.type] };
}

/**
 * A field without Current. or Previous. in a change filter. §3 lists them
 * and Operation apart from the case-insensitive keywords, so they are names
 * and keep their case; `current.X` and `operation` get the spelling.
 */
function reportUnscoped(context: CheckContext, node: FieldNode): void {
  const [first = "", ...rest] = node.path;
  const scope = CHANGE_SCOPES.find((name) => name.toLowerCase() === first.toLowerCase());
  if (scope && rest.length > 0) {
    const meant = `${scope}.${rest.join(".")}`;
    const reason = `Current. and Previous. start with a capital letter; did you mean '${meant}'?`;
    context.report(segmentSpan(node, 0), reason, [meant]);

    return;
  }
  if (first.toLowerCase() === "operation" && rest.length === 0) {
    const reason = "Operation starts with a capital letter; did you mean 'Operation'?";
    context.report(node.span, reason, ["Operation"]);

    return;
  }
  const name = fieldText(node);
  const reason =
    "in a triggered-action filter a field needs Current. or Previous.; " +
    `did you mean 'Current.${name}'?`;
  context.report(node.span, reason, [`Current.${name}`, `Previous.${name}`]);
}

/** `Current.X`, `Previous.X` or `Operation` in a record filter, on an object without them. */
function isChangeOnly(object: EqlObject, node: FieldNode): boolean {
  const [first] = node.path;
  const known = object.fields.some((field) => field.name === first);
  const scoped = (first === "Current" || first === "Previous") && node.path.length > 1;

  return !known && (scoped || (first === "Operation" && node.path.length === 1));
}

function reportUnknownField(context: CheckContext, object: EqlObject, name: string, span: Span) {
  const lookup = object.lookups.find((candidate) => candidate.name === name);
  const target = lookup ? objectNamed(context.schema, lookup.target) : undefined;
  if (lookup) {
    const example = target?.fields.find((field) => field.name === "Name") ?? target?.fields[0];
    const field = example?.name ?? "Name";
    const reason = `'${name}' is a lookup; name one of its fields, as in ${name}.${field}`;
    context.report(span, reason, target?.fields.map((field) => `${name}.${field.name}`) ?? []);

    return;
  }
  const names = object.fields.map((field) => field.name);
  context.report(span, `unknown field '${name}'${didYouMean(name, names)}`, names);
}

function reportUnknownLookup(context: CheckContext, object: EqlObject, name: string, span: Span) {
  const names = object.lookups.map((lookup) => lookup.name);
  const viaField = object.lookups.find((lookup) => lookup.field === name);
  if (viaField) {
    const reason =
      `'${name}' holds an id, not a record; ` + `follow the lookup '${viaField.name}' instead`;
    context.report(span, reason, names);

    return;
  }
  const isField = object.fields.some((field) => field.name === name);
  const reason = isField
    ? `'${name}' is a field, not a lookup, so nothing follows it`
    : `unknown lookup '${name}'${didYouMean(name, names)}`;
  context.report(span, reason, names);
}
