import { spawnSync } from "node:child_process";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { DemoAlreadySeeded, seedDemoData } from "@/lib/lens";

import { allEvents, resetLens } from "./lens-helpers";

function tripline(...args: string[]) {
  const result = spawnSync("node", ["bin/tripline", ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });

  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(resetLens);
// Four hundred jobs are more than other files expect to find.
afterAll(resetLens);

describe("tripline seed", () => {
  it("--demo writes the demo set with its change events, once", async () => {
    const first = tripline("seed", "--demo");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^seeded 4 regions, .* 200 jobs and \d+ allocations\n$/);

    const db = getDb();
    expect(await db.job.count()).toBe(200);
    expect(await db.region.count()).toBe(4);
    const allocations = await db.jobAllocation.count();
    expect(allocations).toBeGreaterThan(0);
    const records =
      200 +
      allocations +
      (await db.region.count()) +
      (await db.account.count()) +
      (await db.contact.count()) +
      (await db.resource.count());
    const events = await allEvents();
    expect(events).toHaveLength(records);
    expect(events.every((event) => event.actor.type === "system")).toBe(true);

    const again = tripline("seed", "--demo");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already");
    expect(await db.job.count()).toBe(200);

    const forced = tripline("seed", "--demo", "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(await db.job.count()).toBe(400);
    expect(await db.job.count({ where: { Name: "JOB-0400" } })).toBe(1);
  });

  it("two seeds started at once write one demo set: the other refuses", async () => {
    const [first, second] = await Promise.allSettled([seedDemoData(), seedDemoData()]);

    const outcomes = [first.status, second.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const refused = [first, second].find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toBeInstanceOf(
      DemoAlreadySeeded,
    );
    expect(await getDb().job.count()).toBe(200);
    expect(await getDb().region.count()).toBe(4);
  });

  it("bad arguments exit 2 with the usage", () => {
    for (const args of [["seed"], ["seed", "--demo", "--bogus"], ["seed", "--demo", "extra"]]) {
      const result = tripline(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: tripline");
    }
  });
});
