import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
} from "graphql";

import { listRecords, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from "../read/list-records";
import { OBJECT_NAMES, getObject, type ObjectDef } from "../registry";
import { intArg, readsOf, stringArg, type LensContext } from "./context";
import { objectTypes, type LensObjectType } from "./object-types";

const PageInfo = new GraphQLObjectType<Page["pageInfo"], LensContext>({
  name: "PageInfo",
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    endCursor: {
      type: GraphQLString,
      description: "Pass as `after` for the next page; null on an empty page.",
    },
  },
});

function connectionType(object: ObjectDef, node: LensObjectType) {
  const edge = new GraphQLObjectType<Page["edges"][number], LensContext>({
    name: `${object.singular}Edge`,
    fields: {
      cursor: { type: new GraphQLNonNull(GraphQLString) },
      node: { type: new GraphQLNonNull(node) },
    },
  });

  return new GraphQLObjectType<Page, LensContext>({
    name: `${object.singular}Connection`,
    fields: {
      totalCount: {
        type: new GraphQLNonNull(GraphQLInt),
        description: "Records matching the filter, on every page.",
        resolve: (page) => page.totalCount(),
      },
      pageInfo: { type: new GraphQLNonNull(PageInfo) },
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
    },
  });
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Per object: `jobs(filter, orderBy, first, after)`, a page of records, and
 * `jobsById(UID)`, one record or null.
 */
export function queryType(): GraphQLObjectType<unknown, LensContext> {
  const fields: Record<string, GraphQLFieldConfig<unknown, LensContext>> = {};
  for (const name of OBJECT_NAMES) {
    const object = getObject(name);
    const node = objectTypes().get(name);
    if (!node) throw new Error(`no GraphQL type for ${name}`);
    const listName = lowerFirst(name);

    fields[listName] = {
      type: new GraphQLNonNull(connectionType(object, node)),
      description: `A page of ${name} records.`,
      args: {
        filter: { type: GraphQLString, description: "An EQL filter, e.g. \"Name LIKE 'A%'\"." },
        orderBy: { type: GraphQLString, description: 'e.g. "Start DESC, Name"; UID breaks ties.' },
        first: {
          type: GraphQLInt,
          description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
        },
        after: { type: GraphQLString, description: "The endCursor of the previous page." },
      },
      resolve: async (_root, args: Record<string, unknown>, context: LensContext) => {
        const { tx, loaders } = readsOf(context);
        const page = await listRecords(
          tx,
          object,
          {
            filter: stringArg(args, "filter"),
            orderBy: stringArg(args, "orderBy"),
            first: intArg(args, "first"),
            after: stringArg(args, "after"),
          },
          context.now,
        );
        loaders.prime(
          name,
          page.edges.map((edge) => edge.node),
        );

        return page;
      },
    };
    fields[`${listName}ById`] = {
      type: node,
      description: `The ${name} record with this UID, or null.`,
      args: { UID: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: Record<string, unknown>, context: LensContext) =>
        readsOf(context)
          .loaders.byUid(name)
          .load(stringArg(args, "UID") ?? ""),
    };
  }

  return new GraphQLObjectType({ name: "Query", fields });
}
