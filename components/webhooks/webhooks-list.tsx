"use client";

import Link from "next/link";

import { errorMessage } from "@/components/api-client";
import { LinkButton } from "@/components/data/link-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { focusRing } from "@/components/ui/cx";
import { Spinner } from "@/components/ui/spinner";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { DeliveryStateBadge, EnabledBadge } from "./status-badges";
import { useSummaries, useWebhooks, type TWebhook } from "./use-webhooks";

type Summary = NonNullable<ReturnType<typeof useSummaries>["data"]>[number];

function LastDelivery({ summary }: { summary: Summary | undefined }) {
  if (!summary?.lastStatus) return <span className="text-slate-500">none yet</span>;

  return (
    <span className="flex flex-col items-start gap-1">
      <span className="flex items-center gap-2">
        <DeliveryStateBadge state={summary.lastStatus} />
        {summary.lastResponse !== null && <span>HTTP {summary.lastResponse}</span>}
      </span>
      {summary.lastAt && (
        <time dateTime={summary.lastAt} className="text-xs text-slate-500">
          {new Date(summary.lastAt).toLocaleString()}
        </time>
      )}
    </span>
  );
}

function rateText(summary: Summary | undefined): string {
  const rate = summary?.successRate24h;

  return rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`;
}

function WebhookRow({ hook, summary }: { hook: TWebhook; summary: Summary | undefined }) {
  return (
    <TR>
      <TD>
        <Link
          className={`rounded font-medium text-indigo-700 ${focusRing}`}
          href={`/hooks/webhooks/${hook.id}`}
        >
          {hook.name}
        </Link>
      </TD>
      <TD>{hook.type}</TD>
      <TD>{hook.object ?? "—"}</TD>
      <TD className="max-w-xs truncate font-mono text-xs" title={hook.url}>
        {hook.url}
      </TD>
      <TD>
        <EnabledBadge enabled={hook.enabled} reason={hook.disabledReason} />
      </TD>
      <TD>
        <LastDelivery summary={summary} />
      </TD>
      <TD>{rateText(summary)}</TD>
    </TR>
  );
}

function EmptyState({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div className="flex flex-col items-start gap-3 p-5 text-sm text-slate-600">
      <p>
        No webhooks yet. A webhook calls your endpoint when a record changes, at a time set by a
        record&apos;s field, or on a schedule.
      </p>
      {isAdmin ? (
        // The same name as the header's button, which shows once there is a list.
        <LinkButton href="/hooks/webhooks/new">New webhook</LinkButton>
      ) : (
        <p>Ask an admin to create one; viewers can see webhooks but not change them.</p>
      )}
    </div>
  );
}

export function WebhooksList({ isAdmin }: { isAdmin: boolean }) {
  const hooks = useWebhooks();
  const summaries = useSummaries();
  const summary = (id: string) => summaries.data?.find((item) => item.id === id);

  return (
    <Card
      title="Webhooks"
      flush
      actions={
        isAdmin && hooks.data?.length ? (
          <LinkButton href="/hooks/webhooks/new">New webhook</LinkButton>
        ) : undefined
      }
    >
      {hooks.isPending && (
        <p role="status" className="flex items-center gap-2 p-5 text-sm text-slate-600">
          <Spinner /> Loading webhooks…
        </p>
      )}
      {hooks.isError && (
        <div className="p-5">
          <Alert tone="error" title="Could not load the webhooks">
            {errorMessage(hooks.error)}
          </Alert>
        </div>
      )}
      {summaries.isError && hooks.data && hooks.data.length > 0 && (
        <div className="p-5 pb-0">
          <Alert tone="warning">
            Delivery figures could not be loaded: {errorMessage(summaries.error)}
          </Alert>
        </div>
      )}
      {hooks.data?.length === 0 && <EmptyState isAdmin={isAdmin} />}
      {hooks.data && hooks.data.length > 0 && (
        <Table label="Webhooks">
          <THead>
            <TH>Name</TH>
            <TH>Type</TH>
            <TH>Object</TH>
            <TH>URL</TH>
            <TH>Enabled</TH>
            <TH>Last delivery</TH>
            <TH>Success (24 h)</TH>
          </THead>
          <TBody>
            {hooks.data.map((hook) => (
              <WebhookRow key={hook.id} hook={hook} summary={summary(hook.id)} />
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
