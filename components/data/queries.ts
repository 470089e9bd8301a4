import { displayFieldName, listFieldName } from "./object-meta";
import type { DataObject, DataObjects } from "./types";

// The GraphQL documents the Data pages send, built from the object
// descriptions so a field added to the registry shows up with no change here.
// Pure functions: no fetching, no React.

/** Records per page of the list; the API allows up to 200. */
export const PAGE_SIZE = 50;

/** How many records a lookup's select offers before the operator must search. */
export const LOOKUP_OPTIONS = 100;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function targetOf(objects: DataObjects, name: string): DataObject {
  const target = objects[name];
  if (!target) throw new Error(`unknown object ${name}`);

  return target;
}

/** A short selection that names a related record: its UID and display field. */
function nameSelection(target: DataObject): string {
  const display = displayFieldName(target);

  return display === "UID" ? "{ UID }" : `{ UID ${display} }`;
}

/**
 * Every field of the object, and each lookup as `Region { UID Name }` so a
 * list can show related records by name without a second request.
 */
export function recordSelection(object: DataObject, objects: DataObjects): string {
  const fields = object.fields.map((field) => field.name);
  const lookups = object.lookups.map(
    (lookup) => `${lookup.name} ${nameSelection(targetOf(objects, lookup.target))}`,
  );

  return [...fields, ...lookups].join(" ");
}

/** The detail view adds reverse relations, e.g. a job's allocations with their status. */
export function detailSelection(object: DataObject, objects: DataObjects): string {
  const reverse = object.reverse.map((relation) => {
    const target = targetOf(objects, relation.target);
    const status = target.fields.find((field) => field.type === "picklist");
    const display = displayFieldName(target);
    const names = [
      "UID",
      ...(display === "UID" ? [] : [display]),
      ...(status ? [status.name] : []),
    ];

    return `${relation.name} { ${names.join(" ")} }`;
  });

  return [recordSelection(object, objects), ...reverse].join(" ");
}

/** One page of records; the answer's connection is aliased `list`. */
export function listQuery(object: DataObject, objects: DataObjects): string {
  return [
    "query DataList($filter: String, $orderBy: String, $first: Int, $after: String) {",
    `  list: ${listFieldName(object)}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {`,
    "    totalCount",
    "    pageInfo { hasNextPage endCursor }",
    `    edges { cursor node { ${recordSelection(object, objects)} } }`,
    "  }",
    "}",
  ].join("\n");
}

/** One record by UID, aliased `record`; null when there is none. */
export function recordQuery(object: DataObject, objects: DataObjects): string {
  return [
    "query DataRecord($uid: ID!) {",
    `  record: ${listFieldName(object)}ById(UID: $uid) { ${detailSelection(object, objects)} }`,
    "}",
  ].join("\n");
}

/** Candidates for a lookup's select, by name, aliased `options`. */
export function optionsQuery(target: DataObject): string {
  const display = displayFieldName(target);

  return [
    "query DataOptions($filter: String, $first: Int) {",
    `  options: ${listFieldName(target)}(filter: $filter, orderBy: "${display} ASC", first: $first) {`,
    `    totalCount edges { node ${nameSelection(target)} }`,
    "  }",
    "}",
  ].join("\n");
}

/** An EQL string literal: quotes and backslashes escaped. */
export function eqlString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Records whose name contains `term`, or every record for a blank term. */
export function nameContainsFilter(target: DataObject, term: string): string | null {
  const trimmed = term.trim();
  if (trimmed === "") return null;

  return `${displayFieldName(target)} LIKE ${eqlString(`%${trimmed}%`)}`;
}

/**
 * A GraphQL input literal. Mutations spell their input inline rather than
 * through variables, so they do not depend on the server's input type names.
 */
export function graphqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be sent to GraphQL`);

    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => {
      if (!NAME.test(key)) throw new Error(`'${key}' is not a GraphQL name`);

      return `${key}: ${graphqlLiteral(item)}`;
    });

    return `{ ${entries.join(", ")} }`;
  }
  throw new Error(`a ${typeof value} cannot be sent to GraphQL`);
}

/** The mutations answer the record's UID under the alias `uid`. */
export function insertMutation(object: DataObject, input: Record<string, unknown>): string {
  return `mutation DataInsert { schema { uid: insert${object.name}(input: ${graphqlLiteral(input)}) } }`;
}

export function updateMutation(
  object: DataObject,
  uid: string,
  changes: Record<string, unknown>,
): string {
  const input = graphqlLiteral({ UID: uid, ...changes });

  return `mutation DataUpdate { schema { uid: update${object.name}(input: ${input}) } }`;
}

export function deleteMutation(object: DataObject, uid: string): string {
  return `mutation DataDelete { schema { uid: delete${object.name}(UID: ${graphqlLiteral(uid)}) } }`;
}

/** `Start DESC` for the API's orderBy; null means the API's default order. */
export interface SortOrder {
  field: string;
  direction: "ASC" | "DESC";
}

export function formatOrderBy(order: SortOrder | null): string | null {
  return order ? `${order.field} ${order.direction}` : null;
}

export function parseOrderBy(text: string | null): SortOrder | null {
  const match = /^\s*([A-Za-z][A-Za-z0-9]*)(?:\s+(asc|desc))?\s*$/i.exec(text ?? "");
  if (!match?.[1]) return null;

  return { field: match[1], direction: match[2]?.toUpperCase() === "DESC" ? "DESC" : "ASC" };
}
