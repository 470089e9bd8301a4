import { getDb } from "@/lib/db";

import { reserveAttempt, settleAttempt } from "./lockout";
import { decoyHash, verifyPassword } from "./password";
import { isRole, type Principal } from "./principal";

export { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS } from "./lockout";

export type SignInResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; lockedUntil: Date; retryAfterMs: number };

export async function signIn(
  rawEmail: string,
  password: string,
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();

  // 1. A locked email is refused before its password is looked at; otherwise
  //    the attempt is counted as a failure until the password proves right.
  const reservation = await reserveAttempt(email, now);
  if ("lockedUntil" in reservation) {
    const { lockedUntil } = reservation;

    return { ok: false, reason: "locked", lockedUntil, retryAfterMs: +lockedUntil - +now };
  }

  // 2. Unknown emails check a decoy hash so they take as long as wrong passwords.
  const user = await getDb().user.findUnique({ where: { email } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const role = valid && user && isRole(user.role) ? user.role : null;

  // 3. Every attempt stays recorded, known email or not, so guessing is locked out too.
  await settleAttempt(email, reservation.attemptId, role !== null, now);
  if (!user || !role) return { ok: false, reason: "invalid_credentials" };

  return {
    ok: true,
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      role,
      via: "session",
    },
  };
}

/** Says until when (UTC) and for how long the email stays locked. */
export function lockedMessage(lockedUntil: Date, now: Date = new Date()): string {
  const minutes = Math.max(1, Math.ceil((+lockedUntil - +now) / 60_000));
  const time = lockedUntil.toISOString().slice(11, 16);

  return (
    "Too many failed sign-ins for this email. " +
    `It is locked until ${time} UTC (${minutes} more minute${minutes === 1 ? "" : "s"}).`
  );
}
