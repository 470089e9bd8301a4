import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { WebhooksList } from "@/components/webhooks/webhooks-list";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhooks" };

interface WebhooksPageProps {
  /** `deleted`: the name of the webhook the detail page just deleted. */
  searchParams: Promise<{ deleted?: string | string[] }>;
}

export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  const principal = await requirePrincipal();
  const { deleted } = await searchParams;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Calls to your endpoints when records change, at deferred times, or on a schedule."
      />
      {typeof deleted === "string" && (
        <Alert tone="success" className="mb-4">
          Deleted the webhook “{deleted}”.
        </Alert>
      )}
      <WebhooksList isAdmin={principal.role === "admin"} />
    </>
  );
}
