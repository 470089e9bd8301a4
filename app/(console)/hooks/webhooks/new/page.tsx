import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhooksAdminsOnly } from "@/components/webhooks/admins-only";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New webhook" };

export default async function NewWebhookPage() {
  const principal = await requirePrincipal();

  return (
    <>
      <PageHeader
        title="New webhook"
        description="The server checks every field on save and says what to fix next to it."
      />
      {principal.role === "admin" ? <WebhookForm /> : <WebhooksAdminsOnly />}
    </>
  );
}
