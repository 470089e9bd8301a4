import { route } from "@/lib/api";
import { webhookSchemaSdl } from "@/lib/lens";

/** The subscription schema that `graphql` webhook queries are written against, as SDL. */
export const GET = route(
  "viewer",
  () =>
    new Response(webhookSchemaSdl("graphql"), {
      headers: { "content-type": "text/plain; charset=utf-8" },
    }),
);
