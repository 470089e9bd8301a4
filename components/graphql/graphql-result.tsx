"use client";

import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

import { ZGraphQLErrorSchema } from "./client";

export interface RunResult {
  status: number;
  body: unknown;
  ms: number;
}

const ZErrorsSchema = z.object({ errors: z.array(ZGraphQLErrorSchema) });
// Refusals before GraphQL runs (a viewer's mutation, an expired session) use the API's error body.
const ZRefusalSchema = z.object({ errorType: z.string(), message: z.string() });

function where(error: z.infer<typeof ZGraphQLErrorSchema>): string {
  const parts: string[] = [];
  if (error.path) parts.push(`at ${error.path.join(".")}`);
  const location = error.locations?.[0];
  if (location) parts.push(`line ${location.line}, column ${location.column}`);

  return parts.join(" · ");
}

/** The answer, pretty-printed, with its errors listed above it. */
export function GraphQLResult({ result }: { result: RunResult }) {
  const text = typeof result.body === "string" ? result.body : JSON.stringify(result.body, null, 2);
  const parsed = ZErrorsSchema.safeParse(result.body);
  const errors = parsed.success ? parsed.data.errors : [];
  const refusal = ZRefusalSchema.safeParse(result.body);
  const ok = result.status >= 200 && result.status < 300 && errors.length === 0;

  return (
    <Card
      title="Result"
      actions={
        <span className="inline-flex items-center gap-2 text-xs text-slate-600">
          <Badge tone={ok ? "success" : "danger"}>
            {errors.length > 0
              ? `${errors.length} error${errors.length === 1 ? "" : "s"}`
              : `HTTP ${result.status}`}
          </Badge>
          {result.ms} ms
          <CopyButton text={text} />
        </span>
      }
    >
      <div className="flex flex-col gap-4" aria-live="polite">
        {refusal.success && (
          <Alert tone="error" title={`Refused (${refusal.data.errorType})`}>
            {refusal.data.message}
          </Alert>
        )}
        {errors.length > 0 && (
          <Alert tone="error" title="The request returned errors">
            <ul className="list-disc space-y-1 pl-5">
              {errors.map((error, index) => (
                <li key={index}>
                  <span className="font-medium">{error.message}</span>
                  {where(error) && <span className="text-red-700"> ({where(error)})</span>}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <pre
          data-testid="graphql-result"
          className={`max-h-[32rem] overflow-auto rounded-md border bg-slate-900 px-3 py-3 font-mono text-xs leading-relaxed text-slate-100 ${ok ? "border-slate-200" : "border-red-400"}`}
        >
          <code>{text}</code>
        </pre>
      </div>
    </Card>
  );
}
