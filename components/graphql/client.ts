import { z } from "zod";

import { ApiRequestError } from "@/components/api-client";

export const ZGraphQLErrorSchema = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  locations: z.array(z.object({ line: z.number(), column: z.number() })).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type TGraphQLError = z.infer<typeof ZGraphQLErrorSchema>;

const ZGraphQLResponseSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(ZGraphQLErrorSchema).optional(),
});

// The API's own error body, sent when a request never reaches GraphQL
// (no session: 401; a body that is not JSON: 400...).
const ZApiErrorSchema = z.object({ errorType: z.string(), message: z.string() });

/** A GraphQL answer that carried errors: the query, the filter or the input was refused. */
export class GraphQLResultError extends Error {
  override name = "GraphQLResultError";

  constructor(readonly errors: TGraphQLError[]) {
    super(errors.map((error) => error.message).join("\n") || "The query failed.");
  }
}

export interface GraphQLExchange {
  status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

/** Sends one GraphQL request with the session cookie and returns whatever came back. */
export async function postGraphQL(
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLExchange> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      cache: "no-store",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
    });
  } catch {
    throw new ApiRequestError(
      0,
      "network_error",
      "Could not reach Tripline. Check the connection.",
    );
  }
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);

    return { status: response.status, body };
  } catch {
    return { status: response.status, body: text };
  }
}

/**
 * Runs a query and returns its `data`, checked against `schema`. Refusals
 * before GraphQL become ApiRequestError (so a 401 sends the operator to sign
 * in); GraphQL errors become GraphQLResultError with every error kept.
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown> | undefined,
  schema: z.ZodType<T>,
): Promise<T> {
  const { status, body } = await postGraphQL(query, variables);

  const refused = ZApiErrorSchema.safeParse(body);
  if (refused.success)
    throw new ApiRequestError(status, refused.data.errorType, refused.data.message);

  const answer = ZGraphQLResponseSchema.safeParse(body);
  if (answer.success && answer.data.errors && answer.data.errors.length > 0) {
    throw new GraphQLResultError(answer.data.errors);
  }
  const data = schema.safeParse(answer.success ? answer.data.data : undefined);
  if (status < 200 || status >= 300 || !data.success) {
    throw new ApiRequestError(
      status,
      "unexpected_response",
      `GraphQL answered ${status} with something the console did not expect; reload the page.`,
    );
  }

  return data.data;
}
