import type { Metadata } from "next";
import Link from "next/link";

import { requirePrincipal } from "@/lib/auth/console-session";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { VariablesView } from "@/components/variables/variables-view";

export const metadata: Metadata = { title: "Variables" };

const TITLE = "Configuration variables";

export default async function VariablesPage() {
  const principal = await requirePrincipal();

  // The API answers variables to admins only, so a viewer gets no controls at all.
  if (principal.role !== "admin") {
    return (
      <>
        <PageHeader title={TITLE} />
        <Alert tone="warning" title="Admins only">
          Only admins can see and change configuration variables. Ask an admin if a webhook needs
          one.{" "}
          <Link href="/hooks/webhooks" className="font-medium underline">
            Back to webhooks
          </Link>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={TITLE}
        description="Named values for {{ NAME }} in webhook URLs and headers. Values are never shown after saving."
      />
      <VariablesView />
    </>
  );
}
