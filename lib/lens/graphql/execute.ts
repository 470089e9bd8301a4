import {
  execute,
  getOperationAST,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
} from "graphql";

import type { Principal } from "@/lib/auth/principal";
import { getConfig } from "@/lib/config";
import { getDb, type Db } from "@/lib/db";
import { logger, type Logger } from "@/lib/log";

import { actorFromPrincipal } from "../actor";
import { LensError } from "../errors";
import { RecordLoaders } from "../read/loaders";
import { RecordWriter } from "../records/record-writer";
import type { Tx } from "../records/sql";
import { withWriteTransaction } from "../records/write-transaction";
import type { LensContext } from "./context";
import { MutationRun } from "./mutation-run";
import { DocumentCache } from "./prepare-document";
import { presentErrors } from "./present-errors";
import { lensSchema } from "./schema";

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlResponse {
  errors?: GraphQLFormattedError[];
  data?: Record<string, unknown> | null;
}

export interface ExecuteOptions {
  db?: Db;
  log?: Logger;
  now?: Date;
}

const READ_LIMITS = { maxWait: 10_000, timeout: 15_000 };
const documents = new DocumentCache(lensSchema);

/**
 * Runs one GraphQL request. A query runs in a read-only snapshot (see
 * `readTransaction`), so all its parts see one state. A mutation runs in one
 * write transaction: if any operation fails, everything rolls back, `data`
 * is null, and the errors say why.
 * Viewers may query; a mutation from one throws a FORBIDDEN LensError.
 */
export async function executeGraphql(
  request: GraphqlRequest,
  principal: Principal,
  options: ExecuteOptions = {},
): Promise<GraphqlResponse> {
  const log = options.log ?? logger;
  const prepared = documents.prepare(request.query);
  if (!prepared.ok) return { errors: presentErrors(prepared.errors, log) };
  const { document } = prepared;

  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    const message = request.operationName
      ? `no operation named '${request.operationName}' in the document`
      : "the document holds several operations; name one in operationName";

    return { errors: [{ message }] };
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return { errors: [{ message: "subscriptions are not served here: a webhook runs them" }] };
  }

  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const started = performance.now();
  let result: ExecutionResult;
  if (operation.operation === OperationTypeNode.MUTATION) {
    if (principal.role !== "admin") {
      throw new LensError("FORBIDDEN", "mutations need the admin role; viewers may only query");
    }
    result = await runMutation(db, document, request, principal, now);
  } else {
    result = await readTransaction(db, (tx) =>
      run(document, request, { reads: { tx, loaders: new RecordLoaders(tx) }, now }),
    );
  }
  log.debug(
    { operation: operation.operation, durationMs: Math.round(performance.now() - started) },
    "graphql request",
  );

  return result.errors
    ? { errors: presentErrors(result.errors, log), data: result.data ?? null }
    : { data: result.data ?? null };
}

/**
 * A transaction whose statements all read one snapshot, so a page, its
 * totalCount and its related records agree with each other. SQLite gives
 * that to every transaction (and, inside one, none of another request's
 * unfinished writes on the shared connection). PostgreSQL's default READ
 * COMMITTED gives each statement its own snapshot, so there the transaction
 * asks for REPEATABLE READ; READ ONLY lets it take no write locks and can
 * never make it fail with a serialisation error. It is one more statement,
 * a fraction of a millisecond beside the page query.
 */
async function readTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const snapshotNeeded = getConfig().database.kind === "postgresql";

  return db.$transaction(async (tx) => {
    if (snapshotNeeded) {
      await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
    }

    return work(tx);
  }, READ_LIMITS);
}

class RolledBack extends Error {
  constructor(readonly result: ExecutionResult) {
    super("mutation rolled back");
  }
}

async function runMutation(
  db: Db,
  document: DocumentNode,
  request: GraphqlRequest,
  principal: Principal,
  now: Date,
): Promise<ExecutionResult> {
  try {
    return await withWriteTransaction(db, async (tx, sequence) => {
      const writer = new RecordWriter({ tx, actor: actorFromPrincipal(principal), sequence });
      const context = { now, mutation: new MutationRun(writer) };
      const result = await run(document, request, context);
      // Throwing is how the transaction is told to roll back.
      if (result.errors?.length) throw new RolledBack(result);

      return result;
    });
  } catch (error) {
    // Nothing was committed, so no UID in `data` may suggest otherwise.
    if (error instanceof RolledBack) return { errors: error.result.errors, data: null };
    throw error;
  }
}

async function run(
  document: DocumentNode,
  request: GraphqlRequest,
  contextValue: LensContext,
): Promise<ExecutionResult> {
  return execute({
    schema: lensSchema(),
    document,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
    contextValue,
  });
}
