import type { Metadata } from "next";
import { Suspense } from "react";

import { requirePrincipal } from "@/lib/auth/console-session";
import { DataView } from "@/components/data/data-view";
import { PageHeader } from "@/components/ui/page-header";

import { dataObjects } from "./objects";

export const metadata: Metadata = { title: "Data" };

export default async function DataPage() {
  const principal = await requirePrincipal();
  const { objects, names } = dataObjects();

  return (
    <>
      <PageHeader
        title="Data"
        description="The records hooks fire on. Filter with EQL, the same language webhook filters use; every change made here is a change event like one made through the API."
      />
      {/* The view reads its object, filter and order from the URL. */}
      <Suspense>
        <DataView objects={objects} names={names} canEdit={principal.role === "admin"} />
      </Suspense>
    </>
  );
}
