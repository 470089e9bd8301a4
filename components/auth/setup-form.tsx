"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { ZSetupSchema } from "@/lib/auth/schemas";

import { apiFetch, ApiRequestError, errorMessage } from "@/components/api-client";
import { ZUserViewSchema } from "@/components/api-schemas";
import {
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from "@/components/forms/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { useHydrated } from "@/components/use-hydrated";

const EMPTY = { name: "", email: "", password: "", confirm: "" };

export function SetupForm() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<{ message: string; alreadyDone: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  function field(key: keyof typeof EMPTY) {
    return {
      name: key,
      value: values[key],
      error: fieldErrors[key],
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [key]: event.target.value })),
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);

    // 1. Check in the browser with the schema the API uses.
    const { confirm, ...input } = values;
    const parsed = ZSetupSchema.safeParse(input);
    const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (confirm !== values.password) errors.confirm ??= "The two passwords differ.";
    setFieldErrors(errors);
    if (!parsed.success || errors.confirm) return;

    setPending(true);
    try {
      // 2. Make the admin, then sign in as them.
      await apiFetch("/api/setup", ZUserViewSchema, { method: "POST", body: parsed.data });
      const result = await signIn("credentials", {
        email: parsed.data.email,
        password: parsed.data.password,
        redirect: false,
      });
      router.replace(result?.ok && !result.error ? "/" : "/signin");
    } catch (failure) {
      setFieldErrors(serverFieldErrors(failure));
      const alreadyDone = failure instanceof ApiRequestError && failure.status === 403;
      setError({ message: errorMessage(failure), alreadyDone });
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
      {error && (
        <Alert tone="error">
          {error.message}
          {error.alreadyDone && (
            <>
              {" "}
              <Link href="/signin" className="font-medium underline">
                Go to sign in
              </Link>
            </>
          )}
        </Alert>
      )}
      <TextField label="Name" autoComplete="name" autoFocus {...field("name")} />
      <TextField label="Email" type="email" autoComplete="username" {...field("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        {...field("password")}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        {...field("confirm")}
      />
      <Button type="submit" pending={pending} disabled={!hydrated} className="mt-2 w-full">
        {pending ? "Creating admin…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}
