import Link from "next/link";

import { Alert } from "@/components/ui/alert";

/** What a viewer sees on a page that only changes webhooks. */
export function WebhooksAdminsOnly() {
  return (
    <Alert tone="warning" title="Admins only">
      Viewers can see webhooks and their deliveries but not create or change them.{" "}
      <Link href="/hooks/webhooks" className="font-medium underline">
        Back to webhooks
      </Link>
    </Alert>
  );
}
