import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { isSetupDone } from "@/lib/auth/console-session";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await isSetupDone()) redirect("/signin");

  return (
    <AuthCard
      title="Create the first admin"
      description={
        <>
          <p>This Tripline has no users yet. The admin you create here can add everyone else.</p>
          <p className="mt-2">
            Without a browser, start Tripline with <code className="font-mono">ADMIN_EMAIL</code>{" "}
            and <code className="font-mono">ADMIN_PASSWORD</code> set to do the same.
          </p>
        </>
      }
    >
      <SetupForm />
    </AuthCard>
  );
}
