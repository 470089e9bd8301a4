"use client";

import { useState, type FormEvent } from "react";

import { errorMessage, fieldIssue } from "@/components/api-client";
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
  const nameError = fieldIssue(save.error, "name");
  const valueError = fieldIssue(save.error, "value");

  return (
    <Card title="Set a variable" description="Use it as {{ NAME }} in webhook URLs and headers.">
      <form onSubmit={submit} className="flex flex-col gap-3">
        {save.isError && !nameError && !valueError && (
          <Alert tone="error">{errorMessage(save.error)}</Alert>
        )}
        {save.isSuccess && saved && (
          <Alert tone="success">Saved {saved}. Pending deliveries use the new value.</Alert>
        )}
        <TextField
          label="Name"
          value={name}
          hint="Letters, digits and _; saving an existing name replaces its value."
          onChange={(e) => setName(e.target.value)}
          error={nameError}
        />
        <TextField
          label="Value"
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={valueError}
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
