import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { VariablesView } from "@/components/variables/variables-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Variables" };

export default async function VariablesPage() {
  await requirePrincipal();

  return (
    <>
      <PageHeader
        title="Configuration variables"
        description="Named values for {{ NAME }} in webhook URLs and headers. Values are never shown after saving."
      />
      <VariablesView />
    </>
  );
}
