"use client";

import { useId, type InputHTMLAttributes, type ReactNode } from "react";

import { controlClass, cx } from "./cx";
import { describedBy, FieldShell } from "./field";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function TextField({ label, hint, error, className, ...rest }: TextFieldProps) {
  const id = useId();

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx(
          controlClass,
          "h-10 w-full",
          error ? "border-red-500" : "border-slate-300",
          className,
        )}
        {...rest}
      />
    </FieldShell>
  );
}
