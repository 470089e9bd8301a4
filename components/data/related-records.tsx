"use client";

import Link from "next/link";

import { Card } from "@/components/ui/card";

import { FieldValue } from "./field-value";
import {
  capitalise,
  isRecord,
  pluralLabel,
  recordHref,
  recordTitle,
  scalarText,
  words,
} from "./object-meta";
import type { DataObject, DataObjects, DataRecord } from "./types";

/** Records pointing back at this one, e.g. a job's allocations. */
export function RelatedRecords({
  object,
  objects,
  record,
}: {
  object: DataObject;
  objects: DataObjects;
  record: DataRecord;
}) {
  return (
    <>
      {object.reverse.map((relation) => {
        const target = objects[relation.target];
        const value = record[relation.name];
        if (!target || !Array.isArray(value)) return null;
        const related = value.filter(isRecord);
        const status = target.fields.find((field) => field.type === "picklist");

        return (
          <Card
            key={relation.name}
            title={`${capitalise(words(relation.name))} (${related.length})`}
          >
            {related.length === 0 ? (
              <p className="text-sm text-slate-600">No {pluralLabel(target)} yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {related.map((item) => (
                  <li
                    key={scalarText(item.UID)}
                    className="flex items-center justify-between gap-3 py-2"
                  >
                    <Link
                      href={recordHref(target.name, scalarText(item.UID) ?? "")}
                      className="font-medium text-indigo-700 underline"
                    >
                      {recordTitle(target, item)}
                    </Link>
                    {status && <FieldValue field={status} value={item[status.name]} />}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </>
  );
}
