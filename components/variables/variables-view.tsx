"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";

import { apiFetch, errorMessage, fieldIssue } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/input";

const ZVariable = z.object({ name: z.string(), updatedAt: z.string() });
const KEY = ["config-variables"];

/** Names only: a value is write-only once saved. */
export function VariablesView() {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch("/api/config-variables", z.array(ZVariable)),
  });
  const save = useMutation({
    mutationFn: (input: { name: string; value: string }) =>
      apiFetch("/api/config-variables", ZVariable, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name, value }, { onSuccess: () => setValue("") });
  };

  return (
    <div className="flex flex-col gap-6">
      <Card title="Set a variable" description="Use it as {{ NAME }} in webhook URLs and headers.">
        <form onSubmit={submit} className="flex flex-col gap-3">
          {save.isError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldIssue(save.error, "name")}
          />
          <TextField
            label="Value"
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <div>
            <Button type="submit" disabled={save.isPending}>
              Save variable
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Variables" flush>
        <ul className="divide-y divide-slate-200">
          {list.data?.map((item) => (
            <li key={item.name} className="px-5 py-3 font-mono text-sm">
              {item.name}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
