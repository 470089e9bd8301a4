"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { DeliveryStateBadge } from "./status-badges";
import { useDeliveries, type TLog } from "./use-webhooks";

function Response({ log }: { log: TLog }) {
  const last = log.attempts.at(-1);
  if (!last) return <span className="text-slate-500">not attempted yet</span>;

  return (
    <span className="flex flex-col gap-1">
      <span>{last.status === null ? (last.error ?? "no response") : `HTTP ${last.status}`}</span>
      {last.responseBody && (
        <span className="max-w-xs truncate font-mono text-xs" title={last.responseBody}>
          {last.responseBody}
        </span>
      )}
    </span>
  );
}

/** The webhook's latest deliveries, refreshed every second while the page is open. */
export function DeliveriesTable({ id, emptyHint }: { id: string; emptyHint: string }) {
  const deliveries = useDeliveries(id);

  return (
    <Card title="Recent deliveries" flush>
      {deliveries.isPending && (
        <p role="status" className="flex items-center gap-2 p-5 text-sm text-slate-600">
          <Spinner /> Loading deliveries…
        </p>
      )}
      {deliveries.isError && (
        <div className="p-5">
          <Alert tone="error" title="Could not load the deliveries">
            {errorMessage(deliveries.error)}
          </Alert>
        </div>
      )}
      {deliveries.data?.length === 0 && (
        <p className="p-5 text-sm text-slate-600">No deliveries yet. {emptyHint}</p>
      )}
      {deliveries.data && deliveries.data.length > 0 && (
        <Table label="Recent deliveries">
          <THead>
            <TH>Created</TH>
            <TH>Status</TH>
            <TH>Attempts</TH>
            <TH>Response</TH>
            <TH>Duration</TH>
            <TH>Body</TH>
          </THead>
          <TBody>
            {deliveries.data.map((log) => {
              const last = log.attempts.at(-1);

              return (
                <TR key={log.id}>
                  <TD>
                    <time dateTime={log.created}>{new Date(log.created).toLocaleString()}</time>
                  </TD>
                  <TD>
                    <DeliveryStateBadge state={log.status} />
                  </TD>
                  <TD>{log.attempts.length}</TD>
                  <TD>
                    <Response log={log} />
                  </TD>
                  <TD>{last ? `${last.durationMs} ms` : "—"}</TD>
                  <TD className="max-w-sm truncate font-mono text-xs" title={log.data.body}>
                    {log.data.body}
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
