import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLInputFieldConfig,
} from "graphql";

import { LensError } from "../errors";
import { OBJECT_NAMES, getObject, writableFields, type ObjectDef } from "../registry";
import { objectArg, stringArg, type LensContext } from "./context";
import type { MutationRun } from "./mutation-run";
import { describeField, scalarType } from "./object-types";

type MutationField = GraphQLFieldConfig<unknown, LensContext>;

/**
 * Input fields are all nullable in GraphQL, required ones included: the write
 * layer checks presence, so a missing field is reported like any other field
 * error, on the operation's path, rather than as a document error.
 */
function inputType(object: ObjectDef, kind: "New" | "Update"): GraphQLInputObjectType {
  const fields: Record<string, GraphQLInputFieldConfig> = {};
  if (kind === "Update") fields.UID = { type: new GraphQLNonNull(GraphQLID) };
  for (const field of writableFields(object)) {
    fields[field.name] = {
      type: scalarType(field),
      description: describeField(field, kind === "Update"),
    };
  }

  return new GraphQLInputObjectType({ name: `${kind}${object.name}`, fields });
}

function runOf(context: LensContext): MutationRun {
  // Only execute.ts runs mutations, and it always provides one.
  if (!context.mutation) throw new Error("mutation resolver ran without a write transaction");

  return context.mutation;
}

function objectMutations(object: ObjectDef): Record<string, MutationField> {
  const name = object.name;

  return {
    [`insert${name}`]: {
      type: new GraphQLNonNull(GraphQLID),
      description: `Inserts a ${object.singular}; returns its UID.`,
      args: {
        input: { type: new GraphQLNonNull(inputType(object, "New")) },
        idAlias: {
          type: GraphQLString,
          description: "A name later operations of this request may use as this record's UID.",
        },
      },
      resolve: (_root, args: Record<string, unknown>, context: LensContext) => {
        const run = runOf(context);

        return run.run(async () => {
          const input = run.resolveAliases(name, objectArg(args, "input"));
          const record = await run.writer.insert(name, input);
          const alias = stringArg(args, "idAlias");
          if (alias) run.remember(alias, String(record.UID));

          return record.UID;
        });
      },
    },
    [`update${name}`]: {
      type: new GraphQLNonNull(GraphQLID),
      description: `Changes the fields given (null clears one); returns the UID.`,
      args: { input: { type: new GraphQLNonNull(inputType(object, "Update")) } },
      resolve: (_root, args: Record<string, unknown>, context: LensContext) => {
        const run = runOf(context);

        return run.run(async () => {
          const { UID: uid, ...patch } = run.resolveAliases(name, objectArg(args, "input"));
          if (typeof uid !== "string") throw LensError.field("UID", "is required");
          await run.writer.update(name, uid, patch);

          return uid;
        });
      },
    },
    [`delete${name}`]: {
      type: new GraphQLNonNull(GraphQLID),
      description: `Deletes a ${object.singular}; returns its UID.`,
      args: { UID: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: Record<string, unknown>, context: LensContext) => {
        const run = runOf(context);

        return run.run(async () => {
          const uid = stringArg(args, "UID") ?? "";
          await run.writer.delete(name, uid);

          return uid;
        });
      },
    },
  };
}

/** `mutation { schema { insertJobs(...) updateJobs(...) deleteJobs(...) } }`, as in Skedulo. */
export function mutationType(): GraphQLObjectType<unknown, LensContext> {
  const schemaMutations = new GraphQLObjectType<unknown, LensContext>({
    name: "SchemaMutation",
    description: "Every operation of one request commits together or not at all.",
    fields: Object.fromEntries(
      OBJECT_NAMES.flatMap((name) => Object.entries(objectMutations(getObject(name)))),
    ),
  });

  return new GraphQLObjectType<unknown, LensContext>({
    name: "Mutation",
    fields: { schema: { type: schemaMutations, resolve: () => ({}) } },
  });
}
