import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { TokensView } from "@/components/tokens/tokens-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const principal = await requirePrincipal();

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Scripts and services call Tripline's API with a token: send it as 'Authorization: Bearer <token>'. Revoke a token the moment it may have leaked."
      />
      <TokensView currentUserId={principal.userId} isAdmin={principal.role === "admin"} />
    </>
  );
}
