import { getDb } from "@/lib/db";

import { decoyHash, verifyPassword } from "./password";
import { isRole, type Principal } from "./principal";

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/**
 * When five sign-ins for this email failed within the window and none has
 * succeeded since, the email is locked until the window has passed since the
 * fifth most recent failure.
 */
async function lockedFor(email: string, now: Date): Promise<number> {
  const db = getDb();
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
  });
  const failures = await db.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: LOCKOUT_FAILURES,
  });
  const fifth = failures[LOCKOUT_FAILURES - 1];
  if (!fifth) return 0;

  return Math.max(0, fifth.createdAt.getTime() + LOCKOUT_WINDOW_MS - now.getTime());
}

async function record(email: string, success: boolean, now: Date): Promise<void> {
  const db = getDb();
  await db.loginAttempt.create({ data: { email, success, createdAt: now } });
  // Attempts older than a day matter to nobody; keep the table small.
  await db.loginAttempt.deleteMany({
    where: { email, createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}

export async function signIn(rawEmail: string, password: string): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const now = new Date();

  // 1. A locked email is refused before its password is looked at.
  const retryAfterMs = await lockedFor(email, now);
  if (retryAfterMs > 0) return { ok: false, reason: "locked", retryAfterMs };

  // 2. Unknown emails check a decoy hash so they take as long as wrong passwords.
  const user = await getDb().user.findUnique({ where: { email } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));

  // 3. Every attempt is recorded, known email or not, so guessing is locked out too.
  await record(email, valid && user !== null, now);
  if (!valid || !user || !isRole(user.role)) return { ok: false, reason: "invalid_credentials" };

  return {
    ok: true,
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      via: "session",
    },
  };
}

export function lockedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));

  return `Too many failed sign-ins for this email. It is locked for ${minutes} more minute${
    minutes === 1 ? "" : "s"
  }.`;
}
