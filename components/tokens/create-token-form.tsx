"use client";

import { useState, type FormEvent } from "react";

import { ZCreateTokenSchema } from "@/lib/auth/schemas";

import { errorMessage } from "@/components/api-client";
import type { TCreatedToken } from "@/components/api-schemas";
import {
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from "@/components/forms/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { useHydrated } from "@/components/use-hydrated";

import { EXPIRY_CHOICES, expiresInDays, isExpiryChoice, type ExpiryChoice } from "./expiry";
import { useCreateToken } from "./use-tokens";

export function CreateTokenForm({ onCreated }: { onCreated: (token: TCreatedToken) => void }) {
  const hydrated = useHydrated();
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [choice, setChoice] = useState<ExpiryChoice>("90");
  const [customDays, setCustomDays] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateTokenSchema.safeParse({
      name,
      expiresInDays: expiresInDays(choice, customDays),
    });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));

      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data, {
      onSuccess: (token) => {
        setName("");
        onCreated(token);
      },
      onError: (error) => setFieldErrors(serverFieldErrors(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {create.isError && <Alert tone="error">{errorMessage(create.error)}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <TextField
          label="Name"
          placeholder="e.g. deploy-bot on ci-01"
          hint="Say what uses it, so you know what breaks if you revoke it."
          value={name}
          error={fieldErrors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label="Expires"
          value={choice}
          onChange={(event) => {
            if (isExpiryChoice(event.target.value)) setChoice(event.target.value);
          }}
          error={choice === "custom" ? undefined : fieldErrors.expiresInDays}
        >
          {EXPIRY_CHOICES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        {choice === "custom" && (
          <TextField
            label="Days until expiry"
            type="number"
            inputMode="numeric"
            min={1}
            value={customDays}
            error={fieldErrors.expiresInDays}
            onChange={(event) => setCustomDays(event.target.value)}
          />
        )}
      </div>
      <div>
        <Button type="submit" pending={create.isPending} disabled={!hydrated}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
