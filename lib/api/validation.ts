import type { ZodError, ZodType } from "zod";

import { ApiError, type FieldIssue } from "./errors";

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Turns zod's issues into `{path, message}` pairs that name each field. */
export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: "unknown field",
      }));
    }

    return [{ path: joinPath(issue.path) || "(body)", message: issue.message }];
  });
}

export function validationError(error: ZodError, what = "request"): ApiError {
  const errors = fieldIssues(error);
  const first = errors[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";

  return new ApiError("field_error", `invalid ${what}: ${summary}${more}`, errors);
}

export function parseWith<T>(schema: ZodType<T>, value: unknown, what?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);

  return result.data;
}
