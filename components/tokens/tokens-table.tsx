"use client";

import type { TTokenView } from "@/lib/auth/schemas";

import { formatDate, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

function When({ iso, empty = "never" }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="text-slate-500">{empty}</span>;

  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}

function Expiry({ token }: { token: TTokenView }) {
  if (!token.expiresAt) return <span className="text-slate-500">never</span>;

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={token.expiresAt} title={token.expiresAt}>
        {formatDate(token.expiresAt)}
      </time>
      {token.expired && <Badge tone="danger">expired</Badge>}
    </span>
  );
}

export interface TokensTableProps {
  tokens: TTokenView[];
  currentUserId: string;
  onRevoke: (token: TTokenView) => void;
}

export function TokensTable({ tokens, currentUserId, onRevoke }: TokensTableProps) {
  return (
    <Table label="API tokens">
      <THead>
        <TH>Name</TH>
        <TH>Owner</TH>
        <TH>Token</TH>
        <TH>Created</TH>
        <TH>Last used</TH>
        <TH>Expires</TH>
        <TH>
          <span className="sr-only">Actions</span>
        </TH>
      </THead>
      <TBody>
        {tokens.map((token) => (
          <TR key={token.id}>
            <TD className="font-medium text-slate-900">{token.name}</TD>
            <TD>
              <div>{token.owner.id === currentUserId ? "You" : token.owner.name}</div>
              <div className="text-xs text-slate-500">{token.owner.email}</div>
            </TD>
            <TD className="font-mono text-xs whitespace-nowrap">{token.prefix}…</TD>
            <TD className="whitespace-nowrap">
              <When iso={token.createdAt} />
            </TD>
            <TD className="whitespace-nowrap">
              <When iso={token.lastUsedAt} />
            </TD>
            <TD className="whitespace-nowrap">
              <Expiry token={token} />
            </TD>
            <TD className="text-right">
              <Button
                variant="secondary"
                size="sm"
                aria-label={`Revoke ${token.name}`}
                onClick={() => onRevoke(token)}
              >
                Revoke
              </Button>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
