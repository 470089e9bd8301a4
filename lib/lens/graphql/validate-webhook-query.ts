import {
  getLocation,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  Source,
  validate,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type StringValueNode,
  type ValueNode,
} from "graphql";

import { compileRecordFilter, EqlError } from "@/lib/eql";

import { OPERATIONS, type Operation } from "../records/change-events";
import { OBJECT_NAMES, eqlSchema, type ObjectName } from "../registry";
import { subscriptionFieldName, webhookSchema, type WebhookQueryKind } from "./webhook-schema";

export interface WebhookQueryError {
  message: string;
  /** 1-based position in the query text. */
  line: number;
  column: number;
}

export interface WebhookSubscription {
  kind: WebhookQueryKind;
  object: ObjectName;
  /** The one root field, e.g. `schemaJobs { ... }`; its selection is the payload. */
  field: FieldNode;
  document: DocumentNode;
  /** The operations that fire; all three when the query names none. */
  operations: Operation[];
  /** The EQL filter, already checked; null when there is none. */
  filter: string | null;
}

export type WebhookQueryCheck =
  { ok: true; subscription: WebhookSubscription } | { ok: false; errors: WebhookQueryError[] };

class QueryProblem extends Error {
  constructor(
    message: string,
    readonly position: { line: number; column: number },
  ) {
    super(message);
  }
}

/**
 * Checks a webhook's `query` when the hook is saved: GraphQL syntax and
 * validity against the webhook schema, one subscription with one root field,
 * no variables, and (for change webhooks) a filter that compiles. Every error
 * carries its line and column in the query text.
 */
export function validateWebhookQuery(query: string, kind: WebhookQueryKind): WebhookQueryCheck {
  const source = new Source(query);
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, errors: [fromGraphql(error)] };
    throw error;
  }
  const errors = validate(webhookSchema(kind), document);
  if (errors.length) return { ok: false, errors: errors.map(fromGraphql) };

  try {
    return { ok: true, subscription: describe(source, document, kind) };
  } catch (error) {
    if (error instanceof QueryProblem) {
      return { ok: false, errors: [{ message: error.message, ...error.position }] };
    }
    throw error;
  }
}

function fromGraphql(error: GraphQLError): WebhookQueryError {
  const [location] = error.locations ?? [];

  return { message: error.message, line: location?.line ?? 1, column: location?.column ?? 1 };
}

function describe(source: Source, document: DocumentNode, kind: WebhookQueryKind) {
  const at = (node: ASTNode) => getLocation(source, node.loc?.start ?? 0);
  const [operation, second] = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new QueryProblem("the query holds no operation", { line: 1, column: 1 });
  if (second) throw new QueryProblem("a webhook query holds one operation", at(second));
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    const example = `subscription { ${subscriptionFieldName(kind, "Jobs")} { ... } }`;
    throw new QueryProblem(`a webhook query is a subscription, e.g. ${example}`, at(operation));
  }
  const [variable] = operation.variableDefinitions ?? [];
  if (variable) throw new QueryProblem("webhook queries take no variables", at(variable));
  const [field] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD) {
    throw new QueryProblem("subscribe with a field, not a fragment", at(field ?? operation));
  }
  const object = OBJECT_NAMES.find(
    (name) => subscriptionFieldName(kind, name) === field.name.value,
  );
  if (!object) throw new QueryProblem(`unknown subscription '${field.name.value}'`, at(field));

  const argument = (name: string) => field.arguments?.find((arg) => arg.name.value === name)?.value;
  const filterNode = argument("filter");
  const filter = filterNode?.kind === Kind.STRING ? filterNode.value : null;
  if (filterNode?.kind === Kind.STRING) checkFilter(source, filterNode, object);

  const operations = operationsOf(argument("operation"), at);

  return { kind, object, field, document, operations, filter };
}

/**
 * The operations named by the `operation` argument; all of them when it is
 * absent. An empty list is refused: such a hook would be saved but never fire.
 */
function operationsOf(
  node: ValueNode | undefined,
  at: (node: ASTNode) => { line: number; column: number },
): Operation[] {
  const values =
    node?.kind === Kind.LIST ? node.values : node?.kind === Kind.ENUM ? [node] : undefined;
  if (!values) return [...OPERATIONS];
  const named = values.flatMap((value) => (value.kind === Kind.ENUM ? [value.value] : []));
  const operations = OPERATIONS.filter((operation) => named.includes(operation));
  if (!operations.length && node) {
    throw new QueryProblem(`operation: name at least one of ${OPERATIONS.join(", ")}`, at(node));
  }

  return operations;
}

/** Compiles the filter; an EQL error points into the query text where it can. */
function checkFilter(source: Source, node: StringValueNode, object: ObjectName): void {
  try {
    compileRecordFilter(node.value, eqlSchema(), object);
  } catch (error) {
    if (!(error instanceof EqlError)) throw error;
    const start = node.loc?.start ?? 0;
    const raw = source.body.slice(start + 1, (node.loc?.end ?? 1) - 1);
    // Exact when the literal holds no escapes (then text and value match).
    const exact = !node.block && raw === node.value && error.line === 1;
    const offset = exact ? start + 1 + error.column - 1 : start;
    throw new QueryProblem(`filter: ${error.message}`, getLocation(source, offset));
  }
}
