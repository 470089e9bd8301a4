"use client";

import { useId } from "react";

import { Badge } from "@/components/ui/badge";
import { controlClass, cx, focusRing } from "@/components/ui/cx";
import { describedBy, FieldShell } from "@/components/ui/field";
import { TextField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";

import type { DraftValue } from "./form-values";
import { lookupName } from "./field-value";
import { LookupInput } from "./lookup-input";
import { lookupFor } from "./object-meta";
import type { DataField, DataObject, DataObjects, DataRecord } from "./types";

export interface FieldInputProps {
  object: DataObject;
  objects: DataObjects;
  field: DataField;
  value: DraftValue;
  error?: string;
  /** The saved record, when editing: it names the current lookup targets. */
  record?: DataRecord;
  onChange: (value: DraftValue) => void;
}

/** The label a field's control carries: the relation's name for a lookup. */
export function fieldLabel(object: DataObject, field: DataField): string {
  const name = lookupFor(object, field.name)?.name ?? field.name;

  return field.required ? `${name} (required)` : name;
}

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = useId();

  return (
    <div className="flex items-center gap-2 pt-6">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className={cx("size-4 rounded border-slate-300 accent-indigo-600", focusRing)}
      />
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
    </div>
  );
}

function TextArea({
  label,
  value,
  error,
  maxLength,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  maxLength?: number;
  onChange: (value: string) => void;
}) {
  const id = useId();

  return (
    <FieldShell id={id} label={label} error={error}>
      <textarea
        id={id}
        value={value}
        rows={3}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(event) => onChange(event.target.value)}
        className={cx(controlClass, "w-full py-2", error ? "border-red-500" : "border-slate-300")}
      />
    </FieldShell>
  );
}

function Chips({ text }: { text: string }) {
  const values = [...new Set(text.split(";").map((part) => part.trim()))].filter(Boolean);
  if (values.length === 0) return null;

  return (
    <span className="inline-flex flex-wrap gap-1">
      {values.map((value) => (
        <Badge key={value}>{value}</Badge>
      ))}
    </span>
  );
}

/** One field's control, chosen from its registry type. */
export function FieldInput({
  object,
  objects,
  field,
  value,
  error,
  record,
  onChange,
}: FieldInputProps) {
  const label = fieldLabel(object, field);
  const text = typeof value === "string" ? value : "";
  const common = { label, error, required: field.required, value: text };
  const lookup = lookupFor(object, field.name);
  const target = lookup ? objects[lookup.target] : undefined;

  if (lookup && target) {
    return (
      <LookupInput
        label={label}
        field={field}
        target={target}
        value={text}
        current={record ? lookupName(lookup, objects, record[lookup.name]) : null}
        error={error}
        onChange={onChange}
      />
    );
  }

  switch (field.type) {
    case "boolean":
      return <Checkbox label={label} checked={value === true} onChange={onChange} />;
    case "picklist":
      return (
        <SelectField {...common} onChange={(event) => onChange(event.target.value)}>
          {(!field.required && field.default === undefined) || text === "" ? (
            <option value="">(none)</option>
          ) : null}
          {field.values?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case "integer":
    case "decimal":
      return (
        <TextField
          {...common}
          type="number"
          inputMode={field.type === "integer" ? "numeric" : "decimal"}
          step={field.type === "integer" ? 1 : "any"}
          hint={field.name === "Duration" ? "Minutes." : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "datetime":
      return (
        <TextField
          {...common}
          type="datetime-local"
          hint={`Your time zone (${timeZone()}); saved in UTC.`}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "date":
      return (
        <TextField {...common} type="date" onChange={(event) => onChange(event.target.value)} />
      );
    case "multipicklist":
      return (
        <TextField
          {...common}
          hint={
            <span className="inline-flex flex-wrap items-center gap-2">
              Separate values with “;”. <Chips text={text} />
            </span>
          }
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      if ((field.maxLength ?? 0) > 255) {
        return <TextArea {...common} maxLength={field.maxLength} onChange={onChange} />;
      }

      return (
        <TextField
          {...common}
          maxLength={field.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
