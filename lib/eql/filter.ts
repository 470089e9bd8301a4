import type { EqlNode } from "./ast";
import { checkFilter, type CheckResult } from "./check";
import { EqlError } from "./errors";
import { compilePredicate, usesNow, type Evaluator } from "./evaluate";
import { parse, type EqlMode } from "./parser";
import type { Predicate } from "./predicate";
import { toPrismaWhere, type PrismaWhereOptions } from "./prisma-where";
import type { EqlSchema } from "./schema";

export interface EvaluationContext {
  /** What NOW() means; the current time when absent. */
  now?: Date;
}

export interface RecordFilter {
  readonly ast: EqlNode;
  /**
   * Whether a record passes. `record` maps field names to values (Date, ISO
   * string or epoch ms for date-times; string, number, boolean, null). A
   * lookup's related record is nested under the lookup's name, as Prisma's
   * `include` returns it: `{ JobStatus: "Queued", Region: { Name: "North" } }`;
   * null or absent means no related record.
   */
  matches(record: Readonly<Record<string, unknown>>, context?: EvaluationContext): boolean;
  /** The same filter as a Prisma `where`; throws EqlError for what a query cannot express. */
  toPrismaWhere(options: PrismaWhereOptions): Record<string, unknown>;
  /** Lookup paths the filter reads, e.g. `[["Region"]]`, so callers know what to include. */
  readonly lookups: readonly (readonly string[])[];
}

export type Operation = "INSERT" | "UPDATE" | "DELETE";

/**
 * One change to a record. `previous` is null on INSERT and `current` on
 * DELETE; each nests related records under lookup names, as in RecordFilter.
 * (A type literal rather than an interface, so it reads as a plain record.)
 */
export type Change = {
  operation: Operation;
  previous: Readonly<Record<string, unknown>> | null;
  current: Readonly<Record<string, unknown>> | null;
};

export interface ChangeFilter {
  readonly ast: EqlNode;
  matches(change: Change, context?: EvaluationContext): boolean;
  /** Lookup paths read under Current. or Previous., e.g. `[["Region"]]`. */
  readonly lookups: readonly (readonly string[])[];
}

/** Parses and checks; throws the first error, in the order of the text. */
function checked(text: string, schema: EqlSchema, objectName: string, mode: EqlMode) {
  const ast = parse(text, { mode });
  const result: CheckResult = checkFilter(ast, text, schema, objectName, mode);
  if (!result.predicate) {
    throw result.errors[0] ?? new EqlError(text, { offset: 0, length: 0 }, "invalid filter");
  }

  return { ast, predicate: result.predicate, lookups: result.lookups };
}

function clock(predicate: Predicate): (context?: EvaluationContext) => number {
  if (!usesNow(predicate)) return () => 0;

  return (context) => context?.now?.getTime() ?? Date.now();
}

/** Parses, checks against `schema[objectName]` and compiles a record filter; throws EqlError. */
export function compileRecordFilter(
  text: string,
  schema: EqlSchema,
  objectName: string,
): RecordFilter {
  const { ast, predicate, lookups } = checked(text, schema, objectName, "record");
  const evaluate: Evaluator = compilePredicate(predicate);
  const now = clock(predicate);

  return {
    ast,
    lookups,
    matches: (record, context) => evaluate(record, now(context)),
    toPrismaWhere: (options) => toPrismaWhere(predicate, text, options),
  };
}

/** The same for triggered-action filters over changes (`Current.X`, `Previous.X`, `Operation`). */
export function compileChangeFilter(
  text: string,
  schema: EqlSchema,
  objectName: string,
): ChangeFilter {
  const { ast, predicate, lookups } = checked(text, schema, objectName, "change");
  const evaluate: Evaluator = compilePredicate(predicate);
  const now = clock(predicate);

  return {
    ast,
    lookups,
    matches: (change, context) => evaluate(change, now(context)),
  };
}
