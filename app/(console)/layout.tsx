import type { ReactNode } from "react";

import { requirePrincipal } from "@/lib/auth/console-session";
import { ConsoleShell } from "@/components/shell/console-shell";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { name, email, role } = await requirePrincipal();

  return <ConsoleShell user={{ name, email, role }}>{children}</ConsoleShell>;
}
