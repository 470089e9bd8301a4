import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhooksAdminsOnly } from "@/components/webhooks/admins-only";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePrincipal();
  const { id } = await params;

  return (
    <>
      <PageHeader title="Edit webhook" />
      {principal.role === "admin" ? <EditWebhook id={id} /> : <WebhooksAdminsOnly />}
    </>
  );
}
