"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  async function leave() {
    setPending(true);
    // next-auth's own redirect goes to NEXTAUTH_URL, which may be unset.
    await signOut({ redirect: false });
    // The next person to sign in in this tab must not see this one's data.
    queryClient.clear();
    router.replace("/signin");
  }

  return (
    <Button variant="secondary" size="sm" pending={pending} onClick={() => void leave()}>
      Sign out
    </Button>
  );
}
