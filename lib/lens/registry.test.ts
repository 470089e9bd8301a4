import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { OBJECT_NAMES, OBJECTS, type FieldType } from "./registry";

const PRISMA_SCHEMA = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

/** The Prisma scalar type each registry field type is stored as. */
const COLUMN_TYPE: Record<FieldType, string> = {
  id: "String",
  string: "String",
  picklist: "String",
  multipicklist: "String",
  integer: "Int",
  decimal: "Float",
  boolean: "Boolean",
  datetime: "DateTime",
  date: "DateTime",
};

interface Column {
  name: string;
  type: string;
}

/** Each model's fields as `name type` pairs, read from the schema's text. */
function prismaModels(): Map<string, Column[]> {
  const text = readFileSync(PRISMA_SCHEMA, "utf8");
  const models = new Map<string, Column[]>();
  for (const [, model = "", body = ""] of text.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const columns = [...body.matchAll(/^\s+(\w+)\s+(\w+)/gm)].map(([, name = "", type = ""]) => ({
      name,
      type,
    }));
    models.set(model, columns);
  }

  return models;
}

// The registry promises that a new field means touching the Prisma schema
// and the registry only; this keeps the two from drifting apart.
describe("the object registry and the Prisma schema", () => {
  const models = prismaModels();

  it.each(OBJECT_NAMES)("%s: every field is a column of the right type, and back", (name) => {
    const object = OBJECTS[name];
    const columns = models.get(object.singular) ?? [];
    const relations = columns.filter((column) => models.has(column.type));
    const scalars = columns.filter((column) => !models.has(column.type));

    expect(scalars.map((column) => column.name).sort()).toEqual(
      object.fields.map((field) => field.name).sort(),
    );
    for (const field of object.fields) {
      const column = scalars.find((candidate) => candidate.name === field.name);
      expect({ field: field.name, type: column?.type }).toEqual({
        field: field.name,
        type: COLUMN_TYPE[field.type],
      });
    }
    for (const lookup of object.lookups) {
      const relation = relations.find((candidate) => candidate.name === lookup.name);
      expect({ lookup: lookup.name, target: relation?.type }).toEqual({
        lookup: lookup.name,
        target: OBJECTS[lookup.target].singular,
      });
    }
  });
});
