"use client";

import { mutationProblems } from "@/components/graphql/errors";

import { draftFromRecord, editableFields } from "./form-values";
import { scalarText } from "./object-meta";
import { RecordForm } from "./record-form";
import type { DataObject, DataObjects, DataRecord } from "./types";
import { useUpdateRecord } from "./use-records";

export function RecordEditor({
  object,
  objects,
  record,
  uid,
}: {
  object: DataObject;
  objects: DataObjects;
  record: DataRecord;
  uid: string;
}) {
  const update = useUpdateRecord(object, uid);
  const names = editableFields(object).map((field) => field.name);
  const problems = update.isError ? mutationProblems(update.error, names) : null;

  return (
    <RecordForm
      // A saved record comes back with a new LastModifiedDate: the form starts
      // again from what the server now holds.
      key={scalarText(record.LastModifiedDate) ?? ""}
      object={object}
      objects={objects}
      initial={draftFromRecord(object, record)}
      record={record}
      pending={update.isPending}
      problems={problems}
      submitLabel="Save changes"
      pendingLabel="Saving…"
      status={update.isSuccess && <span className="text-emerald-700">Saved.</span>}
      onSubmit={(changes) => update.mutate(changes)}
      onEdit={() => {
        if (update.isSuccess) update.reset();
      }}
    />
  );
}
