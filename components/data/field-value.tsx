"use client";

import Link from "next/link";

import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";

import { displayFieldName, isRecord, recordHref, scalarText } from "./object-meta";
import type { DataField, DataLookup, DataObjects } from "./types";

type Tone = "neutral" | "accent" | "danger" | "success";

// Colour helps scanning a list; the word itself always carries the meaning.
const TONES: Partial<Record<string, Tone>> = {
  Complete: "success",
  Confirmed: "success",
  "Checked In": "success",
  Ready: "success",
  Dispatched: "accent",
  "En Route": "accent",
  "On Site": "accent",
  "In Progress": "accent",
  High: "accent",
  Cancelled: "danger",
  Declined: "danger",
  Deleted: "danger",
  Critical: "danger",
};

function Empty() {
  return <span className="text-slate-400">—</span>;
}

/** One field's value for reading: badges for picklists, dates in local time, Yes/No. */
export function FieldValue({ field, value }: { field: DataField; value: unknown }) {
  if (field.type === "boolean" && typeof value === "boolean") {
    return <Badge tone={value ? "success" : "neutral"}>{value ? "Yes" : "No"}</Badge>;
  }
  const text = scalarText(value);
  if (text === null || text === "") return <Empty />;

  switch (field.type) {
    case "picklist":
      return <Badge tone={TONES[text] ?? "neutral"}>{text}</Badge>;
    case "multipicklist":
      return (
        <span className="inline-flex flex-wrap gap-1">
          {text
            .split(";")
            .filter(Boolean)
            .map((item) => (
              <Badge key={item}>{item}</Badge>
            ))}
        </span>
      );
    case "datetime":
      return (
        <time dateTime={text} title={text} className="whitespace-nowrap">
          {formatDateTime(text)}
        </time>
      );
    case "id":
      return <span className="font-mono text-xs break-all">{text}</span>;
    default:
      return <span className="break-words">{text}</span>;
  }
}

/** The related record's name, read from a `Region { UID Name }` selection. */
export function lookupName(
  lookup: DataLookup,
  objects: DataObjects,
  value: unknown,
): { uid: string; name: string } | null {
  const target = objects[lookup.target];
  if (!isRecord(value) || !target) return null;
  const uid = value.UID;
  if (typeof uid !== "string") return null;
  const name = value[displayFieldName(target)];

  return { uid, name: typeof name === "string" && name !== "" ? name : uid };
}

/** A lookup shown by the related record's name, linked to it when `link` is set. */
export function LookupValue({
  lookup,
  objects,
  value,
  link = false,
}: {
  lookup: DataLookup;
  objects: DataObjects;
  value: unknown;
  link?: boolean;
}) {
  const related = lookupName(lookup, objects, value);
  if (!related) return <Empty />;
  if (!link) return <span>{related.name}</span>;

  return (
    <Link
      href={recordHref(lookup.target, related.uid)}
      className="font-medium text-indigo-700 underline"
    >
      {related.name}
    </Link>
  );
}
