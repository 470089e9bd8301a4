import { randomUUID } from "node:crypto";

import { GraphQLError, type GraphQLFormattedError } from "graphql";

import type { Logger } from "@/lib/log";

import { LensError } from "../errors";
import { OBJECT_NAMES, findField, getObject } from "../registry";
import { SkippedOperation } from "./mutation-run";

/**
 * Turns execution errors into response errors. Lens errors keep their message
 * and gain `extensions.code` (and the field or filter position); GraphQL's own
 * errors pass as they are; anything else is logged with an id and answered
 * with that id alone, so no SQL or stack ever reaches a caller.
 */
export function presentErrors(
  errors: readonly GraphQLError[],
  log: Logger,
): GraphQLFormattedError[] {
  return errors
    .filter((error) => !(error.originalError instanceof SkippedOperation))
    .map((error) => presentError(error, log));
}

function presentError(error: GraphQLError, log: Logger): GraphQLFormattedError {
  const original = error.originalError;
  if (original instanceof LensError) {
    return { ...error.toJSON(), extensions: { code: original.code, ...original.details } };
  }
  if (!original || original instanceof GraphQLError) return explainReadOnly(error.toJSON());

  const errorId = randomUUID();
  log.error({ errorId, err: original, path: error.path }, "graphql resolver failed");

  return {
    message: `internal error; quote ${errorId} when reporting it`,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: "INTERNAL_ERROR", errorId },
  };
}

const NOT_IN_INPUT = /Field "(\w+)" is not defined by type "(?:New|Update)(\w+)"/;

/** Read-only fields are absent from input types; say why rather than "not defined". */
function explainReadOnly(error: GraphQLFormattedError): GraphQLFormattedError {
  const [, fieldName = "", objectName = ""] = NOT_IN_INPUT.exec(error.message) ?? [];
  const name = OBJECT_NAMES.find((candidate) => candidate === objectName);
  const field = name ? findField(getObject(name), fieldName) : undefined;
  if (!field?.readOnly) return error;

  return {
    ...error,
    message: `${error.message} ${name}.${field.name} is read-only: Tripline sets it.`,
    extensions: { code: "FIELD_ERROR", field: field.name },
  };
}
