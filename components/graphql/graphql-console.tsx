"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type KeyboardEvent } from "react";

import { ApiRequestError, errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass, cx } from "@/components/ui/cx";
import { FieldShell } from "@/components/ui/field";
import { useHydrated } from "@/components/use-hydrated";

import { postGraphQL } from "./client";
import { EXAMPLES } from "./examples";
import { GraphQLResult, type RunResult } from "./graphql-result";

type Variables =
  { ok: true; value: Record<string, unknown> | undefined } | { ok: false; error: string };

function parseVariables(text: string): Variables {
  if (text.trim() === "") return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${errorMessage(error)}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: 'Variables must be a JSON object, e.g. {"filter": "..."}.' };
  }

  return { ok: true, value: Object.fromEntries(Object.entries(value)) };
}

const editorClass = cx(
  controlClass,
  "w-full border-slate-300 py-2 font-mono text-xs leading-5 [tab-size:2]",
);

export function GraphQLConsole() {
  const hydrated = useHydrated();
  const [query, setQuery] = useState<string>(EXAMPLES[0].query);
  const [variables, setVariables] = useState<string>(EXAMPLES[0].variables);
  const [variablesError, setVariablesError] = useState<string | undefined>();
  const run = useMutation({
    mutationFn: async (input: { query: string; variables?: Record<string, unknown> }) => {
      const started = performance.now();
      const exchange = await postGraphQL(input.query, input.variables);
      // A session that ended sends the operator to sign in, as on every page.
      if (exchange.status === 401) throw new ApiRequestError(401, "unauthorized", "Sign in again.");

      return { ...exchange, ms: Math.round(performance.now() - started) } satisfies RunResult;
    },
  });

  function start() {
    if (run.isPending) return;
    const parsed = parseVariables(variables);
    if (!parsed.ok) {
      setVariablesError(parsed.error);

      return;
    }
    setVariablesError(undefined);
    run.mutate({ query, variables: parsed.value });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <Card
        title="Request"
        description="Runs as you, with your role, against POST /graphql."
        actions={
          <div className="flex flex-wrap gap-2">
            {EXAMPLES.map((example) => (
              <Button
                key={example.label}
                variant="secondary"
                size="sm"
                onClick={() => {
                  setQuery(example.query);
                  setVariables(example.variables);
                  setVariablesError(undefined);
                }}
              >
                {example.label}
              </Button>
            ))}
          </div>
        }
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <FieldShell id="graphql-query" label="Query">
            <textarea
              id="graphql-query"
              value={query}
              rows={16}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
              className={editorClass}
            />
          </FieldShell>
          <FieldShell id="graphql-variables" label="Variables (JSON)" error={variablesError}>
            <textarea
              id="graphql-variables"
              value={variables}
              rows={4}
              spellCheck={false}
              aria-invalid={variablesError ? true : undefined}
              aria-describedby={variablesError ? "graphql-variables-error" : undefined}
              onChange={(event) => setVariables(event.target.value)}
              onKeyDown={onKeyDown}
              className={cx(editorClass, variablesError && "border-red-500")}
            />
          </FieldShell>
          <div className="flex items-center gap-3">
            <Button type="submit" pending={run.isPending} disabled={!hydrated}>
              {run.isPending ? "Running…" : "Run"}
            </Button>
            <span className="text-xs text-slate-500">or Ctrl+Enter (⌘+Enter) in either box</span>
          </div>
        </form>
      </Card>
      {run.isError && <Alert tone="error">{errorMessage(run.error)}</Alert>}
      {run.data && <GraphQLResult result={run.data} />}
    </div>
  );
}
