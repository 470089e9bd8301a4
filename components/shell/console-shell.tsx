import Link from "next/link";
import type { ReactNode } from "react";

import type { TRole } from "@/lib/auth/schemas";

import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/cx";

import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export interface ConsoleUser {
  name: string;
  email: string;
  role: TRole;
}

function navFor(role: TRole): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "Overview" },
    { href: "/data", label: "Data" },
    { href: "/graphql/explorer", label: "GraphQL" },
    { href: "/hooks/webhooks", label: "Webhooks" },
    { href: "/tokens", label: "API tokens" },
  ];
  if (role === "admin") items.push({ href: "/variables", label: "Variables" });
  if (role === "admin") items.push({ href: "/users", label: "Users" });

  return items;
}

export function ConsoleShell({ user, children }: { user: ConsoleUser; children: ReactNode }) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className={`sr-only rounded-md bg-white px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 ${focusRing}`}
      >
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-64 md:shrink-0 md:flex-col md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-4 px-4 py-3 md:block md:px-5 md:py-5">
          <Link href="/" className={`rounded text-lg font-semibold tracking-tight ${focusRing}`}>
            Tripline
          </Link>
        </div>
        <nav aria-label="Console" className="overflow-x-auto px-3 pb-3 md:flex-1 md:pb-0">
          <NavLinks items={navFor(user.role)} />
        </nav>
        <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 md:flex-col md:items-stretch md:px-5 md:py-4">
          <div className="min-w-0" aria-label="Signed in as">
            <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-xs text-slate-600">{user.email}</p>
            <p className="mt-1">
              <Badge tone={user.role === "admin" ? "accent" : "neutral"}>{user.role}</Badge>
            </p>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-10 md:py-10">
        <div className="mx-auto max-w-5xl">{children}</div>
      </main>
    </div>
  );
}
