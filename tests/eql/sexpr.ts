import type { AnyNode } from "@/lib/eql";
import { quoteString } from "@/lib/eql/print";

/**
 * A filter tree as one line, for tables of expected parses:
 * `(and (== JobStatus 'Queued') (not (LIKE Name 'J%')))`. Dates show the
 * instant they stand for, so a test pins the time zone arithmetic too.
 */
export function sexpr(node: AnyNode): string {
  switch (node.kind) {
    case "and":
    case "or":
      return `(${node.kind} ${node.operands.map(sexpr).join(" ")})`;
    case "not":
      return `(not ${sexpr(node.operand)})`;
    case "comparison":
      return `(${node.operator} ${sexpr(node.subject)} ${sexpr(node.value)})`;
    case "field":
      return [...(node.scope ? [node.scope] : []), ...node.path].join(".");
    case "operation":
      return "Operation";
    case "string":
      return quoteString(node.value);
    case "number":
      return String(node.value);
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
    case "date":
    case "datetime":
      return `${node.kind}:${new Date(node.epochMs).toISOString()}`;
    case "duration":
      return `(${node.amount} ${node.unit})`;
    case "now":
      return node.offset
        ? `now${node.offset.sign === 1 ? "+" : "-"}${sexpr(node.offset.duration)}`
        : "now";
    case "list":
      return `[${node.items.map(sexpr).join(" ")}]`;
  }
}
