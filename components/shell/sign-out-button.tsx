"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function leave() {
    setPending(true);
    // next-auth's own redirect would use NEXTAUTH_URL, which may be unset;
    // a full page load also drops every cached API answer.
    await signOut({ redirect: false });
    window.location.assign("/signin");
  }

  return (
    <Button variant="secondary" size="sm" pending={pending} onClick={() => void leave()}>
      Sign out
    </Button>
  );
}
