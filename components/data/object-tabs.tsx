"use client";

import Link from "next/link";

import { cx, focusRing } from "@/components/ui/cx";

import { capitalise, listHref, words } from "./object-meta";

/** One link per object; the current one is marked for screen readers too. */
export function ObjectTabs({ names, current }: { names: readonly string[]; current: string }) {
  return (
    <nav aria-label="Objects" className="mb-4 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {names.map((name) => {
          const selected = name === current;

          return (
            <li key={name}>
              <Link
                href={listHref(name)}
                aria-current={selected ? "page" : undefined}
                className={cx(
                  "-mb-px block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  focusRing,
                  selected
                    ? "border-indigo-600 text-indigo-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {capitalise(words(name))}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
