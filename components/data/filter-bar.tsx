"use client";

import { useId, useState, type FormEvent } from "react";

import type { FilterProblem } from "@/components/graphql/errors";
import { Button } from "@/components/ui/button";
import { controlClass, cx } from "@/components/ui/cx";

export interface FilterBarProps {
  /** The filter in force (from the URL); the input starts from it. */
  applied: string;
  /** Where the applied filter went wrong, if it did. */
  problem: FilterProblem | null;
  example: string;
  onApply: (filter: string) => void;
}

/**
 * The filter's text with the faulty stretch underlined and a caret under it.
 * Tabs show as one space so the caret lines up: columns count characters.
 */
function ProblemExcerpt({ text, problem }: { text: string; problem: FilterProblem }) {
  const line = (text.split("\n")[problem.line - 1] ?? "").replace(/\t/g, " ");
  const start = Math.min(problem.column - 1, line.length);
  const end = Math.min(start + problem.length, line.length);

  return (
    <pre
      data-testid="filter-error-excerpt"
      className="overflow-x-auto rounded bg-white/70 px-2 py-1.5 font-mono text-xs leading-5 text-slate-800"
    >
      {line.slice(0, start)}
      <mark className="bg-red-100 text-red-800 underline decoration-red-600 decoration-wavy">
        {line.slice(start, end)}
      </mark>
      {line.slice(end)}
      {"\n"}
      <span aria-hidden="true" className="text-red-700">
        {" ".repeat(start)}
        {"^".repeat(Math.max(1, end - start))}
      </span>
    </pre>
  );
}

export function FilterBar({ applied, problem, example, onApply }: FilterBarProps) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const [seen, setSeen] = useState(applied);
  // Back and Forward change the applied filter; the input follows.
  if (seen !== applied) {
    setSeen(applied);
    setDraft(applied);
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft.trim());
  }

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter records"
      className="flex flex-col gap-2"
    >
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Filter
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="text"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          placeholder={example}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => setDraft(event.target.value)}
          className={cx(
            controlClass,
            "h-10 min-w-0 flex-1 font-mono",
            problem ? "border-red-500" : "border-slate-300",
          )}
        />
        <Button type="submit">Apply</Button>
        {applied !== "" && (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft("");
              onApply("");
            }}
          >
            Clear
          </Button>
        )}
      </div>
      {problem && (
        <div
          id={errorId}
          role="alert"
          className="flex flex-col gap-1.5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <ProblemExcerpt text={applied} problem={problem} />
          <p>
            <span className="font-semibold">
              Line {problem.line}, column {problem.column}:
            </span>{" "}
            {problem.reason}
          </p>
        </div>
      )}
      <p id={hintId} className="text-xs text-slate-500">
        EQL, for example <code className="font-mono">{example}</code>. Press Enter to apply.
      </p>
    </form>
  );
}
