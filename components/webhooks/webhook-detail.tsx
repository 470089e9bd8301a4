"use client";

import Link from "next/link";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { useDeliveries, useTestFire, useWebhook } from "./use-webhooks";

export function WebhookDetail({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const hook = useWebhook(id);
  const deliveries = useDeliveries(id);
  const test = useTestFire(id);

  if (hook.isError) return <Alert tone="error">{errorMessage(hook.error)}</Alert>;
  if (!hook.data) return <p className="text-sm text-slate-600">Loading…</p>;

  return (
    <div className="flex flex-col gap-6">
      <Card
        title={hook.data.name}
        description={`${hook.data.type} → ${hook.data.url}`}
        actions={
          isAdmin ? (
            <div className="flex gap-2">
              <Link
                className="text-sm font-medium text-indigo-700"
                href={`/hooks/webhooks/${id}/edit`}
              >
                Edit
              </Link>
              <Button size="sm" onClick={() => test.mutate()} disabled={test.isPending}>
                Send test
              </Button>
            </div>
          ) : undefined
        }
      >
        {test.isError && <Alert tone="error">{errorMessage(test.error)}</Alert>}
        {test.data && (
          <div role="status" className="flex flex-col gap-2 text-sm">
            <p>
              Test {test.data.state}: status {test.data.statusCode ?? "none"} in{" "}
              {test.data.durationMs} ms{test.data.error ? ` (${test.data.error})` : ""}
            </p>
            {test.data.responseBody && (
              <pre className="max-h-48 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap">
                {test.data.responseBody}
              </pre>
            )}
          </div>
        )}
        {hook.data.query && (
          <pre className="mt-3 overflow-x-auto text-xs whitespace-pre-wrap">{hook.data.query}</pre>
        )}
      </Card>
      <Card title="Recent deliveries" flush>
        {deliveries.data?.length === 0 && (
          <p className="p-5 text-sm text-slate-600">No deliveries yet.</p>
        )}
        {deliveries.data && deliveries.data.length > 0 && (
          <Table label="Recent deliveries">
            <THead>
              <TR>
                <TH>Created</TH>
                <TH>Status</TH>
                <TH>Response</TH>
                <TH>Duration</TH>
                <TH>Body</TH>
              </TR>
            </THead>
            <TBody>
              {deliveries.data.map((log) => {
                const last = log.attempts.at(-1);

                return (
                  <TR key={log.id}>
                    <TD>{new Date(log.created).toLocaleString()}</TD>
                    <TD>{log.status}</TD>
                    <TD>
                      {last ? `${last.status ?? last.error ?? ""} ${last.responseBody ?? ""}` : "—"}
                    </TD>
                    <TD>{last ? `${last.durationMs} ms` : "—"}</TD>
                    <TD className="max-w-sm truncate font-mono text-xs">{log.data.body}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
