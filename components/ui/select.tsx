"use client";

import { useId, type ReactNode, type SelectHTMLAttributes } from "react";

import { controlClass, cx } from "./cx";
import { describedBy, FieldShell } from "./field";

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** The small size, for a control inside a table row. */
  compact?: boolean;
}

export function Select({ compact = false, className, ...rest }: SelectProps) {
  return (
    <select
      className={cx(
        controlClass,
        compact ? "h-8 w-32" : "h-10 w-full",
        rest["aria-invalid"] ? "border-red-500" : "border-slate-300",
        "pr-8 disabled:cursor-wait",
        className,
      )}
      {...rest}
    />
  );
}

export interface SelectFieldProps extends Omit<SelectProps, "id" | "compact"> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function SelectField({ label, hint, error, ...rest }: SelectFieldProps) {
  const id = useId();

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <Select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}
