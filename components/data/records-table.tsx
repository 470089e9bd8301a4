"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

import { focusRing } from "@/components/ui/cx";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { FieldValue, LookupValue } from "./field-value";
import { columnsFor, displayFieldName, recordHref, recordTitle, type Column } from "./object-meta";
import type { SortOrder } from "./queries";
import type { DataObject, DataObjects, DataRecord } from "./types";

export interface RecordsTableProps {
  object: DataObject;
  objects: DataObjects;
  records: DataRecord[];
  order: SortOrder | null;
  onSort: (order: SortOrder) => void;
}

function SortHeader({
  column,
  order,
  onSort,
}: {
  column: Column;
  order: SortOrder | null;
  onSort: (order: SortOrder) => void;
}) {
  // Only an object's own fields sort; a lookup's name would need a join.
  if (column.kind === "lookup") return <TH>{column.key}</TH>;

  const direction = order?.field === column.key ? order.direction : null;
  const next = direction === "ASC" ? "DESC" : "ASC";

  return (
    <TH
      aria-sort={direction === "ASC" ? "ascending" : direction === "DESC" ? "descending" : "none"}
    >
      <button
        type="button"
        onClick={() => onSort({ field: column.key, direction: next })}
        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900 ${focusRing}`}
      >
        {column.key}
        <span aria-hidden="true" className="w-3 text-slate-400">
          {direction === "ASC" ? "▲" : direction === "DESC" ? "▼" : ""}
        </span>
        <span className="sr-only">, sort {next === "ASC" ? "ascending" : "descending"}</span>
      </button>
    </TH>
  );
}

function Cell({
  column,
  record,
  objects,
}: {
  column: Column;
  record: DataRecord;
  objects: DataObjects;
}) {
  if (column.kind === "lookup") {
    return <LookupValue lookup={column.lookup} objects={objects} value={record[column.key]} />;
  }

  return <FieldValue field={column.field} value={record[column.key]} />;
}

/**
 * The record's name is a link, so the keyboard reaches every row; a click
 * anywhere else on the row opens the record too.
 */
export function RecordsTable({ object, objects, records, order, onSort }: RecordsTableProps) {
  const router = useRouter();
  const columns = columnsFor(object);
  const display = displayFieldName(object);
  const titleColumn = columns.find((column) => column.key === display);

  function openRow(event: MouseEvent<HTMLTableRowElement>, href: string) {
    if (event.target instanceof Element && event.target.closest("a, button")) return;
    router.push(href);
  }

  return (
    <Table label={object.name}>
      <THead>
        {!titleColumn && <TH>{display}</TH>}
        {columns.map((column) => (
          <SortHeader key={column.key} column={column} order={order} onSort={onSort} />
        ))}
      </THead>
      <TBody>
        {records.map((record, index) => {
          const uid = typeof record.UID === "string" ? record.UID : "";
          const href = recordHref(object.name, uid);
          const title = (
            <Link
              href={href}
              className={`rounded font-medium text-indigo-700 hover:underline ${focusRing}`}
            >
              {recordTitle(object, record)}
            </Link>
          );

          return (
            <TR
              key={uid || index}
              className="cursor-pointer"
              onClick={(event) => openRow(event, href)}
            >
              {!titleColumn && <TD>{title}</TD>}
              {columns.map((column) => (
                <TD key={column.key}>
                  {column === titleColumn ? (
                    title
                  ) : (
                    <Cell column={column} record={record} objects={objects} />
                  )}
                </TD>
              ))}
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
