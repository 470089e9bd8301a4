import { beforeEach, describe, expect, it } from "vitest";

import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS, signIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";

import { makeUser, resetDatabase } from "./helpers";

const PASSWORD = "correct horse battery";

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
});
