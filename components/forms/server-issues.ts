import { ApiRequestError } from "@/components/api-client";

/** A refused save, sorted into what each field shows and what only the form can show. */
export interface FormIssues {
  /** Messages per field the form has, in the server's order. */
  fields: Partial<Record<string, string[]>>;
  /** Issues naming no field of the form, or a field it does not show now. */
  unplaced: string[];
  /** The error's own message, for an error that named no field at all (403, network, 500). */
  general: string | null;
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Places every server issue next to the field its path starts with:
 * `headers.X-Api-Key` belongs to `headers`, and says which header it is
 * about because one box holds them all. An issue for a field the form does
 * not have must still be seen, so it goes to the form-level list.
 */
export function placeIssues(error: unknown, fieldNames: readonly string[]): FormIssues {
  const result: FormIssues = { fields: {}, unplaced: [], general: null };
  if (!error) return result;
  if (!(error instanceof ApiRequestError) || error.errors.length === 0) {
    result.general = error instanceof Error ? error.message : "Something went wrong.";

    return result;
  }
  for (const { path, message } of error.errors) {
    const [head = "", ...rest] = path.split(".");
    const detail = rest.join(".");
    if (fieldNames.includes(head)) {
      const text = detail ? `${detail}: ${message}` : sentence(message);
      (result.fields[head] ??= []).push(text);
    } else {
      result.unplaced.push(path && path !== "(body)" ? `${path}: ${message}` : sentence(message));
    }
  }

  return result;
}

/** One field's messages as the text under it, or undefined when it has none. */
export function fieldText(issues: FormIssues, field: string): string | undefined {
  const messages = issues.fields[field];

  return messages?.length ? messages.join(" · ") : undefined;
}
