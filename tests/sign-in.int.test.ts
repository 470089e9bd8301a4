import { beforeEach, describe, expect, it } from "vitest";

import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS, signIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";

import { makeUser, resetDatabase } from "./helpers";

const PASSWORD = "correct horse battery";
const MINUTE = 60_000;

/** Records failed sign-ins for this email the given numbers of minutes ago. */
async function failedMinutesAgo(email: string, ...minutes: number[]): Promise<void> {
  const now = Date.now();
  await getDb().loginAttempt.createMany({
    data: minutes.map((ago) => ({
      email,
      success: false,
      createdAt: new Date(now - ago * MINUTE),
    })),
  });
}

beforeEach(resetDatabase);

describe("sign-in", () => {
  it("accepts the right password, whatever the email's case", async () => {
    const user = await makeUser("viewer");
    const result = await signIn(user.email.toUpperCase(), PASSWORD);

    expect(result).toMatchObject({ ok: true, principal: { userId: user.id, role: "viewer" } });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const user = await makeUser("viewer");

    expect(await signIn(user.email, "wrong")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await signIn("nobody@example.com", PASSWORD)).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
  });

  it("five failures within 15 minutes lock the email, even for the right password", async () => {
    const user = await makeUser("viewer");
    for (let i = 0; i < LOCKOUT_FAILURES; i++) await signIn(user.email, "wrong");

    const locked = await signIn(user.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") {
      expect(locked.retryAfterMs).toBeGreaterThan(LOCKOUT_WINDOW_MS - 60_000);
      expect(locked.retryAfterMs).toBeLessThanOrEqual(LOCKOUT_WINDOW_MS);
    }
  });

  it("the lock is per email: other users still sign in", async () => {
    const victim = await makeUser("viewer");
    const other = await makeUser("viewer");
    for (let i = 0; i < LOCKOUT_FAILURES; i++) await signIn(victim.email, "wrong");

    expect((await signIn(other.email, PASSWORD)).ok).toBe(true);
  });

  it("four failures do not lock, and a success clears them", async () => {
    const user = await makeUser("viewer");
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) await signIn(user.email, "wrong");
    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);

    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) await signIn(user.email, "wrong");
    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);
  });

  it("the lock lifts 15 minutes after the fifth failure", async () => {
    const user = await makeUser("viewer");
    const old = new Date(Date.now() - LOCKOUT_WINDOW_MS - 1000);
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: LOCKOUT_FAILURES }, () => ({
        email: user.email,
        success: false,
        createdAt: old,
      })),
    });

    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);
  });

  it("guessing at unknown emails is locked out too", async () => {
    for (let i = 0; i < LOCKOUT_FAILURES; i++) await signIn("ghost@example.com", "guess");

    expect(await signIn("ghost@example.com", "guess")).toMatchObject({ reason: "locked" });
  });

  it("the lock lasts 15 minutes from the fifth failure, not from the first", async () => {
    const user = await makeUser("viewer");
    // Failures at 0, 1, 2, 3 and 14 minutes: the fifth is the one made now.
    await failedMinutesAgo(user.email, 14, 13, 12, 11);
    expect(await signIn(user.email, "wrong")).toEqual({ ok: false, reason: "invalid_credentials" });

    const locked = await signIn(user.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") {
      expect(locked.retryAfterMs).toBeGreaterThan(LOCKOUT_WINDOW_MS - MINUTE);
      expect(locked.lockedUntil.getTime()).toBeGreaterThan(Date.now() + 14 * MINUTE);
    }
  });

  it("a lock that began with a fifth failure 10 minutes ago has 5 minutes left", async () => {
    const user = await makeUser("viewer");
    await failedMinutesAgo(user.email, 20, 19, 18, 17, 10);

    const locked = await signIn(user.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") {
      expect(locked.retryAfterMs).toBeGreaterThan(5 * MINUTE - 10_000);
      expect(locked.retryAfterMs).toBeLessThanOrEqual(5 * MINUTE);
    }
  });

  it("five failures spread over more than 15 minutes do not lock", async () => {
    const user = await makeUser("viewer");
    await failedMinutesAgo(user.email, 16, 12, 8, 4);
    await signIn(user.email, "wrong");

    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);
  });

  it("a lock whose fifth failure is more than 15 minutes old has lifted", async () => {
    const user = await makeUser("viewer");
    await failedMinutesAgo(user.email, 30, 29, 28, 27, 16);

    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);
  });

  it("attempts refused while locked do not prolong the lock", async () => {
    const user = await makeUser("viewer");
    await failedMinutesAgo(user.email, 14, 13, 12, 11, 10);
    for (let i = 0; i < 3; i++) {
      expect(await signIn(user.email, "wrong")).toMatchObject({ reason: "locked" });
    }

    const afterLock = new Date(Date.now() + 5 * MINUTE + 1000);
    expect((await signIn(user.email, PASSWORD, afterLock)).ok).toBe(true);
  });

  it("twenty parallel guesses get at most five password checks, then the email is locked", async () => {
    const user = await makeUser("viewer");

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(user.email, `wrong-${i}`)),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid_credentials");
    const locked = results.filter((r) => !r.ok && r.reason === "locked");

    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(LOCKOUT_FAILURES);
    expect(locked.length).toBe(results.length - checked.length);
    expect(await getDb().loginAttempt.count({ where: { email: user.email } })).toBe(checked.length);
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
  });
});
