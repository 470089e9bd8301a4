import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** Attempts older than this matter to nobody; they are deleted as new ones come. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/** Transactions queue for the per-email lock; give a burst time to drain. */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 10_000 };

type Tx = Prisma.TransactionClient;

export type Reservation = { attemptId: string } | { lockedUntil: Date };

/**
 * When an email is locked: five failures less than the window apart lock it
 * for the window, counted from the fifth of them. `failures` are the times of
 * the failures since the last success, oldest first.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  let until: Date | null = null;
  for (let i = LOCKOUT_FAILURES - 1; i < failures.length; i++) {
    const first = failures[i - (LOCKOUT_FAILURES - 1)];
    const fifth = failures[i];
    if (!first || !fifth || fifth.getTime() - first.getTime() >= LOCKOUT_WINDOW_MS) continue;
    const end = new Date(fifth.getTime() + LOCKOUT_WINDOW_MS);
    if (!until || end > until) until = end;
  }

  return until && until > now ? until : null;
}

/**
 * Claims the right to check one password for this email, or says until when
 * the email is locked.
 *
 * The claim is an attempt row written as a failure before the password is
 * looked at, so a guess still being checked counts against the limit. The
 * check and the write are one transaction that parallel sign-ins for the same
 * email take in turn: on PostgreSQL a transaction-scoped advisory lock on the
 * email, on SQLite the database's write lock, taken by writing the row first.
 * So however many guesses arrive at once, at most five are checked.
 */
export async function reserveAttempt(email: string, now: Date): Promise<Reservation> {
  return getDb().$transaction(async (tx) => {
    await lockEmail(tx, email);
    const attempt = await tx.loginAttempt.create({
      data: { email, success: false, createdAt: now },
    });
    const until = lockedUntil(await failuresBefore(tx, email, attempt.id, now), now);
    if (!until) return { attemptId: attempt.id };

    // A refused attempt checked no password, so it is not a guess to count.
    await tx.loginAttempt.delete({ where: { id: attempt.id } });

    return { lockedUntil: until };
  }, TRANSACTION_LIMITS);
}

async function lockEmail(tx: Tx, email: string): Promise<void> {
  if (getConfig().database.kind !== "postgresql") return;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))::text AS "locked"`;
}

/** Failures since the last success that could still be part of a lock, oldest first. */
async function failuresBefore(tx: Tx, email: string, exceptId: string, now: Date) {
  // A lock that still holds began with a failure at most two windows ago.
  const since = new Date(now.getTime() - 2 * LOCKOUT_WINDOW_MS);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
  });
  const rows = await tx.loginAttempt.findMany({
    where: {
      email,
      success: false,
      id: { not: exceptId },
      createdAt: lastSuccess ? { gt: lastSuccess.createdAt } : { gte: since },
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });

  return rows.map((row) => row.createdAt);
}

/** Settles a reserved attempt once its password has been checked. */
export async function settleAttempt(
  email: string,
  attemptId: string,
  success: boolean,
  now: Date,
): Promise<void> {
  const db = getDb();
  if (success) await db.loginAttempt.update({ where: { id: attemptId }, data: { success } });
  await db.loginAttempt.deleteMany({
    where: { email, createdAt: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } },
  });
}
