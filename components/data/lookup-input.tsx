"use client";

import { useDeferredValue, useId, useState } from "react";

import { errorMessage } from "@/components/api-client";
import { controlClass, cx } from "@/components/ui/cx";
import { describedBy, FieldShell } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

import { pluralLabel, singularLabel } from "./object-meta";
import type { DataField, DataObject } from "./types";
import { useLookupOptions, type LookupOption } from "./use-records";

export interface LookupInputProps {
  label: string;
  field: DataField;
  target: DataObject;
  value: string;
  /** The record it points at now, so the select can show it before the options load. */
  current: LookupOption | null;
  error?: string;
  onChange: (uid: string) => void;
}

/**
 * A select of the related object's records by name. When there are more
 * than one request brings, a search box narrows them by name.
 */
export function LookupInput({
  label,
  field,
  target,
  value,
  current,
  error,
  onChange,
}: LookupInputProps) {
  const id = useId();
  const [term, setTerm] = useState("");
  const deferredTerm = useDeferredValue(term);
  const options = useLookupOptions(target, deferredTerm);
  const loaded = options.data?.options ?? [];
  const shown =
    current && !loaded.some((option) => option.uid === current.uid) ? [current, ...loaded] : loaded;
  const searchable = term !== "" || (options.data?.totalCount ?? 0) > loaded.length;
  const hint = options.isError
    ? `Could not load ${pluralLabel(target)}: ${errorMessage(options.error)}`
    : undefined;

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {searchable && (
        <input
          type="search"
          aria-label={`Search ${pluralLabel(target)} by name`}
          placeholder={`Search ${pluralLabel(target)}…`}
          value={term}
          onChange={(event) => setTerm(event.target.value)}
          className={cx(controlClass, "h-9 w-full border-slate-300")}
        />
      )}
      <Select
        id={id}
        value={value}
        required={field.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-busy={options.isFetching || undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="" disabled={field.required}>
          {field.required ? `Choose a ${singularLabel(target)}…` : "(none)"}
        </option>
        {shown.map((option) => (
          <option key={option.uid} value={option.uid}>
            {option.name}
          </option>
        ))}
        {options.isPending && <option disabled>Loading…</option>}
      </Select>
    </FieldShell>
  );
}
