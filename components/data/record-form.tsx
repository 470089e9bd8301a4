"use client";

import { useState, type FormEvent, type ReactNode } from "react";

import type { FieldErrors } from "@/components/forms/field-errors";
import type { MutationProblems } from "@/components/graphql/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";

import { FieldInput } from "./field-input";
import { buildInput, editableFields, type Draft, type DraftValue } from "./form-values";
import type { DataObject, DataObjects, DataRecord } from "./types";

export interface RecordFormProps {
  object: DataObject;
  objects: DataObjects;
  /** The form's starting values; when editing, also what "changed" is measured against. */
  initial: Draft;
  /** The saved record, when editing. */
  record?: DataRecord;
  pending: boolean;
  problems: MutationProblems | null;
  submitLabel: string;
  pendingLabel: string;
  /** Shown beside the button, e.g. "Saved." */
  status?: ReactNode;
  actions?: ReactNode;
  onSubmit: (input: Record<string, unknown>) => void;
  onEdit?: () => void;
}

/**
 * A form generated from the object's writable fields. Editing sends only
 * what changed; creating sends what was filled in and lets the API apply
 * its defaults.
 */
export function RecordForm({
  object,
  objects,
  initial,
  record,
  pending,
  problems,
  submitLabel,
  pendingLabel,
  status,
  actions,
  onSubmit,
  onEdit,
}: RecordFormProps) {
  const hydrated = useHydrated();
  const [draft, setDraft] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  // The server's word about a field stands until the field is edited again.
  const [editedSinceSubmit, setEditedSinceSubmit] = useState<ReadonlySet<string>>(new Set());
  const serverErrors = Object.entries(problems?.fields ?? {}).filter(
    ([name]) => !editedSinceSubmit.has(name),
  );
  const errors: FieldErrors = { ...Object.fromEntries(serverErrors), ...clientErrors };
  const fieldErrorCount = Object.values(errors).filter(Boolean).length;

  function change(name: string, value: DraftValue) {
    setDraft((current) => ({ ...current, [name]: value }));
    setClientErrors(({ [name]: _dropped, ...rest }) => rest);
    setUnchanged(false);
    setEditedSinceSubmit((current) => new Set(current).add(name));
    onEdit?.();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildInput(object, draft, record ? initial : undefined);
    setClientErrors(built.errors);
    setEditedSinceSubmit(new Set());
    if (Object.keys(built.errors).length > 0) return;
    if (record && Object.keys(built.input).length === 0) {
      setUnchanged(true);

      return;
    }
    onSubmit(built.input);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {problems && problems.general.length > 0 && (
        <Alert tone="error" title="Not saved">
          <ul className="list-disc pl-5">
            {problems.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {!problems?.general.length && fieldErrorCount > 0 && (
        <Alert tone="error">Not saved: check the fields marked below.</Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {editableFields(object).map((field) => (
          <div
            key={field.name}
            className={(field.maxLength ?? 0) > 255 ? "sm:col-span-2" : undefined}
          >
            <FieldInput
              object={object}
              objects={objects}
              field={field}
              value={draft[field.name] ?? ""}
              error={errors[field.name]}
              record={record}
              onChange={(value) => change(field.name, value)}
            />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} disabled={!hydrated}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {actions}
        <p role="status" className="text-sm">
          {unchanged ? <span className="text-slate-600">No changes to save.</span> : status}
        </p>
      </div>
    </form>
  );
}
