"use client";

import Link from "next/link";
import { useState } from "react";

import { errorMessage } from "@/components/api-client";
import { filterProblem } from "@/components/graphql/errors";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { Spinner } from "@/components/ui/spinner";

import { FilterBar } from "./filter-bar";
import { LinkButton } from "./link-button";
import {
  capitalise,
  displayFieldName,
  newRecordHref,
  pluralLabel,
  singularLabel,
} from "./object-meta";
import { Pagination } from "./pagination";
import { formatOrderBy, PAGE_SIZE, parseOrderBy } from "./queries";
import { RecordsTable } from "./records-table";
import type { DataObject, DataObjects } from "./types";
import { useRecordList } from "./use-records";

export interface RecordsPanelProps {
  object: DataObject;
  objects: DataObjects;
  filter: string;
  orderBy: string | null;
  canEdit: boolean;
  onFilter: (filter: string) => void;
  onOrderBy: (orderBy: string | null) => void;
}

/** A filter to show as the example: the first picklist, else a name prefix. */
function exampleFilter(object: DataObject): string {
  const picklist = object.fields.find((field) => field.type === "picklist" && field.values?.[0]);
  const region = object.lookups.find((lookup) => lookup.target === "Regions");
  const first = picklist?.values?.[0];
  if (picklist && first) {
    const clause = `${picklist.name} == '${first}'`;

    return region ? `${clause} AND ${region.name}.Name == 'North'` : clause;
  }

  return `${displayFieldName(object)} LIKE 'A%'`;
}

interface Paging {
  /** The filter and order the cursors belong to; a new one starts again at page 1. */
  listKey: string;
  /** The `after` cursor of each page seen so far; the last is the current page's. */
  cursors: (string | null)[];
}

export function RecordsPanel(props: RecordsPanelProps) {
  const { object, objects, filter, orderBy, canEdit, onFilter, onOrderBy } = props;
  const listKey = `${filter}\n${orderBy ?? ""}`;
  const [paging, setPaging] = useState<Paging>({ listKey, cursors: [null] });
  const cursors = paging.listKey === listKey ? paging.cursors : [null];
  const after = cursors.at(-1) ?? null;
  const list = useRecordList(object, objects, { filter: filter || null, orderBy, after });
  const problem = filterProblem(list.error);
  const plural = pluralLabel(object);
  const data = list.isError ? undefined : list.data;

  return (
    <Card
      title={capitalise(plural)}
      actions={
        canEdit && (
          <LinkButton href={newRecordHref(object.name)}>New {singularLabel(object)}</LinkButton>
        )
      }
      flush
    >
      <div className="border-b border-slate-200 p-5">
        <FilterBar
          applied={filter}
          problem={problem}
          example={exampleFilter(object)}
          onApply={onFilter}
        />
      </div>
      {list.isPending && (
        <p className="flex items-center gap-2 p-5 text-sm text-slate-600" role="status">
          <Spinner /> Loading {plural}…
        </p>
      )}
      {list.isError && !problem && (
        <Alert tone="error" className="m-5">
          Could not load {plural}: {errorMessage(list.error)}
        </Alert>
      )}
      {problem && (
        <p className="p-5 text-sm text-slate-600">Fix the filter above to see {plural}.</p>
      )}
      {data?.totalCount === 0 && (
        <div className="p-5 text-sm text-slate-600">
          {filter ? (
            <p className="font-medium text-slate-900">No {plural} match this filter.</p>
          ) : (
            <p className="font-medium text-slate-900">
              No {plural} yet
              {canEdit ? (
                <>
                  :{" "}
                  <Link href={newRecordHref(object.name)} className="text-indigo-700 underline">
                    create one
                  </Link>
                  .
                </>
              ) : (
                "."
              )}
            </p>
          )}
        </div>
      )}
      {data && data.totalCount > 0 && (
        <div
          aria-busy={list.isPlaceholderData || undefined}
          className={cx(list.isPlaceholderData && "opacity-60 transition-opacity")}
        >
          <RecordsTable
            object={object}
            objects={objects}
            records={data.edges.map((edge) => edge.node)}
            order={parseOrderBy(orderBy)}
            onSort={(order) => onOrderBy(formatOrderBy(order))}
          />
          <Pagination
            pageIndex={cursors.length - 1}
            pageSize={PAGE_SIZE}
            shown={data.edges.length}
            total={data.totalCount}
            hasNext={data.pageInfo.hasNextPage}
            pending={list.isPlaceholderData}
            onPrevious={() => setPaging({ listKey, cursors: cursors.slice(0, -1) })}
            onNext={() => {
              const end = data.pageInfo.endCursor;
              if (end) setPaging({ listKey, cursors: [...cursors, end] });
            }}
          />
        </div>
      )}
    </Card>
  );
}
