import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhooksList } from "@/components/webhooks/webhooks-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const principal = await requirePrincipal();

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Calls to your endpoints when records change, at deferred times, or on a schedule."
      />
      <WebhooksList isAdmin={principal.role === "admin"} />
    </>
  );
}
