"use client";

import type { ReactNode } from "react";

import { errorMessage } from "@/components/api-client";

import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

/** What the dialog reads of the react-query mutation it runs. */
export interface ConfirmAction {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  /** The danger button's label, and its label while the action runs. */
  confirmLabel: string;
  pendingLabel: string;
  action: ConfirmAction;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Asks before a step that cannot be undone. A refusal shows above the
 * buttons and keeps the dialog open; it cannot be closed while the action
 * runs, and closing clears the last refusal.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel,
  action,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  function close() {
    if (action.isPending) return;
    action.reset();
    onClose();
  }

  return (
    <Dialog open={open} title={title} description={description} onClose={close}>
      {action.isError && (
        <Alert tone="error" className="mb-4">
          {errorMessage(action.error)}
        </Alert>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={close} disabled={action.isPending}>
          Cancel
        </Button>
        <Button variant="danger" pending={action.isPending} onClick={onConfirm}>
          {action.isPending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
