import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requirePrincipal } from "@/lib/auth/console-session";
import { isObjectName } from "@/lib/lens/registry";
import { NewRecordView } from "@/components/data/new-record-view";
import { listHref } from "@/components/data/object-meta";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

import { dataObjects } from "../../objects";

interface NewRecordPageProps {
  params: Promise<{ object: string }>;
}

export async function generateMetadata({ params }: NewRecordPageProps): Promise<Metadata> {
  const { object } = await params;

  return { title: isObjectName(object) ? `New ${object} record` : "Data" };
}

export default async function NewRecordPage({ params }: NewRecordPageProps) {
  const principal = await requirePrincipal();
  const { object: name } = await params;
  const { objects } = dataObjects();
  const object = objects[name];
  if (!isObjectName(name) || !object) notFound();

  if (principal.role !== "admin") {
    return (
      <>
        <PageHeader title="Data" />
        <Alert tone="warning" title="Admins only">
          Viewers can read records but not create them.{" "}
          <Link href={listHref(name)} className="font-medium underline">
            Back to {name}
          </Link>
        </Alert>
      </>
    );
  }

  return <NewRecordView object={object} objects={objects} />;
}
