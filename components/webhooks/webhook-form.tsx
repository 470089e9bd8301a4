"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { WEBHOOK_TYPES, type WebhookType } from "@/lib/hooks/schemas";

import { errorMessage, fieldIssue } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";

import { useSaveWebhook, type TWebhook } from "./use-webhooks";

const EXAMPLE_QUERY =
  "subscription { schemaJobs(operation: [UPDATE]) { operation timestamp data { UID Name JobStatus } previous { JobStatus } } }";

function isType(value: string): value is WebhookType {
  return WEBHOOK_TYPES.some((type) => type === value);
}

/** Create or edit; the query and filter are plain text, checked by the server on save. */
export function WebhookForm({ webhook }: { webhook?: TWebhook }) {
  const router = useRouter();
  const save = useSaveWebhook(webhook?.id ?? null);
  const [type, setType] = useState<WebhookType>(
    webhook && isType(webhook.type) ? webhook.type : "graphql",
  );
  const [name, setName] = useState(webhook?.name ?? "");
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [headers, setHeaders] = useState(JSON.stringify(webhook?.headers ?? {}));
  const [query, setQuery] = useState(webhook?.query ?? EXAMPLE_QUERY);
  const [field, setField] = useState(webhook?.field ?? "Start");
  const [offset, setOffset] = useState(String(webhook?.offset ?? 0));
  const [filter, setFilter] = useState(webhook?.filter ?? "");
  const [cron, setCron] = useState(webhook?.cron ?? "0 * * * *");
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [headersError, setHeadersError] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsedHeaders: Record<string, string> = {};
    try {
      const value: unknown = JSON.parse(headers || "{}");
      if (typeof value !== "object" || value === null) throw new Error("not an object");
      parsedHeaders = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
      setHeadersError("");
    } catch {
      setHeadersError("must be a JSON object of strings");
      return;
    }
    const common = { name, url, headers: parsedHeaders, enabled };
    const input =
      type === "graphql"
        ? { ...common, type, query }
        : type === "graphql_deferred"
          ? { ...common, type, query, field, offset: Number(offset), filter: filter || null }
          : type === "scheduled"
            ? { ...common, type, cron }
            : { ...common, type };
    save.mutate(input, { onSuccess: (saved) => router.push(`/hooks/webhooks/${saved.id}`) });
  };
  const error = (path: string) => fieldIssue(save.error, path);
  const area = (label: string, value: string, set: (v: string) => void, path: string) => {
    const id = `webhook-${path}`;
    const message = error(path);

    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <textarea
          id={id}
          className="min-h-24 rounded-md border border-slate-300 p-2 font-mono text-xs"
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(event) => set(event.target.value)}
        />
        {message && (
          <span id={`${id}-error`} className="text-xs text-red-700">
            {message}
          </span>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      {save.isError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
      <SelectField
        label="Type"
        value={type}
        disabled={Boolean(webhook)}
        onChange={(event) => isType(event.target.value) && setType(event.target.value)}
      >
        {WEBHOOK_TYPES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error("name")}
      />
      <TextField
        label="URL"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error("url")}
      />
      {area("Headers (JSON)", headers, setHeaders, "headers")}
      {headersError && <span className="text-xs text-red-700">Headers {headersError}</span>}
      {(type === "graphql" || type === "graphql_deferred") &&
        area("Query", query, setQuery, "query")}
      {type === "graphql_deferred" && (
        <>
          <TextField
            label="Field"
            value={field}
            onChange={(e) => setField(e.target.value)}
            error={error("field")}
          />
          <TextField
            label="Offset (ms)"
            value={offset}
            onChange={(e) => setOffset(e.target.value)}
            error={error("offset")}
          />
          {area("Filter (EQL)", filter, setFilter, "filter")}
        </>
      )}
      {type === "scheduled" && (
        <TextField
          label="Cron (UTC)"
          value={cron}
          onChange={(e) => setCron(e.target.value)}
          error={error("cron")}
        />
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Enabled
      </label>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {webhook ? "Save webhook" : "Create webhook"}
        </Button>
      </div>
    </form>
  );
}
