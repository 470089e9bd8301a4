// `npm run bench:auth`: how long each kind of refusal takes. A wrong password
// and an unknown email should take the same time (both run scrypt); an
// unknown and a revoked token should too (both are one indexed lookup).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "tripline-bench-"));
process.env.TRIPLINE_DATA_DIR = dir;
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;

const { getConfig } = await import("@/lib/config");
const { getDb, migrate } = await import("@/lib/db");
const { signIn } = await import("@/lib/auth/sign-in");
const { createUser } = await import("@/lib/auth/users");
const { authenticateToken, createToken, revokeToken } = await import("@/lib/auth/tokens");

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);

  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

try {
  await migrate(getConfig().database);
  const user = await createUser({
    email: "bench@example.com",
    name: "Bench",
    password: "bench password",
    role: "admin",
  });
  const { token, view } = await createToken(user.id, { name: "revoked" });
  await revokeToken({ ...user, userId: user.id, via: "token" }, view.id);
  const db = getDb();
  // Lockout would end the measurement early; clear attempts between runs.
  const clear = () => db.loginAttempt.deleteMany();

  const rows: [string, number][] = [
    [
      "sign-in, wrong password",
      await median(15, async () => (await signIn("bench@example.com", "nope"), clear())),
    ],
    [
      "sign-in, unknown email",
      await median(15, async () => (await signIn("ghost@example.com", "nope"), clear())),
    ],
    ["token, unknown", await median(200, () => authenticateToken("tl_" + "x".repeat(40)))],
    ["token, revoked", await median(200, () => authenticateToken(token))],
  ];
  for (const [name, ms] of rows) console.log(`${name.padEnd(26)} ${ms.toFixed(3)} ms (median)`);
  await db.$disconnect();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
