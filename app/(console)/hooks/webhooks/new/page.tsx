import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New webhook" };

export default async function NewWebhookPage() {
  await requirePrincipal();

  return (
    <>
      <PageHeader title="New webhook" />
      <WebhookForm />
    </>
  );
}
