"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

import { useDeleteVariable } from "./use-variables";

export function DeleteVariableDialog({
  name,
  onClose,
}: {
  name: string | null;
  onClose: () => void;
}) {
  const remove = useDeleteVariable();

  function close() {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  }

  return (
    <Dialog
      open={name !== null}
      title={`Delete {{ ${name ?? ""} }}?`}
      description={
        <p>
          The value is gone for good. A webhook that still uses it must be changed first: the delete
          is refused until none does.
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
          onClick={() => {
            if (name) remove.mutate(name, { onSuccess: () => close() });
          }}
        >
          {remove.isPending ? "Deleting…" : "Delete variable"}
        </Button>
      </div>
    </Dialog>
  );
}
