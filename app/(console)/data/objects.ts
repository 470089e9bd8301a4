import { getObject, OBJECT_NAMES } from "@/lib/lens/registry";

import type { DataObject, DataObjects } from "@/components/data/types";

/**
 * The registry as the console's client components receive it: plain data,
 * without the server-only model names.
 */
export function dataObjects(): { objects: DataObjects; names: readonly string[] } {
  const objects = Object.fromEntries(
    OBJECT_NAMES.map((name): [string, DataObject] => {
      const { singular, fields, lookups, reverse } = getObject(name);

      return [name, { name, singular, fields, lookups, reverse }];
    }),
  );

  return { objects, names: OBJECT_NAMES };
}
