"use client";

import { useState } from "react";

import type { TTokenView } from "@/lib/auth/schemas";

import { errorMessage } from "@/components/api-client";
import type { TCreatedToken } from "@/components/api-schemas";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

import { CreateTokenForm } from "./create-token-form";
import { NewTokenPanel } from "./new-token-panel";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokensTable } from "./tokens-table";
import { useTokens } from "./use-tokens";

export function TokensView({
  currentUserId,
  isAdmin,
}: {
  currentUserId: string;
  isAdmin: boolean;
}) {
  const tokens = useTokens();
  const [created, setCreated] = useState<TCreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TTokenView | null>(null);

  return (
    <div className="flex flex-col gap-6">
      {created && <NewTokenPanel token={created} onDone={() => setCreated(null)} />}
      <Card title="Create a token" description="A token acts as you, with your role.">
        <CreateTokenForm onCreated={setCreated} />
      </Card>
      <Card
        title="Active tokens"
        description={isAdmin ? "Every user's tokens; you can revoke any of them." : "Your tokens."}
        flush
      >
        {tokens.isPending && <p className="p-5 text-sm text-slate-600">Loading tokens…</p>}
        {tokens.isError && (
          <Alert tone="error" className="m-5">
            Could not load tokens: {errorMessage(tokens.error)}
          </Alert>
        )}
        {tokens.data?.length === 0 && (
          <div className="p-5 text-sm text-slate-600">
            <p className="font-medium text-slate-900">No active tokens.</p>
            <p className="mt-1">
              Create one above for each script or service that calls the API, then send it as{" "}
              <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
            </p>
          </div>
        )}
        {tokens.data && tokens.data.length > 0 && (
          <TokensTable tokens={tokens.data} currentUserId={currentUserId} onRevoke={setRevoking} />
        )}
      </Card>
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
