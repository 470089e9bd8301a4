import type { Principal } from "@/lib/auth/principal";

/** Who made a change, as recorded on its change event. */
export interface Actor {
  /** `user` for console sessions, `token` for API tokens, `system` for Tripline itself. */
  type: "user" | "token" | "system";
  /** The user id, the token id, or what part of Tripline (e.g. `seed`). */
  id: string;
}

export function actorFromPrincipal(principal: Principal): Actor {
  if (principal.via === "token" && principal.tokenId)
    return { type: "token", id: principal.tokenId };

  return { type: "user", id: principal.userId };
}

export const SEED_ACTOR: Actor = { type: "system", id: "seed" };
