"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

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

  function close() {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      title={`Delete “${title}”?`}
      description={
        <p>
          The {singularLabel(object)} is removed for good, and hooks watching {object.name} see a
          DELETE. This cannot be undone.
        </p>
      }
      onClose={close}
    >
      {remove.isError && (
        <Alert tone="error" className="mb-4">
          {errorMessage(remove.error)}
        </Alert>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={close} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          pending={remove.isPending}
          onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
        >
          {remove.isPending ? "Deleting…" : `Delete ${singularLabel(object)}`}
        </Button>
      </div>
    </Dialog>
  );
}
