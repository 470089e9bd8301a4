import { beforeEach, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb, type Db } from "@/lib/db";
import { getDeliverySource } from "@/lib/delivery";
import {
  CronScheduler,
  dispatchOnce,
  fireDeferredOnce,
  updateWebhook,
  type WebhookView,
} from "@/lib/hooks";
import { rebuildDeferredFires } from "@/lib/hooks/deferred-fires";
import { CHANGE_CURSOR } from "@/lib/hooks/dispatcher";
import { writeRecords } from "@/lib/lens";

import { reply } from "../delivery/receiver";
import { waitUntil } from "../delivery/support";
import {
  cleanHooks,
  insertJob,
  insertRegion,
  makeWebhook,
  parseBody,
  updateJob,
  receiverAndWorkerPerFile,
} from "./support";

const isPostgres = () => getConfig().database.kind === "postgresql";

const hooks = receiverAndWorkerPerFile();

beforeEach(async () => {
  await cleanHooks();
  // Earlier files' changes are history: the dispatcher starts after them.
  const last = await getDb().changeEvent.aggregate({ _max: { seq: true } });
  await getDb().hookCursor.create({ data: { name: CHANGE_CURSOR, seq: last._max.seq ?? 0 } });
  hooks.receiver.received.length = 0;
});

/** Reads every change event so far, and lets this process learn the hooks as they are. */
async function drain(): Promise<void> {
  while ((await dispatchOnce()).events > 0);
  await new CronScheduler().runOnce();
}

const UPDATES = `subscription { schemaJobs(operation: [UPDATE]) {
  operation data { UID Description } } }`;

function updatesHook(path: string): Promise<WebhookView> {
  return makeWebhook({
    name: path,
    url: hooks.receiver.url(path),
    type: "graphql",
    query: UPDATES,
  });
}

/** The deliveries queued for one hook, whatever their state. */
const deliveriesOf = (hookId: string) => getDb().delivery.findMany({ where: { sourceId: hookId } });

/**
 * The real database, with `work` run right after the `at`-th transaction a
 * caller completes on it: a way to put a change between two reads of one
 * dispatcher pass, at every point in turn.
 */
function interleaved(
  db: Db,
  at: number,
  work: () => Promise<void>,
): { db: Db; ran: () => boolean } {
  let calls = 0;
  let done = false;
  const wrapped = new Proxy(db, {
    get(target, property, receiverObject) {
      const value: unknown = Reflect.get(target, property, receiverObject);
      if (property !== "$transaction" || typeof value !== "function") return value;

      return async (...args: unknown[]) => {
        const result: unknown = await Reflect.apply(value, target, args);
        calls += 1;
        if (calls === at) {
          done = true;
          await work();
        }

        return result;
      };
    },
  });

  return { db: wrapped, ran: () => done };
}

describe("a hook saved while changes are being dispatched", () => {
  it("sees every change committed after it, wherever in a pass it was saved", async () => {
    const region = await insertRegion("North");
    const job = await insertJob(region);
    await drain();

    // One pass of a dispatcher runs a handful of transactions (cursor,
    // events, hooks, the batch); the hook and a change land after each.
    for (let at = 1; at <= 6; at += 1) {
      await updateJob(job, `, Duration: ${60 + at}`);
      let hookId = "";
      const pass = interleaved(getDb(), at, async () => {
        hookId = (await updatesHook(`/race-${at}`)).id;
        await updateJob(job, `, Description: "Ready${at}"`);
      });
      await dispatchOnce(200, pass.db);
      if (!pass.ran()) {
        hookId = (await updatesHook(`/race-${at}`)).id;
        await updateJob(job, `, Description: "Ready${at}"`);
      }
      await drain();

      const queued = await deliveriesOf(hookId);
      expect(queued.map((row) => parseBody(row.body))).toEqual([
        {
          data: {
            schemaJobs: { operation: "UPDATE", data: { UID: job, Description: `Ready${at}` } },
          },
        },
      ]);
    }
  });

  it.runIf(isPostgres())(
    "sees a change whose transaction was still open when the hook was created",
    async () => {
      const region = await insertRegion("North");
      const job = await insertJob(region);
      await drain();

      // The change's time is taken before the hook exists; it commits after.
      let hookId = "";
      await writeRecords({ type: "system", id: "tests" }, async (writer) => {
        await writer.update("Jobs", job, { Description: "Dispatched" });
        hookId = (await updatesHook("/open")).id;
      });
      await drain();

      expect(await deliveriesOf(hookId)).toHaveLength(1);
    },
  );

  it("does not replay changes committed before it to a dispatcher that is behind", async () => {
    const region = await insertRegion("North");
    const job = await insertJob(region);
    await drain();
    await updateJob(job, `, Description: "Before"`);
    // This process reads the hooks (every pass does) before its dispatcher reads the change.
    await new CronScheduler().runOnce();
    const hook = await updatesHook("/late");
    await updateJob(job, `, Description: "After"`);
    await drain();

    const queued = await deliveriesOf(hook.id);
    expect(queued.map((row) => row.body)).toEqual([
      JSON.stringify({
        data: { schemaJobs: { operation: "UPDATE", data: { UID: job, Description: "After" } } },
      }),
    ]);
  });
});

describe("scheduled webhooks being edited", () => {
  it("follow a new cron on the next pass of a scheduler that memoised the old one", async () => {
    const hook = await makeWebhook({
      name: "Yearly",
      url: hooks.receiver.url("/yearly"),
      type: "scheduled",
      cron: "0 0 1 1 *",
    });
    const scheduler = new CronScheduler();
    expect(await scheduler.runOnce()).toBe(0);

    await updateWebhook(hook.id, { cron: "* * * * *" });
    expect(await scheduler.runOnce(new Date(Date.now() + 61_000))).toBe(1);
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });
});

describe("scheduled webhooks turned off and on", () => {
  it("resume from the moment they are back on, without sending the ticks missed while off", async () => {
    const hook = await makeWebhook({
      name: "Every minute",
      url: hooks.receiver.url("/minutely"),
      type: "scheduled",
      cron: "* * * * *",
    });
    await updateWebhook(hook.id, { enabled: false });
    // Off for an hour: sixty ticks came and went.
    await getDb().webhook.update({
      where: { id: hook.id },
      data: { lastTickAt: new Date(Date.now() - 3_600_000) },
    });

    await updateWebhook(hook.id, { enabled: true });
    const scheduler = new CronScheduler();
    expect(await scheduler.runOnce()).toBe(0);
    expect(await scheduler.runOnce(new Date(Date.now() + 61_000))).toBe(1);
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });
});

describe("graphql_deferred webhooks turned off and on", () => {
  const start = new Date(Date.now() + 3 * 3_600_000);
  const HOUR = 3_600_000;

  it("fire nothing while off and follow the records as they are once back on", async () => {
    const job = await insertJob(await insertRegion("North"), `, Start: "${start.toISOString()}"`);
    await drain();
    const hook = await makeWebhook({
      name: "Reminder",
      url: hooks.receiver.url("/reminder"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID Start } }",
      field: "Start",
      offset: -HOUR,
    });
    const fires = () => getDb().deferredFire.findMany({ where: { hookId: hook.id, uid: job } });
    expect(await fires()).toHaveLength(1);

    await updateWebhook(hook.id, { enabled: false });
    const moved = new Date(start.getTime() + 24 * HOUR);
    await updateJob(job, `, Start: "${moved.toISOString()}"`);
    await drain();
    // Its old time comes and goes: nothing is queued.
    expect(await fireDeferredOnce(100, getDb(), start)).toBe(0);
    expect(await deliveriesOf(hook.id)).toHaveLength(0);

    // PATCH enabled: true rebuilds the fire times (rebuildDeferredFires).
    await updateWebhook(hook.id, { enabled: true });
    expect((await fires()).map((fire) => fire.fireAt)).toEqual([new Date(moved.getTime() - HOUR)]);
    await getDb().deferredFire.deleteMany({ where: { hookId: hook.id, uid: { not: job } } });
    expect(await fireDeferredOnce(100, getDb(), moved)).toBe(1);
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });

  it("lose their fire times when rebuilt while off", async () => {
    await insertJob(await insertRegion("North"), `, Start: "${start.toISOString()}"`);
    const hook = await makeWebhook({
      name: "Off",
      url: hooks.receiver.url("/off"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID } }",
      field: "Start",
      offset: 0,
      enabled: false,
    });
    await getDb().$transaction((tx) => rebuildDeferredFires(tx, hook.id));

    expect(await getDb().deferredFire.count({ where: { hookId: hook.id } })).toBe(0);
  });
});

describe("hooks whose delivery source the engine turned off", () => {
  /** What the engine does after its failure window (a 410 does the same). */
  const closeSource = (id: string) =>
    getDb().deliverySource.update({
      where: { id },
      data: { enabled: false, disabledAt: new Date(), disabledReason: "failing for 72 hours" },
    });

  it("queue nothing for changes once an endpoint answered 410 Gone", async () => {
    hooks.receiver.on("/gone", reply(410));
    const hook = await updatesHook("/gone");
    const job = await insertJob(await insertRegion("North"));
    await updateJob(job, `, Description: "Ready"`);
    await drain();
    await waitUntil(async () => (await getDeliverySource(hook.id))?.enabled === false);

    await updateJob(job, `, Description: "Dispatched"`);
    await drain();
    const queued = await deliveriesOf(hook.id);
    expect(queued.map((row) => row.state)).toEqual(["error"]);
  });

  it("queue no cron tick and no deferred fire, and use them up", async () => {
    const cron = await makeWebhook({
      name: "Cron",
      url: hooks.receiver.url("/closed-cron"),
      type: "scheduled",
      cron: "* * * * *",
    });
    const due = new Date(Date.now() + 3_600_000);
    const job = await insertJob(await insertRegion("North"), `, Start: "${due.toISOString()}"`);
    await drain();
    const deferred = await makeWebhook({
      name: "Deferred",
      url: hooks.receiver.url("/closed-deferred"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID } }",
      field: "Start",
      offset: 0,
    });
    await getDb().deferredFire.deleteMany({ where: { uid: { not: job } } });
    await closeSource(cron.id);
    await closeSource(deferred.id);

    const later = new Date(due.getTime() + 1000);
    expect(await new CronScheduler().runOnce(later)).toBe(0);
    expect(await fireDeferredOnce(100, getDb(), later)).toBe(0);
    expect(await getDb().delivery.count()).toBe(0);
    expect(await getDb().deferredFire.count()).toBe(0);
    const row = await getDb().webhook.findUniqueOrThrow({ where: { id: cron.id } });
    expect(row.lastTickAt?.getTime()).toBe(Math.floor(later.getTime() / 60_000) * 60_000);
  });
});
