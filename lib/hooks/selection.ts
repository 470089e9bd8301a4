import { Kind, type DocumentNode, type FieldNode, type SelectionSetNode } from "graphql";

import { getObject, type ObjectName } from "@/lib/lens/registry";

/**
 * The record fields a change webhook selects under `data`: an UPDATE fires
 * only when one of them changed. A lookup (`Region { Name }`) counts as its
 * key field (`RegionId`); reverse relations never change with the record.
 */
export function selectedDataFields(
  root: FieldNode,
  document: DocumentNode,
  object: ObjectName,
): Set<string> {
  const fields = new Set<string>();
  for (const data of fieldsOf(root.selectionSet, document)) {
    if (data.name.value !== "data") continue;
    for (const field of fieldsOf(data.selectionSet, document)) {
      const name = field.name.value;
      const lookup = getObject(object).lookups.find((candidate) => candidate.name === name);
      fields.add(lookup ? lookup.field : name);
    }
  }

  return fields;
}

/** The fields of a selection set, through inline fragments and fragment spreads. */
function fieldsOf(set: SelectionSetNode | undefined, document: DocumentNode): FieldNode[] {
  if (!set) return [];

  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION &&
        definition.name.value === selection.name.value,
    );

    return fragment?.kind === Kind.FRAGMENT_DEFINITION
      ? fieldsOf(fragment.selectionSet, document)
      : [];
  });
}
