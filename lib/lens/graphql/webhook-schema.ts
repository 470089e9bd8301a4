import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  printSchema,
  type GraphQLFieldConfig,
} from "graphql";

import { OPERATIONS } from "../records/change-events";
import { OBJECT_NAMES, getObject, type ObjectName } from "../registry";
import type { LensContext } from "./context";
import { objectTypes, type LensObjectType } from "./object-types";
import { lowerFirst } from "./query-type";
import { GraphQLInstant } from "./scalars";

/** The two kinds of webhook whose `query` is GraphQL (lens-api.md §4). */
export type WebhookQueryKind = "graphql" | "graphql_deferred";

const GraphQLOperation = new GraphQLEnumType({
  name: "Operation",
  values: Object.fromEntries(OPERATIONS.map((operation) => [operation, { value: operation }])),
});

/** `schemaJobs` for change webhooks, `jobs` for deferred ones. */
export function subscriptionFieldName(kind: WebhookQueryKind, name: ObjectName): string {
  return kind === "graphql" ? `schema${name}` : lowerFirst(name);
}

function changeType(name: ObjectName, node: LensObjectType) {
  return new GraphQLObjectType({
    name: `${name}Change`,
    description: `One change to a ${getObject(name).singular}.`,
    fields: {
      operation: { type: new GraphQLNonNull(GraphQLOperation) },
      timestamp: { type: new GraphQLNonNull(GraphQLInstant), description: "When it committed." },
      data: { type: node, description: "The record after the change; on DELETE, as deleted." },
      previous: { type: node, description: "The record before the change; null on INSERT." },
    },
  });
}

function subscriptionField(
  kind: WebhookQueryKind,
  name: ObjectName,
): GraphQLFieldConfig<unknown, LensContext> {
  const node = objectTypes().get(name);
  if (!node) throw new Error(`no GraphQL type for ${name}`);
  if (kind === "graphql_deferred") {
    return {
      type: new GraphQLNonNull(node),
      description: `The ${name} record, read at fire time.`,
    };
  }

  return {
    type: new GraphQLNonNull(changeType(name, node)),
    description: `Fires on changes to ${name} records.`,
    args: {
      operation: {
        type: new GraphQLList(new GraphQLNonNull(GraphQLOperation)),
        description: "Which operations fire; all when absent.",
      },
      filter: { type: GraphQLString, description: "An EQL filter on the changed record." },
    },
  };
}

const schemas = new Map<WebhookQueryKind, GraphQLSchema>();

/** The schema a webhook's `query` is checked against. */
export function webhookSchema(kind: WebhookQueryKind): GraphQLSchema {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = new GraphQLSchema({
      // GraphQL requires a query type; webhooks only ever use the subscription.
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          schemaVersion: { type: new GraphQLNonNull(GraphQLString), resolve: () => "1" },
        },
      }),
      subscription: new GraphQLObjectType<unknown, LensContext>({
        name: "Subscription",
        fields: Object.fromEntries(
          OBJECT_NAMES.map((name) => [
            subscriptionFieldName(kind, name),
            subscriptionField(kind, name),
          ]),
        ),
      }),
    });
    schemas.set(kind, schema);
  }

  return schema;
}

const sdl = new Map<WebhookQueryKind, string>();

/** The schema as SDL text, served at /webhooks/schema and /webhooks/deferred/schema. */
export function webhookSchemaSdl(kind: WebhookQueryKind): string {
  let text = sdl.get(kind);
  if (text === undefined) {
    text = `${printSchema(webhookSchema(kind))}\n`;
    sdl.set(kind, text);
  }

  return text;
}
