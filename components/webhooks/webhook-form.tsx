"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { WEBHOOK_TYPES, type WebhookType } from "@/lib/hooks/schemas";

import { LinkButton } from "@/components/data/link-button";
import { fieldText, placeIssues } from "@/components/forms/server-issues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/cx";
import { TextField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/text-area";

import { useSaveWebhook, type TWebhook } from "./use-webhooks";
import {
  visibleFields,
  webhookInput,
  type LocalIssues,
  type WebhookDraftText,
} from "./webhook-input";

const EXAMPLE_QUERY =
  "subscription { schemaJobs(operation: [UPDATE]) { operation timestamp data { UID Name JobStatus } previous { JobStatus } } }";
const EXAMPLE_DEFERRED_QUERY = "subscription { jobs { UID Name Start } }";

function isType(value: string): value is WebhookType {
  return WEBHOOK_TYPES.some((type) => type === value);
}

function initialDraft(webhook: TWebhook | undefined): WebhookDraftText {
  const type = webhook && isType(webhook.type) ? webhook.type : "graphql";

  return {
    type,
    name: webhook?.name ?? "",
    url: webhook?.url ?? "",
    headers: JSON.stringify(webhook?.headers ?? {}),
    query: webhook?.query ?? (type === "graphql_deferred" ? EXAMPLE_DEFERRED_QUERY : EXAMPLE_QUERY),
    field: webhook?.field ?? "Start",
    offset: String(webhook?.offset ?? 0),
    filter: webhook?.filter ?? "",
    cron: webhook?.cron ?? "0 * * * *",
    enabled: webhook?.enabled ?? true,
  };
}

/** Create or edit; the query and filter are plain text, checked by the server on save. */
export function WebhookForm({ webhook }: { webhook?: TWebhook }) {
  const router = useRouter();
  const save = useSaveWebhook(webhook?.id ?? null);
  const [draft, setDraft] = useState(() => initialDraft(webhook));
  const [local, setLocal] = useState<LocalIssues>({});
  const formRef = useRef<HTMLFormElement>(null);
  const issues = placeIssues(save.error, visibleFields(draft.type));
  const set = (key: keyof WebhookDraftText) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const error = (field: string) => fieldText(issues, field);

  // After a refused save, keyboard and screen-reader users land on the first
  // bad field, or on the form's alert when no field is to blame.
  useEffect(() => {
    if (!save.error && Object.keys(local).length === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>("[aria-invalid='true']") ??
      form?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [save.error, local]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = webhookInput(draft);
    setLocal(built.ok ? {} : built.issues);
    if (!built.ok) return;
    save.mutate(built.input, {
      onSuccess: (saved) => router.push(`/hooks/webhooks/${saved.id}`),
    });
  };
  const changeType = (value: string) => {
    if (!isType(value)) return;
    const example = value === "graphql_deferred" ? EXAMPLE_DEFERRED_QUERY : EXAMPLE_QUERY;
    const untouched = draft.query === EXAMPLE_QUERY || draft.query === EXAMPLE_DEFERRED_QUERY;
    setDraft((current) => ({
      ...current,
      type: value,
      query: untouched ? example : current.query,
    }));
  };
  const hasFieldIssues = Object.keys(issues.fields).length > 0;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-4">
      {(issues.general || hasFieldIssues || issues.unplaced.length > 0) && (
        <div data-form-alert tabIndex={-1} className="outline-none">
          <Alert tone="error" title="The webhook was not saved">
            {issues.general && <p>{issues.general}</p>}
            {hasFieldIssues && <p>Fix the fields marked below.</p>}
            {issues.unplaced.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {issues.unplaced.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      <SelectField
        label="Type"
        value={draft.type}
        disabled={Boolean(webhook)}
        hint={webhook ? "The type cannot change after creation." : undefined}
        error={error("type")}
        onChange={(event) => changeType(event.target.value)}
      >
        {WEBHOOK_TYPES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        value={draft.name}
        onChange={(e) => set("name")(e.target.value)}
        error={error("name")}
      />
      <TextField
        label="URL"
        value={draft.url}
        hint="https://… ; may use {{ NAME }} for a configuration variable."
        onChange={(e) => set("url")(e.target.value)}
        error={error("url")}
      />
      <TextAreaField
        label="Headers (JSON)"
        value={draft.headers}
        hint='A JSON object, e.g. {"X-Api-Key": "{{ API_KEY }}"}.'
        onChange={(e) => set("headers")(e.target.value)}
        error={local.headers ?? error("headers")}
      />
      {(draft.type === "graphql" || draft.type === "graphql_deferred") && (
        <TextAreaField
          label="Query"
          value={draft.query}
          hint="A GraphQL subscription; see /webhooks/schema for what it may select."
          onChange={(e) => set("query")(e.target.value)}
          error={error("query")}
        />
      )}
      {draft.type === "graphql_deferred" && (
        <>
          <TextField
            label="Field"
            value={draft.field}
            hint="A date-time field of the object, e.g. Start."
            onChange={(e) => set("field")(e.target.value)}
            error={error("field")}
          />
          <TextField
            label="Offset (ms)"
            inputMode="numeric"
            value={draft.offset}
            hint="Milliseconds after the field's time; negative fires before it."
            onChange={(e) => set("offset")(e.target.value)}
            error={local.offset ?? error("offset")}
          />
          <TextAreaField
            label="Filter (EQL)"
            value={draft.filter}
            hint="Optional; checked again when the webhook fires."
            onChange={(e) => set("filter")(e.target.value)}
            error={error("filter")}
          />
        </>
      )}
      {draft.type === "scheduled" && (
        <TextField
          label="Cron (UTC)"
          value={draft.cron}
          hint="Five fields: minute hour day-of-month month day-of-week."
          onChange={(e) => set("cron")(e.target.value)}
          error={error("cron")}
        />
      )}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className={`size-4 rounded ${focusRing}`}
          checked={draft.enabled}
          onChange={(e) => setDraft((current) => ({ ...current, enabled: e.target.checked }))}
        />
        Enabled
      </label>
      {error("enabled") && <p className="text-xs font-medium text-red-700">{error("enabled")}</p>}
      <div className="flex gap-3">
        <Button type="submit" pending={save.isPending}>
          {webhook ? "Save webhook" : "Create webhook"}
        </Button>
        <LinkButton
          variant="secondary"
          href={webhook ? `/hooks/webhooks/${webhook.id}` : "/hooks/webhooks"}
        >
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
