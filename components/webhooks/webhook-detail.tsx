"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ApiRequestError, errorMessage } from "@/components/api-client";
import { LinkButton } from "@/components/data/link-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";

import { DeleteWebhookDialog } from "./delete-webhook-dialog";
import { DeliveriesTable } from "./deliveries-table";
import { disabledByEngine, EnabledBadge } from "./status-badges";
import { TestFirePanel } from "./test-fire-panel";
import { useSetEnabled, useWebhook, type TWebhook } from "./use-webhooks";

function NotLoaded({ error }: { error: unknown }) {
  const missing = error instanceof ApiRequestError && error.status === 404;

  return (
    <Alert tone="error" title={missing ? "No such webhook" : "Could not load the webhook"}>
      {missing ? "It may have been deleted. " : `${errorMessage(error)} `}
      <Link href="/hooks/webhooks" className="font-medium underline">
        Back to webhooks
      </Link>
    </Alert>
  );
}

/** Nothing is sent while the engine holds it off, so say why and how to resume. */
function DisabledBanner({ hook, isAdmin }: { hook: TWebhook; isAdmin: boolean }) {
  const enable = useSetEnabled(hook.id);
  const since = hook.disabledAt ? ` since ${new Date(hook.disabledAt).toLocaleString()}` : "";

  return (
    <Alert tone="warning" title={`Disabled${since}: ${hook.disabledReason ?? ""}`}>
      <p>No deliveries are sent until it is enabled again. Fix the endpoint first.</p>
      {isAdmin && (
        <div className="mt-3 flex items-center gap-3">
          <Button size="sm" pending={enable.isPending} onClick={() => enable.mutate(true)}>
            Enable again
          </Button>
          {enable.isError && <span className="text-red-700">{errorMessage(enable.error)}</span>}
        </div>
      )}
    </Alert>
  );
}

function Facts({ hook }: { hook: TWebhook }) {
  const facts: [string, string][] = [
    ["Type", hook.type],
    ["Object", hook.object ?? "—"],
    ["URL", hook.url],
  ];
  if (hook.field) facts.push(["Fires at", `${hook.field} + ${hook.offset ?? 0} ms`]);
  if (hook.filter) facts.push(["Filter", hook.filter]);
  if (hook.cron) facts.push(["Cron (UTC)", hook.cron]);

  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="font-mono text-xs break-all text-slate-900">{value}</dd>
        </div>
      ))}
      <dt className="font-medium text-slate-600">Enabled</dt>
      <dd>
        <EnabledBadge enabled={hook.enabled} reason={hook.disabledReason} />
      </dd>
    </dl>
  );
}

function emptyHint(hook: TWebhook, isAdmin: boolean): string {
  const test = isAdmin ? "Send a test above, or wait" : "They appear";
  if (hook.type === "scheduled") return `${test} for the next cron tick.`;
  if (hook.type === "graphql_deferred") return `${test} until a record's fire time comes.`;
  if (hook.type === "inbound_sms") return `${test} for an inbound SMS.`;

  return `${test} for a change to a record the query listens to.`;
}

/** Edit and Delete, for admins; a delete goes back to the list, which says it is done. */
function AdminActions({ hook }: { hook: TWebhook }) {
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);

  return (
    <div className="flex gap-3">
      <LinkButton variant="secondary" href={`/hooks/webhooks/${hook.id}/edit`}>
        Edit
      </LinkButton>
      <Button variant="secondary" onClick={() => setDeleting(true)}>
        Delete
      </Button>
      <DeleteWebhookDialog
        open={deleting}
        hook={hook}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          router.push(`/hooks/webhooks?${new URLSearchParams({ deleted: hook.name }).toString()}`);
        }}
      />
    </div>
  );
}

export function WebhookDetail({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const hook = useWebhook(id);

  if (hook.isError) return <NotLoaded error={hook.error} />;
  if (!hook.data) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> Loading the webhook…
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {disabledByEngine(hook.data) && <DisabledBanner hook={hook.data} isAdmin={isAdmin} />}
      <Card
        title={hook.data.name}
        actions={isAdmin ? <AdminActions hook={hook.data} /> : undefined}
      >
        <div className="flex flex-col gap-4">
          <Facts hook={hook.data} />
          {hook.data.query && (
            <pre className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap">
              {hook.data.query}
            </pre>
          )}
          {isAdmin && <TestFirePanel id={id} />}
        </div>
      </Card>
      <DeliveriesTable id={id} emptyHint={emptyHint(hook.data, isAdmin)} />
    </div>
  );
}
