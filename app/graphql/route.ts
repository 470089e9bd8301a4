import { NextResponse } from "next/server";
import { z } from "zod";

import { ApiError, route } from "@/lib/api";
import { executeGraphql, LensError } from "@/lib/lens";

const ZGraphqlRequestSchema = z.object({
  query: z.string().min(1, "must not be empty"),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/**
 * The Lens GraphQL API. Answers are standard GraphQL JSON, status 200 even
 * when `errors` is set; only the wrapper's own refusals (401, 403 for a
 * viewer's mutation, 413, 415) and a malformed request body use other codes.
 */
export const POST = route("viewer", async ({ body, principal, log }) => {
  const request = await body(ZGraphqlRequestSchema);
  try {
    return NextResponse.json(await executeGraphql(request, principal, { log }));
  } catch (error) {
    if (error instanceof LensError && error.code === "FORBIDDEN") {
      throw new ApiError("forbidden", error.message);
    }
    throw error;
  }
});
