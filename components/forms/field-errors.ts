import type { z } from "zod";

import { ApiRequestError } from "@/components/api-client";

/** One message per field, keyed by the field's top-level name. */
export type FieldErrors = Partial<Record<string, string>>;

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    errors[key] ??= sentence(issue.message);
  }

  return errors;
}

/** The server's per-field messages, when the error named fields. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiRequestError)) return errors;
  for (const issue of error.errors) {
    const key = issue.path.split(".")[0] ?? "";
    errors[key] ??= sentence(issue.message);
  }

  return errors;
}
