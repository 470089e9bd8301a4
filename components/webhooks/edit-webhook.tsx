"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";

import { useWebhook } from "./use-webhooks";
import { WebhookForm } from "./webhook-form";

export function EditWebhook({ id }: { id: string }) {
  const hook = useWebhook(id);
  if (hook.isError) return <Alert tone="error">{errorMessage(hook.error)}</Alert>;

  return hook.data ? <WebhookForm webhook={hook.data} /> : <p>Loading…</p>;
}
