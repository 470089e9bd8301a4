import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { PATCH as patch } from "@/app/webhooks/[id]/route";
import { POST as create } from "@/app/webhooks/route";
import { getDb } from "@/lib/db";
import { configureDelivery } from "@/lib/delivery";

import { call, makeToken, resetDatabase } from "../helpers";
import { cleanHooks, insertJob, insertRegion, openLoopback, updateJob } from "./support";

const HOUR_MS = 3_600_000;

let admin: string;

beforeAll(() => openLoopback());

afterAll(async () => {
  await cleanHooks();
  configureDelivery({});
});

beforeEach(async () => {
  await cleanHooks();
  await resetDatabase();
  admin = (await makeToken("admin")).token;
});

const setEnabled = (id: string, enabled: boolean) =>
  call(patch, { method: "PATCH", token: admin, params: { id }, json: { enabled } });

/** Other test files leave jobs behind in the shared database: only these count. */
async function fireTimes(hookId: string, uids: string[]): Promise<Record<string, string>> {
  const rows = await getDb().deferredFire.findMany({ where: { hookId, uid: { in: uids } } });

  return Object.fromEntries(rows.map((row) => [row.uid, row.fireAt.toISOString()]));
}

describe("turning a deferred webhook back on", () => {
  it("recomputes its fire times from the records as they are now", async () => {
    const region = await insertRegion("North");
    const start = new Date(Date.now() + 2 * HOUR_MS);
    const moved = await insertJob(region, `, Start: "${start.toISOString()}"`);
    const created = await call(create, {
      token: admin,
      json: {
        name: "Reminder",
        url: "http://127.0.0.1:9/reminder",
        type: "graphql_deferred",
        query: "subscription { jobs { UID Start } }",
        field: "Start",
        offset: -HOUR_MS,
      },
    });
    const { id } = created.body.result as { id: string };
    expect(await fireTimes(id, [moved])).toEqual({
      [moved]: new Date(start.getTime() - HOUR_MS).toISOString(),
    });

    // While the hook is off, no dispatcher follows its records.
    expect((await setEnabled(id, false)).status).toBe(200);
    const later = new Date(start.getTime() + 3 * HOUR_MS);
    await updateJob(moved, `, Start: "${later.toISOString()}"`);
    const added = await insertJob(region, `, Start: "${start.toISOString()}"`);

    expect((await setEnabled(id, true)).status).toBe(200);
    expect(await fireTimes(id, [moved, added])).toEqual({
      [moved]: new Date(later.getTime() - HOUR_MS).toISOString(),
      [added]: new Date(start.getTime() - HOUR_MS).toISOString(),
    });
  });
});
