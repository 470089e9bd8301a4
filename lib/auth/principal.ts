import type { TRole } from "./schemas";

/** Who is making a request, and through what. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: TRole;
  via: "session" | "token";
  tokenId?: string;
}

export function isRole(value: string): value is TRole {
  return value === "admin" || value === "viewer";
}
