/**
 * Every API error answers with one body shape, `lens-api.md` §1, whose
 * errorType is one of this closed list. Each type has its usual status; the
 * few situations that need another (409, 503) keep a listed type and say
 * their status themselves: see `conflict` and `unavailable` below.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  field_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

/** What domain modules report; `conflict` becomes a 409 of a listed type. */
export type ErrorKind = ErrorType | "conflict";

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  errorType: ErrorType;
  message: string;
  errorId: string;
  errors?: FieldIssue[];
}

/**
 * The one error class of the API. Domain code throws it with a type from the
 * table above; the route wrapper turns it into the response.
 */
export class ApiError extends Error {
  override name = "ApiError";

  readonly status: number;

  constructor(
    readonly errorType: ErrorType,
    message: string,
    readonly errors?: FieldIssue[],
    status?: number,
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[errorType];
  }

  /** An error a domain module reported by kind. */
  static of(kind: ErrorKind, message: string): ApiError {
    return kind === "conflict" ? ApiError.conflict(message) : new ApiError(kind, message);
  }

  /**
   * 409: the request is well formed but clashes with what is stored. With
   * field issues it is a `field_error` naming them (an email already in use),
   * otherwise a `bad_request`.
   */
  static conflict(message: string, errors?: FieldIssue[]): ApiError {
    return new ApiError(errors ? "field_error" : "bad_request", message, errors, 409);
  }

  /** 503: the endpoint is switched off by this deployment's configuration. */
  static unavailable(message: string): ApiError {
    return new ApiError("forbidden", message, undefined, 503);
  }

  static fieldError(path: string, message: string): ApiError {
    return new ApiError("field_error", `${path}: ${message}`, [{ path, message }]);
  }

  static notFound(what: string): ApiError {
    return new ApiError("not_found", `${what} not found`);
  }
}
