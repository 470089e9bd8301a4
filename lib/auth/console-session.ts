import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";

import { getAuthOptions, principalForUser } from "./next-auth";
import type { Principal } from "./principal";
import { countUsers } from "./users";

// Server-only helpers for the console's pages. `cache` shares one lookup
// between a layout and its page within a request.

/** True once the first admin exists. */
export const isSetupDone = cache(async (): Promise<boolean> => {
  // The answer belongs to the request, never to a page prerendered at build.
  await connection();

  return (await countUsers()) > 0;
});

/** The signed-in user, read fresh from the database, or null. */
export const getCurrentPrincipal = cache(async (): Promise<Principal | null> => {
  await connection();
  const session = await getServerSession(getAuthOptions());
  const userId = session?.userId;

  return userId ? principalForUser(userId) : null;
});

/**
 * Every console page calls this, not only the layout: a layout is not
 * rendered again on client navigation, so it cannot guard the pages alone.
 */
export async function requirePrincipal(): Promise<Principal> {
  if (!(await isSetupDone())) redirect("/setup");
  const principal = await getCurrentPrincipal();
  if (!principal) redirect("/signin");

  return principal;
}
