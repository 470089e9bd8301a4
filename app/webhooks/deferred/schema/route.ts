import { route } from "@/lib/api";
import { webhookSchemaSdl } from "@/lib/lens";

/** The schema that `graphql_deferred` webhook queries are written against, as SDL. */
export const GET = route(
  "viewer",
  () =>
    new Response(webhookSchemaSdl("graphql_deferred"), {
      headers: { "content-type": "text/plain; charset=utf-8" },
    }),
);
