"use client";

import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";

import { controlClass, cx } from "./cx";
import { describedBy, FieldShell } from "./field";

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id"
> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A multi-line field for code-like text (queries, JSON), wired like TextField. */
export function TextAreaField({ label, hint, error, className, ...rest }: TextAreaFieldProps) {
  const id = useId();

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx(
          controlClass,
          "min-h-24 w-full py-2 font-mono text-xs",
          error ? "border-red-500" : "border-slate-300",
          className,
        )}
        {...rest}
      />
    </FieldShell>
  );
}
