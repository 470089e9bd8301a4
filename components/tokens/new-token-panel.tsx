"use client";

import { useEffect, useRef } from "react";

import type { TCreatedToken } from "@/components/api-schemas";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * The one place the plain token is ever shown. It lives only in this page's
 * memory: a reload or another page drops it.
 */
export function NewTokenPanel({ token, onDone }: { token: TCreatedToken; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);

  // Move focus here so keyboard and screen reader users land on the token.
  useEffect(() => {
    ref.current?.focus();
  }, [token.id]);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="new-token-title"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-5 outline-none"
    >
      <h2 id="new-token-title" className="text-base font-semibold text-emerald-900">
        Token “{token.name}” created
      </h2>
      <p className="mt-1 text-sm font-medium text-amber-900">
        Copy it now: it will not be shown again. Tripline keeps only a hash of it.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code
          data-testid="new-token-value"
          className="rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
        >
          {token.token}
        </code>
        <CopyButton text={token.token} />
      </div>
      <div className="mt-4">
        <Button variant="secondary" size="sm" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </section>
  );
}
