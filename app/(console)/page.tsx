import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";

import { requirePrincipal } from "@/lib/auth/console-session";
import { HealthCard } from "@/components/overview/health-card";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

/** The address this console was reached at, for commands the operator can paste. */
async function baseUrl(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? "http";

  return `${proto}://${host}`;
}

export default async function OverviewPage() {
  const principal = await requirePrincipal();
  const curl = `curl -H "Authorization: Bearer $TOKEN" ${await baseUrl()}/api/me`;

  return (
    <>
      <PageHeader
        title={`Welcome, ${principal.name}`}
        description="Tripline sends webhooks when your operations data changes. Start by giving a script or service an API token."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="You" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600">Name</dt>
              <dd className="font-medium text-slate-900">{principal.name}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Email</dt>
              <dd className="font-medium break-all text-slate-900">{principal.email}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Role</dt>
              <dd className="mt-0.5">
                <Badge tone={principal.role === "admin" ? "accent" : "neutral"}>
                  {principal.role}
                </Badge>
              </dd>
            </div>
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <HealthCard />
        </div>
      </div>
      <Card title="Next steps" className="mt-6">
        <ol className="list-decimal space-y-5 pl-5 text-sm text-slate-700 marker:font-semibold">
          <li>
            <Link href="/tokens" className="font-medium text-indigo-700 underline">
              Create an API token
            </Link>{" "}
            for each script or service. It is shown once, so copy it when it appears.
          </li>
          <li>
            <p className="mb-2">Check the token works; the answer names you and your role:</p>
            <CodeBlock label="shell" code={curl} />
          </li>
          {principal.role === "admin" && (
            <li>
              <Link href="/users" className="font-medium text-indigo-700 underline">
                Add your teammates
              </Link>{" "}
              as viewers, or as admins if they manage users and tokens too.
            </li>
          )}
        </ol>
      </Card>
    </>
  );
}
