"use client";

import { useSearchParams } from "next/navigation";

import { Alert } from "@/components/ui/alert";

import { ObjectTabs } from "./object-tabs";
import { RecordsPanel } from "./records-panel";
import type { DataObjects } from "./types";

export interface DataViewProps {
  objects: DataObjects;
  /** Object names in the order the tabs show them. */
  names: readonly string[];
  canEdit: boolean;
}

const DEFAULT_OBJECT = "Jobs";

/**
 * The list page. Its state lives in the URL (`?object=Jobs&filter=...&orderBy=...`)
 * so a filtered list can be shared, reloaded and reached again with Back.
 */
export function DataView({ objects, names, canEdit }: DataViewProps) {
  const params = useSearchParams();
  const requested = params.get("object");
  const fallback = objects[DEFAULT_OBJECT] ? DEFAULT_OBJECT : (names[0] ?? "");
  const objectName = requested && objects[requested] ? requested : fallback;
  const object = objects[objectName];
  const filter = params.get("filter") ?? "";
  const orderBy = params.get("orderBy");

  // The history API keeps this a client-side change; Next's router follows it.
  function show(next: { filter?: string; orderBy?: string | null }) {
    const search = new URLSearchParams({ object: objectName });
    const nextFilter = next.filter ?? filter;
    const nextOrder = next.orderBy === undefined ? orderBy : next.orderBy;
    if (nextFilter) search.set("filter", nextFilter);
    if (nextOrder) search.set("orderBy", nextOrder);
    window.history.pushState(null, "", `/data?${search.toString()}`);
  }

  if (!object) return <Alert tone="error">Tripline has no data objects to show.</Alert>;

  return (
    <>
      <ObjectTabs names={names} current={objectName} />
      {requested !== null && requested !== objectName && (
        <Alert tone="warning" className="mb-4">
          There is no object called “{requested}”; showing {objectName}.
        </Alert>
      )}
      <RecordsPanel
        key={objectName}
        object={object}
        objects={objects}
        filter={filter}
        orderBy={orderBy}
        canEdit={canEdit}
        onFilter={(text) => show({ filter: text })}
        onOrderBy={(text) => show({ orderBy: text })}
      />
    </>
  );
}
