import Link from "next/link";

import { AuthCard } from "@/components/auth/auth-card";

export default function NotFound() {
  return (
    <AuthCard title="Page not found" description="There is nothing at this address.">
      <Link href="/" className="text-sm font-medium text-indigo-700 underline">
        Go to the overview
      </Link>
    </AuthCard>
  );
}
