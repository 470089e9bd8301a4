"use client";

import Link from "next/link";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { useSummaries, useWebhooks } from "./use-webhooks";
import { webhookObject } from "./webhook-object";

export function WebhooksList({ isAdmin }: { isAdmin: boolean }) {
  const hooks = useWebhooks();
  const summaries = useSummaries();
  const summary = (id: string) => summaries.data?.find((item) => item.id === id);

  return (
    <Card
      title="Webhooks"
      flush
      actions={
        isAdmin ? (
          <Link className="text-sm font-medium text-indigo-700" href="/hooks/webhooks/new">
            New webhook
          </Link>
        ) : undefined
      }
    >
      {hooks.isError && <Alert tone="error">{errorMessage(hooks.error)}</Alert>}
      {hooks.data?.length === 0 && <p className="p-5 text-sm text-slate-600">No webhooks yet.</p>}
      {hooks.data && hooks.data.length > 0 && (
        <Table label="Webhooks">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Type</TH>
              <TH>Object</TH>
              <TH>URL</TH>
              <TH>Enabled</TH>
              <TH>Last delivery</TH>
              <TH>Success (24 h)</TH>
            </TR>
          </THead>
          <TBody>
            {hooks.data.map((hook) => {
              const figures = summary(hook.id);
              const rate = figures?.successRate24h;

              return (
                <TR key={hook.id}>
                  <TD>
                    <Link
                      className="font-medium text-indigo-700"
                      href={`/hooks/webhooks/${hook.id}`}
                    >
                      {hook.name}
                    </Link>
                  </TD>
                  <TD>{hook.type}</TD>
                  <TD>{webhookObject(hook) ?? "—"}</TD>
                  <TD className="max-w-xs truncate font-mono text-xs">{hook.url}</TD>
                  <TD>
                    <Badge tone={hook.enabled ? "accent" : "neutral"}>
                      {hook.enabled ? "on" : "off"}
                    </Badge>
                  </TD>
                  <TD>
                    {figures?.lastStatus
                      ? `${figures.lastStatus}${figures.lastResponse ? ` (${figures.lastResponse})` : ""}`
                      : "—"}
                  </TD>
                  <TD>
                    {rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
