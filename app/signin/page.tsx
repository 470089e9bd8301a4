import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getCurrentPrincipal, isSetupDone } from "@/lib/auth/console-session";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await isSetupDone())) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentPrincipal()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;

  return (
    <AuthCard title="Sign in" description="Use the email and password your admin gave you.">
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
    </AuthCard>
  );
}
