import type { LensRow } from "../read/delegates";
import type { RecordLoaders } from "../read/loaders";
import type { Tx } from "../records/sql";
import type { MutationRun } from "./mutation-run";

/** What every resolver of one request shares. */
export interface LensContext {
  /** Present for queries and payloads: their read transaction and its loaders. */
  reads?: LensReads;
  /** The request's clock, for EQL's NOW(). */
  now: Date;
  /** Present for mutations only. */
  mutation?: MutationRun;
}

export interface LensReads {
  /** One transaction, so all of a request's reads see one consistent state. */
  tx: Tx;
  loaders: RecordLoaders;
}

/**
 * A query's reads. Mutations return UIDs only, so no record resolver runs in
 * one; their writes go through `mutation`, not through Prisma.
 */
export function readsOf(context: LensContext): LensReads {
  if (!context.reads) throw new Error("a record resolver ran outside a query");

  return context.reads;
}

export type { LensRow };

/** GraphQL has checked argument types; these narrow them without casts. */
export function stringArg(args: Record<string, unknown>, name: string): string | null {
  const value = args[name];

  return typeof value === "string" ? value : null;
}

export function intArg(args: Record<string, unknown>, name: string): number | null {
  const value = args[name];

  return typeof value === "number" ? value : null;
}

export function objectArg(args: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = args[name];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};

  return { ...value };
}
