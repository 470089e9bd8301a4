"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";

import { useWebhook } from "./use-webhooks";
import { WebhookForm } from "./webhook-form";

export function EditWebhook({ id }: { id: string }) {
  const hook = useWebhook(id);
  if (hook.isError) {
    return (
      <Alert tone="error" title="Could not load the webhook">
        {errorMessage(hook.error)}
      </Alert>
    );
  }
  if (!hook.data) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> Loading the webhook…
      </p>
    );
  }

  return <WebhookForm webhook={hook.data} />;
}
