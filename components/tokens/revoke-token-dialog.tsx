"use client";

import type { TTokenView } from "@/lib/auth/schemas";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { useRevokeToken } from "./use-tokens";

export function RevokeTokenDialog({
  token,
  onClose,
}: {
  token: TTokenView | null;
  onClose: () => void;
}) {
  const revoke = useRevokeToken();

  return (
    <ConfirmDialog
      open={token !== null}
      title={`Revoke “${token?.name ?? ""}”?`}
      description={
        <p>
          Anything that sends <code className="font-mono">{token?.prefix}…</code> gets 401
          Unauthorized from now on. This cannot be undone; make a new token if you need one.
        </p>
      }
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      action={revoke}
      onConfirm={() => {
        if (token) revoke.mutate(token.id, { onSuccess: onClose });
      }}
      onClose={onClose}
    />
  );
}
