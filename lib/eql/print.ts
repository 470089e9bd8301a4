import type { AnyNode, DurationNode, EqlNode, FieldNode } from "./ast";
import { SHORT_UNIT_OF } from "./tokens";

/**
 * Canonical text for a tree: keywords in capitals, literals lower case,
 * single spaces, and parentheses exactly where the tree needs them, so that
 * `parse(print(ast))` rebuilds the same tree.
 */
export function print(node: AnyNode): string {
  switch (node.kind) {
    case "and":
      // A nested AND must keep its parentheses, or it would flatten into its parent.
      return node.operands.map((operand) => group(operand, ["and", "or"])).join(" AND ");
    case "or":
      return node.operands.map((operand) => group(operand, ["or"])).join(" OR ");
    case "not":
      return `NOT ${group(node.operand, ["and", "or"])}`;
    case "comparison":
      return `${print(node.subject)} ${node.operator} ${print(node.value)}`;
    case "field":
      return fieldText(node);
    case "operation":
      return "Operation";
    case "string":
      return quoteString(node.value);
    case "number":
      return Object.is(node.value, -0) ? "-0" : String(node.value);
    case "boolean":
      return node.value ? "true" : "false";
    case "null":
      return "null";
    case "date":
    case "datetime":
      return node.text;
    case "duration":
      return `duration(${node.amount} ${node.unit})`;
    case "now":
      return node.offset
        ? `NOW() ${node.offset.sign === 1 ? "+" : "-"} ${shortDuration(node.offset.duration)}`
        : "NOW()";
    case "list":
      return `[${node.items.map(print).join(", ")}]`;
  }
}

function group(node: EqlNode, kinds: readonly EqlNode["kind"][]): string {
  const text = print(node);

  return kinds.includes(node.kind) ? `(${text})` : text;
}

function fieldText(node: FieldNode): string {
  const path = node.path.join(".");

  return node.scope ? `${node.scope}.${path}` : path;
}

function shortDuration(node: DurationNode): string {
  return `${node.amount}${SHORT_UNIT_OF[node.unit]}`;
}

const ESCAPED: Readonly<Record<string, string>> = {
  "'": "\\'",
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

export function quoteString(value: string): string {
  return `'${value.replace(/['\\\n\r\t]/g, (char) => ESCAPED[char] ?? char)}'`;
}
