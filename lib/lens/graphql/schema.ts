import { GraphQLSchema } from "graphql";

import { mutationType } from "./mutation-type";
import { queryType } from "./query-type";

let cached: GraphQLSchema | undefined;

/** The schema served at POST /graphql, generated from the registry once. */
export function lensSchema(): GraphQLSchema {
  cached ??= new GraphQLSchema({ query: queryType(), mutation: mutationType() });

  return cached;
}
