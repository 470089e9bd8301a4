"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";

import { DeleteRecordDialog } from "./delete-record-dialog";
import {
  capitalise,
  displayFieldName,
  listHref,
  pluralLabel,
  recordTitle,
  singularLabel,
} from "./object-meta";
import { RecordDetails } from "./record-details";
import { RecordEditor } from "./record-editor";
import { RelatedRecords } from "./related-records";
import type { DataObject, DataObjects } from "./types";
import { useRecord } from "./use-records";

export interface RecordViewProps {
  object: DataObject;
  objects: DataObjects;
  uid: string;
  canEdit: boolean;
  /** Arrived here straight from the create form. */
  justCreated: boolean;
}

function BackLink({ object }: { object: DataObject }) {
  return (
    <Link href={listHref(object.name)} className="text-sm font-medium text-indigo-700 underline">
      ← All {pluralLabel(object)}
    </Link>
  );
}

/** One record: every field, editable by admins, plus the records that point at it. */
export function RecordView({ object, objects, uid, canEdit, justCreated }: RecordViewProps) {
  const router = useRouter();
  const record = useRecord(object, objects, uid);
  const [deleting, setDeleting] = useState(false);

  if (record.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
        <Spinner /> Loading the {singularLabel(object)}…
      </p>
    );
  }
  if (record.isError || record.data === null) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink object={object} />
        <Alert tone={record.isError ? "error" : "warning"}>
          {record.isError
            ? `Could not load the ${singularLabel(object)}: ${errorMessage(record.error)}`
            : `No ${singularLabel(object)} has the UID ${uid}. It may have been deleted.`}
        </Alert>
      </div>
    );
  }

  const data = record.data;
  const title = recordTitle(object, data);
  // The record's name first, then the UID and dates.
  const display = displayFieldName(object);
  const readOnly = object.fields
    .filter((field) => field.readOnly)
    .sort((a, b) => Number(b.name === display) - Number(a.name === display));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <BackLink object={object} />
          <h1 className="mt-2 text-2xl font-semibold tracking-tight break-all text-slate-900">
            {title}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{capitalise(singularLabel(object))}</p>
        </div>
        {canEdit && (
          <Button variant="secondary" onClick={() => setDeleting(true)}>
            Delete {singularLabel(object)}
          </Button>
        )}
      </header>
      {justCreated && <Alert tone="success">{capitalise(singularLabel(object))} created.</Alert>}
      {canEdit ? (
        <>
          <Card title="Set by Tripline" description="Read-only: the API fills these in.">
            <RecordDetails object={object} objects={objects} record={data} fields={readOnly} />
          </Card>
          <Card title="Fields">
            <RecordEditor object={object} objects={objects} record={data} uid={uid} />
          </Card>
        </>
      ) : (
        <Card title="Fields" description="Viewers can read records; ask an admin to change them.">
          <RecordDetails object={object} objects={objects} record={data} fields={object.fields} />
        </Card>
      )}
      <RelatedRecords object={object} objects={objects} record={data} />
      {canEdit && (
        <DeleteRecordDialog
          open={deleting}
          object={object}
          uid={uid}
          title={title}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            router.push(listHref(object.name));
          }}
        />
      )}
    </div>
  );
}
