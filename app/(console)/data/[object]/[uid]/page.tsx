import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePrincipal } from "@/lib/auth/console-session";
import { isObjectName } from "@/lib/lens/registry";
import { RecordView } from "@/components/data/record-view";

import { dataObjects } from "../../objects";

interface RecordPageProps {
  params: Promise<{ object: string; uid: string }>;
  searchParams: Promise<{ created?: string | string[] }>;
}

export async function generateMetadata({ params }: RecordPageProps): Promise<Metadata> {
  const { object } = await params;

  return { title: isObjectName(object) ? `${object} record` : "Data" };
}

export default async function RecordPage({ params, searchParams }: RecordPageProps) {
  const principal = await requirePrincipal();
  const [{ object: name, uid }, { created }] = await Promise.all([params, searchParams]);
  const { objects } = dataObjects();
  const object = objects[name];
  if (!isObjectName(name) || !object) notFound();

  return (
    <RecordView
      object={object}
      objects={objects}
      uid={uid}
      canEdit={principal.role === "admin"}
      justCreated={created === "1"}
    />
  );
}
