"use client";

import { FieldValue, LookupValue } from "./field-value";
import { lookupFor } from "./object-meta";
import type { DataField, DataObject, DataObjects, DataRecord } from "./types";

export interface RecordDetailsProps {
  object: DataObject;
  objects: DataObjects;
  record: DataRecord;
  fields: readonly DataField[];
}

/** Fields for reading: a lookup shows the related record's name, linked to it. */
export function RecordDetails({ object, objects, record, fields }: RecordDetailsProps) {
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
      {fields.map((field) => {
        const lookup = lookupFor(object, field.name);

        return (
          <div key={field.name} className="min-w-0">
            <dt className="text-slate-600">{lookup?.name ?? field.name}</dt>
            <dd className="mt-0.5 text-slate-900" data-field={field.name}>
              {lookup ? (
                <LookupValue lookup={lookup} objects={objects} value={record[lookup.name]} link />
              ) : (
                <FieldValue field={field} value={record[field.name]} />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
