"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { mutationProblems } from "@/components/graphql/errors";
import { Card } from "@/components/ui/card";

import { editableFields, emptyDraft } from "./form-values";
import { listHref, pluralLabel, recordHref, singularLabel } from "./object-meta";
import { RecordForm } from "./record-form";
import type { DataObject, DataObjects } from "./types";
import { useInsertRecord } from "./use-records";

/** The create form; on success the new record opens. */
export function NewRecordView({ object, objects }: { object: DataObject; objects: DataObjects }) {
  const router = useRouter();
  const insert = useInsertRecord(object);
  const names = editableFields(object).map((field) => field.name);
  const problems = insert.isError ? mutationProblems(insert.error, names) : null;
  const singular = singularLabel(object);

  return (
    <div className="flex flex-col gap-4">
      <Link href={listHref(object.name)} className="text-sm font-medium text-indigo-700 underline">
        ← All {pluralLabel(object)}
      </Link>
      <Card
        title={`New ${singular}`}
        description="Fields marked (required) must be filled in; Tripline sets the UID and dates."
      >
        <RecordForm
          object={object}
          objects={objects}
          initial={emptyDraft(object)}
          pending={insert.isPending || insert.isSuccess}
          problems={problems}
          submitLabel={`Create ${singular}`}
          pendingLabel="Creating…"
          onSubmit={(input) =>
            insert.mutate(input, {
              onSuccess: (uid) => router.push(`${recordHref(object.name, uid)}?created=1`),
            })
          }
        />
      </Card>
    </div>
  );
}
