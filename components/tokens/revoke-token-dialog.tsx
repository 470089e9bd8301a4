"use client";

import type { TTokenView } from "@/lib/auth/schemas";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

import { useRevokeToken } from "./use-tokens";

export function RevokeTokenDialog({
  token,
  onClose,
}: {
  token: TTokenView | null;
  onClose: () => void;
}) {
  const revoke = useRevokeToken();

  function close() {
    if (revoke.isPending) return;
    revoke.reset();
    onClose();
  }

  return (
    <Dialog
      open={token !== null}
      title={`Revoke “${token?.name ?? ""}”?`}
      description={
        <p>
          Anything that sends <code className="font-mono">{token?.prefix}…</code> gets 401
          Unauthorized from now on. This cannot be undone; make a new token if you need one.
        </p>
      }
      onClose={close}
    >
      {revoke.isError && (
        <Alert tone="error" className="mb-4">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={close} disabled={revoke.isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          pending={revoke.isPending}
          onClick={() => {
            if (token) revoke.mutate(token.id, { onSuccess: () => close() });
          }}
        >
          {revoke.isPending ? "Revoking…" : "Revoke token"}
        </Button>
      </div>
    </Dialog>
  );
}
