import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { EqlSchema } from "@/lib/eql";
import { OBJECTS, eqlSchema, isObjectName } from "@/lib/lens/registry";

const PRISMA_SCHEMA = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

/** Field name → whether its column is optional (`String?`), per Prisma model. */
function optionalColumns(): Map<string, Map<string, boolean>> {
  const models = new Map<string, Map<string, boolean>>();
  let current: Map<string, boolean> | null = null;
  for (const line of readFileSync(PRISMA_SCHEMA, "utf8").split("\n")) {
    const model = /^model (\w+) \{/.exec(line);
    if (model?.[1]) {
      current = new Map();
      models.set(model[1], current);
    } else if (line.startsWith("}")) {
      current = null;
    } else {
      const column = /^\s+(\w+)\s+(\w+)(\?)?/.exec(line);
      if (current && column?.[1]) current.set(column[1], column[3] === "?");
    }
  }

  return models;
}

/**
 * The registry's EQL schema with each field's `nullable` taken from the
 * Prisma schema, as query translation needs it.
 */
export function annotatedSchema(): EqlSchema {
  const columns = optionalColumns();

  return Object.fromEntries(
    Object.entries(eqlSchema()).map(([name, object]) => {
      const model = isObjectName(name) ? columns.get(OBJECTS[name].singular) : undefined;
      const fields = object.fields.map((field) => {
        const optional = model?.get(field.name);

        return optional === undefined ? field : { ...field, nullable: optional };
      });

      return [name, { ...object, fields }];
    }),
  );
}
