"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { useDeleteWebhook, type TWebhook } from "./use-webhooks";

export interface DeleteWebhookDialogProps {
  open: boolean;
  hook: TWebhook;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteWebhookDialog({ open, hook, onClose, onDeleted }: DeleteWebhookDialogProps) {
  const remove = useDeleteWebhook(hook.id);

  return (
    <ConfirmDialog
      open={open}
      title={`Delete “${hook.name}”?`}
      description={
        <p>
          Nothing more is sent to <code className="font-mono break-all">{hook.url}</code>:
          deliveries still waiting are dropped, and the delivery log goes with the webhook. This
          cannot be undone.
        </p>
      }
      confirmLabel="Delete webhook"
      pendingLabel="Deleting…"
      action={remove}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
      onClose={onClose}
    />
  );
}
