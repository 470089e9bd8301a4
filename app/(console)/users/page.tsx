import type { Metadata } from "next";
import Link from "next/link";

import { requirePrincipal } from "@/lib/auth/console-session";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { UsersView } from "@/components/users/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requirePrincipal();

  if (principal.role !== "admin") {
    return (
      <>
        <PageHeader title="Users" />
        <Alert tone="warning" title="Admins only">
          Only admins can see and change users. Ask an admin if you need access.{" "}
          <Link href="/" className="font-medium underline">
            Back to the overview
          </Link>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Admins manage users and every token; viewers manage only their own tokens."
      />
      <UsersView currentUserId={principal.userId} />
    </>
  );
}
