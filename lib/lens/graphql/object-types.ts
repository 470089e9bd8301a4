import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLScalarType,
} from "graphql";

import {
  OBJECT_NAMES,
  getObject,
  isNullable,
  type FieldDef,
  type ObjectDef,
  type ObjectName,
} from "../registry";
import { readsOf, type LensContext, type LensRow } from "./context";
import { GraphQLInstant } from "./scalars";

export type LensObjectType = GraphQLObjectType<LensRow, LensContext>;
type FieldConfig = GraphQLFieldConfig<LensRow, LensContext>;

/** Picklists are strings, as in Skedulo; the write layer checks their values. */
export function scalarType(field: FieldDef): GraphQLScalarType {
  switch (field.type) {
    case "id":
      return GraphQLID;
    case "boolean":
      return GraphQLBoolean;
    case "integer":
      return GraphQLInt;
    case "decimal":
      return GraphQLFloat;
    case "datetime":
      return GraphQLInstant;
    case "string":
    case "picklist":
    case "multipicklist":
    case "date":
      return GraphQLString;
  }
}

/** A field's description; an update input leaves out what only inserts need. */
export function describeField(field: FieldDef, forUpdate = false): string | undefined {
  const notes: string[] = [];
  if (field.readOnly) notes.push("Set by Tripline.");
  if (field.required && !forUpdate) notes.push("Required on insert.");
  if (field.values) notes.push(`One of: ${field.values.join(", ")}.`);
  if (field.min !== undefined) notes.push(`At least ${field.min}.`);
  if (field.type === "multipicklist") notes.push("Values separated by ';'.");
  if (field.default !== undefined && !forUpdate) notes.push(`Default: ${String(field.default)}.`);

  return notes.length ? notes.join(" ") : undefined;
}

let cached: ReadonlyMap<ObjectName, LensObjectType> | undefined;

/**
 * One GraphQL object type per Lens object, from the registry: its fields,
 * its lookups (`Region`) and its reverse relations (`JobAllocations`). The
 * query schema and the webhook schemas share them.
 */
export function objectTypes(): ReadonlyMap<ObjectName, LensObjectType> {
  if (cached) return cached;
  const types = new Map<ObjectName, LensObjectType>();
  const typeOf = (name: ObjectName): LensObjectType => {
    const type = types.get(name);
    if (!type) throw new Error(`no GraphQL type for ${name}`);

    return type;
  };
  for (const name of OBJECT_NAMES) {
    const object = getObject(name);
    types.set(
      name,
      new GraphQLObjectType<LensRow, LensContext>({
        name: object.singular,
        description: `A record of ${name}.`,
        fields: () => ({ ...scalarFields(object), ...relationFields(object, typeOf) }),
      }),
    );
  }
  cached = types;

  return types;
}

function scalarFields(object: ObjectDef): Record<string, FieldConfig> {
  return Object.fromEntries(
    object.fields.map((field) => {
      const type = scalarType(field);

      return [
        field.name,
        {
          type: isNullable(field) ? type : new GraphQLNonNull(type),
          description: describeField(field),
        },
      ];
    }),
  );
}

function relationFields(
  object: ObjectDef,
  typeOf: (name: ObjectName) => LensObjectType,
): Record<string, FieldConfig> {
  const fields: Record<string, FieldConfig> = {};
  for (const lookup of object.lookups) {
    fields[lookup.name] = {
      type: typeOf(lookup.target),
      description: `The ${lookup.target} record named by ${lookup.field}.`,
      resolve: (row, _args, context: LensContext) => {
        const uid = row[lookup.field];

        return typeof uid === "string"
          ? readsOf(context).loaders.byUid(lookup.target).load(uid)
          : null;
      },
    };
  }
  for (const relation of object.reverse) {
    fields[relation.name] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(typeOf(relation.target)))),
      description: `The ${relation.target} records whose ${relation.field} is this record, oldest first.`,
      resolve: (row, _args, context: LensContext) =>
        typeof row.UID === "string"
          ? readsOf(context).loaders.reverse(object.name, relation).load(row.UID)
          : [],
    };
  }

  return fields;
}
