"use client";

import { useState, type FormEvent } from "react";

import { ROLES, ZCreateUserSchema, type TUserView } from "@/lib/auth/schemas";

import { errorMessage } from "@/components/api-client";
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

import { useCreateUser } from "./use-users";

const EMPTY = { name: "", email: "", password: "", role: "viewer" };

export function AddUserForm() {
  const hydrated = useHydrated();
  const create = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<TUserView | null>(null);

  function field(key: keyof typeof EMPTY) {
    return {
      name: key,
      value: values[key],
      error: fieldErrors[key],
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [key]: event.target.value })),
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const parsed = ZCreateUserSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));

      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setAdded(user);
        setValues(EMPTY);
      },
      onError: (error) => setFieldErrors(serverFieldErrors(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {create.isError && <Alert tone="error">{errorMessage(create.error)}</Alert>}
      {added && (
        <Alert tone="success">
          Added {added.name} ({added.email}) as {added.role}. Give them the password by a channel
          you trust.
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" autoComplete="off" {...field("name")} />
        <TextField label="Email" type="email" autoComplete="off" {...field("email")} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          {...field("password")}
        />
        <SelectField
          label="Role"
          hint="Viewers manage their own tokens; admins also manage users."
          {...field("role")}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="submit" pending={create.isPending} disabled={!hydrated}>
          {create.isPending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
