"use client";

import { useId, type ReactNode, type SelectHTMLAttributes } from "react";

import { controlClass, cx } from "./cx";
import { describedBy, FieldShell } from "./field";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

export function Select({ className, ...rest }: SelectProps) {
  return (
    <select
      className={cx(controlClass, "h-10 border-slate-300 pr-8 disabled:cursor-wait", className)}
      {...rest}
    />
  );
}

export interface SelectFieldProps extends Omit<SelectProps, "id"> {
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
