"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { useHydrated } from "@/components/use-hydrated";

// next-auth reports some failures by code rather than by our message.
const CODES: Partial<Record<string, string>> = {
  CredentialsSignin: "Wrong email or password.",
  SessionRequired: "Sign in to continue.",
};

export interface SignInFormProps {
  callbackUrl: string;
  /** An error code next-auth put into the URL when it redirected here. */
  initialError?: string;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(
    initialError ? (CODES[initialError] ?? "Sign-in failed. Try again.") : null,
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError("Enter your email and password.");

      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // Pending stays on until the console has replaced this page.
        router.replace(callbackUrl);

        return;
      }
      setError(CODES[result?.error ?? ""] ?? result?.error ?? "Sign-in failed. Try again.");
    } catch {
      setError("Could not reach Tripline. Check the connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        autoFocus
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button type="submit" pending={pending} disabled={!hydrated} className="mt-2 w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
