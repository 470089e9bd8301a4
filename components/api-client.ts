import { z } from "zod";

import type { FieldIssue } from "@/lib/api/errors";

const ZErrorBodySchema = z.object({
  errorType: z.string(),
  message: z.string(),
  errorId: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** A refused or failed API call, carrying the server's error body. */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";

  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly errors: FieldIssue[] = [],
    readonly errorId?: string,
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

export interface ApiFetchOptions {
  method?: Method;
  body?: unknown;
}

async function send(path: string, { method = "GET", body }: ApiFetchOptions): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      cache: "no-store",
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(
      0,
      "network_error",
      "Could not reach Tripline. Check the connection.",
    );
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json();

    return body;
  } catch {
    return null;
  }
}

function toError(response: Response, body: unknown): ApiRequestError {
  const parsed = ZErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiRequestError(
      response.status,
      "unexpected_response",
      `Tripline answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const { errorType, message, errors, errorId } = parsed.data;

  return new ApiRequestError(response.status, errorType, message, errors, errorId);
}

/** Reads a JSON body whatever the status, for endpoints outside the `{result}` envelope. */
export async function fetchJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await send(path, {});
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw toError(response, null);

  return parsed.data;
}

/**
 * Calls the API and returns its `result`, checked against `schema` so a
 * server change that the console does not know about fails loudly here.
 */
export async function apiFetch<T>(
  path: string,
  schema: z.ZodType<T>,
  options: ApiFetchOptions = {},
): Promise<T> {
  const response = await send(path, options);
  const body = await readJson(response);
  if (!response.ok) throw toError(response, body);

  const parsed = z.object({ result: schema }).safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(
      response.status,
      "unexpected_response",
      "Tripline's answer was not what the console expected; reload the page.",
    );
  }

  return parsed.data.result;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** For a single control: the server's words about that field, else its message. */
export function fieldMessage(error: unknown, path: string): string {
  const issue =
    error instanceof ApiRequestError ? error.errors.find((e) => e.path === path) : undefined;
  if (!issue) return errorMessage(error);

  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/** The server's words about one field of a form, or undefined when it said nothing about it. */
export function fieldIssue(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const issue = error.errors.find((e) => e.path === path);

  return issue && issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}
