"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { singularLabel } from "./object-meta";
import type { DataObject } from "./types";
import { useDeleteRecord } from "./use-records";

export interface DeleteRecordDialogProps {
  open: boolean;
  object: DataObject;
  uid: string;
  title: string;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteRecordDialog({
  open,
  object,
  uid,
  title,
  onClose,
  onDeleted,
}: DeleteRecordDialogProps) {
  const remove = useDeleteRecord(object, uid);

  return (
    <ConfirmDialog
      open={open}
      title={`Delete “${title}”?`}
      description={
        <p>
          The {singularLabel(object)} is removed for good, and hooks watching {object.name} see a
          DELETE. This cannot be undone.
        </p>
      }
      confirmLabel={`Delete ${singularLabel(object)}`}
      pendingLabel="Deleting…"
      action={remove}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
      onClose={onClose}
    />
  );
}
