"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { useDeleteVariable } from "./use-variables";

export function DeleteVariableDialog({
  name,
  onClose,
}: {
  name: string | null;
  onClose: () => void;
}) {
  const remove = useDeleteVariable();

  return (
    <ConfirmDialog
      open={name !== null}
      title={`Delete {{ ${name ?? ""} }}?`}
      description={
        <p>
          The value is gone for good. A webhook that still uses it must be changed first: the delete
          is refused until none does.
        </p>
      }
      confirmLabel="Delete variable"
      pendingLabel="Deleting…"
      action={remove}
      onConfirm={() => {
        if (name) remove.mutate(name, { onSuccess: onClose });
      }}
      onClose={onClose}
    />
  );
}
