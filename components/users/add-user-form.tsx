"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";

import { ROLES, ZCreateUserSchema, type TUserView } from "@/lib/auth/schemas";

import { ApiRequestError } from "@/components/api-client";
import { zodFieldErrors, type FieldErrors } from "@/components/forms/field-errors";
import { fieldText, placeIssues, type FormIssues } from "@/components/forms/server-issues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { useHydrated } from "@/components/use-hydrated";

import { useCreateUser } from "./use-users";

const EMPTY = { name: "", email: "", password: "", role: "viewer" };
const FIELDS = Object.keys(EMPTY);

/**
 * The alert's words for a refused add. A 409 says what clashed ("a user with
 * this email already exists"), so it is worth showing; a 400's message only
 * sums up the messages already under the fields, so the alert points at them.
 */
function refusal(error: unknown, issues: FormIssues): string[] {
  if (issues.general) return [sentence(issues.general)];
  if (error instanceof ApiRequestError && error.status === 409) {
    return [sentence(error.message), ...issues.unplaced];
  }
  const placed = Object.keys(issues.fields).length > 0;

  return [...(placed ? ["Fix the fields marked below."] : []), ...issues.unplaced];
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);

  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function AddUserForm() {
  const hydrated = useHydrated();
  const create = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<TUserView | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const serverIssues = placeIssues(create.error, FIELDS);
  const refused = create.isError ? refusal(create.error, serverIssues) : [];

  // After a refused add, focus goes to the first field to fix, else to the alert.
  useEffect(() => {
    if (!create.error && Object.keys(localErrors).length === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>("[aria-invalid='true']") ??
      form?.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [create.error, localErrors]);

  function field(key: keyof typeof EMPTY) {
    return {
      name: key,
      value: values[key],
      error: localErrors[key] ?? fieldText(serverIssues, key),
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [key]: event.target.value })),
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const parsed = ZCreateUserSchema.safeParse(values);
    if (!parsed.success) {
      create.reset();
      setLocalErrors(zodFieldErrors(parsed.error));

      return;
    }
    setLocalErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setAdded(user);
        setValues(EMPTY);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      {refused.length > 0 && (
        <div data-form-alert tabIndex={-1} className="outline-none">
          <Alert tone="error" title="The user was not added">
            {refused.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </Alert>
        </div>
      )}
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
