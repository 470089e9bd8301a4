/** Every API error answers with one body shape, `lens-api.md` §1. */
export const ERROR_STATUS = {
  bad_request: 400,
  field_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

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

  constructor(
    readonly errorType: ErrorType,
    message: string,
    readonly errors?: FieldIssue[],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.errorType];
  }

  static fieldError(path: string, message: string): ApiError {
    return new ApiError("field_error", `${path}: ${message}`, [{ path, message }]);
  }

  static notFound(what: string): ApiError {
    return new ApiError("not_found", `${what} not found`);
  }
}
