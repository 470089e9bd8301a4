"use client";

import { Button } from "@/components/ui/button";

export interface PaginationProps {
  /** 0-based. */
  pageIndex: number;
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  /** A page is loading: both buttons wait. */
  pending: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pagination({
  pageIndex,
  pageSize,
  shown,
  total,
  hasNext,
  pending,
  onPrevious,
  onNext,
}: PaginationProps) {
  const first = pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + shown;

  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3"
    >
      <p aria-live="polite" className="text-sm text-slate-600">
        {shown === 0 ? `0 of ${total}` : `${first}–${last} of ${total}`}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={pageIndex === 0 || pending}
          onClick={onPrevious}
        >
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!hasNext || pending} onClick={onNext}>
          Next
        </Button>
      </div>
    </nav>
  );
}
