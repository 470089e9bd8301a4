import type { FieldErrors } from "@/components/forms/field-errors";

import { GraphQLResultError, type TGraphQLError } from "./client";

/** Where an EQL filter went wrong, as the API reports it. */
export interface FilterProblem {
  line: number;
  column: number;
  /** Characters to underline; at least 1. */
  length: number;
  /** The message without its `filter: line 1, column 14:` prefix. */
  reason: string;
}

const POSITION = /line (\d+), column (\d+):\s*(.*)$/s;

function numberAt(extensions: Record<string, unknown> | undefined, key: string) {
  const value = extensions?.[key];

  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function filterProblemOf(error: TGraphQLError): FilterProblem | null {
  const match = POSITION.exec(error.message);
  const isEql = error.extensions?.code === "EQL_ERROR" || error.extensions?.field === "filter";
  if (!match && !isEql) return null;

  const line = numberAt(error.extensions, "line") ?? Number(match?.[1] ?? 1);
  const column = numberAt(error.extensions, "column") ?? Number(match?.[2] ?? 1);
  const length = Math.max(1, numberAt(error.extensions, "length") ?? 1);
  const reason = match?.[3] ?? error.message.replace(/^filter:\s*/, "");

  return { line, column, length, reason };
}

/** The filter's error in a failed list query, or null when something else failed. */
export function filterProblem(error: unknown): FilterProblem | null {
  if (!(error instanceof GraphQLResultError)) return null;
  for (const item of error.errors) {
    const problem = filterProblemOf(item);
    if (problem) return problem;
  }

  return null;
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export interface MutationProblems {
  /** Messages about one input field, by field name. */
  fields: FieldErrors;
  /** Everything else, to show above the form. */
  general: string[];
}

/**
 * Splits a failed mutation's errors into per-field messages, for fields the
 * form shows, and the rest. The API names the field in `extensions.field`
 * and starts the message with it (`JobStatus: 'X' is not an allowed value`).
 */
export function mutationProblems(error: unknown, fieldNames: readonly string[]): MutationProblems {
  const problems: MutationProblems = { fields: {}, general: [] };
  if (!(error instanceof GraphQLResultError)) {
    problems.general.push(error instanceof Error ? error.message : "Something went wrong.");

    return problems;
  }
  for (const item of error.errors) {
    const prefixed = /^(\w+):\s*(.+)$/s.exec(item.message);
    const named = item.extensions?.field;
    const field =
      typeof named === "string" && fieldNames.includes(named)
        ? named
        : prefixed?.[1] && fieldNames.includes(prefixed[1])
          ? prefixed[1]
          : undefined;
    if (field) {
      const message = prefixed?.[1] === field ? (prefixed[2] ?? item.message) : item.message;
      problems.fields[field] ??= sentence(message);
    } else {
      problems.general.push(item.message);
    }
  }

  return problems;
}
