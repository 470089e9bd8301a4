import type { Metadata } from "next";

import { requirePrincipal } from "@/lib/auth/console-session";
import { GraphQLConsole } from "@/components/graphql/graphql-console";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "GraphQL" };

export default async function GraphQLPage() {
  const principal = await requirePrincipal();

  return (
    <>
      <PageHeader
        title="GraphQL"
        description={
          principal.role === "admin"
            ? "Run queries and mutations against your data. Filters are EQL; each mutation writes change events that hooks fire on."
            : "Run queries against your data. Filters are EQL. As a viewer you may read records but not change them."
        }
      />
      <GraphQLConsole />
    </>
  );
}
