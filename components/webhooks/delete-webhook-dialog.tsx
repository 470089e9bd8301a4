"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

import { useDeleteWebhook, type TWebhook } from "./use-webhooks";

export interface DeleteWebhookDialogProps {
  open: boolean;
  hook: TWebhook;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteWebhookDialog({ open, hook, onClose, onDeleted }: DeleteWebhookDialogProps) {
  const remove = useDeleteWebhook(hook.id);

  function close() {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      title={`Delete “${hook.name}”?`}
      description={
        <p>
          Nothing more is sent to <code className="font-mono break-all">{hook.url}</code>:
          deliveries still waiting are dropped, and the delivery log goes with the webhook. This
          cannot be undone.
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
          {remove.isPending ? "Deleting…" : "Delete webhook"}
        </Button>
      </div>
    </Dialog>
  );
}
