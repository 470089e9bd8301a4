import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePrincipal();
  const { id } = await params;

  return <WebhookDetail id={id} isAdmin={principal.role === "admin"} />;
}
