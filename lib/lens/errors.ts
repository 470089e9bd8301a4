/**
 * What can go wrong with a Lens read or write that the caller can fix. The
 * GraphQL layer turns these into GraphQL errors carrying the code and details
 * as extensions; anything else is an internal error whose message is hidden.
 */
export type LensErrorCode =
  "FIELD_ERROR" | "NOT_FOUND" | "REFERENCED" | "BAD_ARGUMENT" | "EQL_ERROR" | "FORBIDDEN";

export interface LensErrorDetails {
  /** The input field or argument at fault, e.g. `JobStatus` or `orderBy`. */
  field?: string;
  /** For EQL errors: where in the filter text. */
  line?: number;
  column?: number;
  length?: number;
}

export class LensError extends Error {
  override name = "LensError";

  constructor(
    readonly code: LensErrorCode,
    message: string,
    readonly details: LensErrorDetails = {},
  ) {
    super(message);
  }

  static field(field: string, message: string): LensError {
    return new LensError("FIELD_ERROR", `${field}: ${message}`, { field });
  }
}
