"use client";

import { useState, type FormEvent } from "react";

import { errorMessage } from "@/components/api-client";
import { fieldText, placeIssues } from "@/components/forms/server-issues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

import { DeleteVariableDialog } from "./delete-variable-dialog";
import { useSaveVariable, useVariables } from "./use-variables";

function SetVariableForm() {
  const save = useSaveVariable();
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [saved, setSaved] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name, value },
      {
        onSuccess: (variable) => {
          setValue("");
          setSaved(variable.name);
        },
      },
    );
  };
  const issues = placeIssues(save.error, ["name", "value"]);
  const formLevel = [...(issues.general ? [issues.general] : []), ...issues.unplaced];

  return (
    <Card title="Set a variable" description="Use it as {{ NAME }} in webhook URLs and headers.">
      <form onSubmit={submit} className="flex flex-col gap-3">
        {formLevel.length > 0 && <Alert tone="error">{formLevel.join(" ")}</Alert>}
        {save.isSuccess && saved && (
          <Alert tone="success">Saved {saved}. Pending deliveries use the new value.</Alert>
        )}
        <TextField
          label="Name"
          value={name}
          hint="Letters, digits and _; saving an existing name replaces its value."
          onChange={(e) => setName(e.target.value)}
          error={fieldText(issues, "name")}
        />
        <TextField
          label="Value"
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldText(issues, "value")}
        />
        <div>
          <Button type="submit" pending={save.isPending}>
            Save variable
          </Button>
        </div>
      </form>
    </Card>
  );
}

function VariablesList() {
  const list = useVariables();
  const [deleting, setDeleting] = useState<string | null>(null);

  return (
    <Card title="Variables" flush>
      {list.isPending && (
        <p className="flex items-center gap-2 p-5 text-sm text-slate-600">
          <Spinner /> Loading variables…
        </p>
      )}
      {list.isError && (
        <div className="p-5">
          <Alert tone="error" title="Could not load the variables">
            {errorMessage(list.error)}
          </Alert>
        </div>
      )}
      {list.data?.length === 0 && (
        <p className="p-5 text-sm text-slate-600">
          No variables yet. Set one above, then use it as {"{{ NAME }}"} in a webhook.
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="divide-y divide-slate-200">
          {list.data.map((item) => (
            <li key={item.name} className="flex items-center justify-between gap-3 px-5 py-3">
              <span className="font-mono text-sm">{item.name}</span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Delete ${item.name}`}
                onClick={() => setDeleting(item.name)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <DeleteVariableDialog name={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}

/** Admins only: the API refuses viewers both the names and the writes. */
export function VariablesView() {
  return (
    <div className="flex flex-col gap-6">
      <SetVariableForm />
      <VariablesList />
    </div>
  );
}
