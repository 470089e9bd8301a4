import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import {
  CronScheduler,
  dispatchOnce,
  fireDeferredOnce,
  setVariable,
  startHooksLoop,
} from "@/lib/hooks";
import { CHANGE_CURSOR } from "@/lib/hooks/dispatcher";

import {
  cleanHooks,
  deleteJob,
  insertJob,
  insertRegion,
  makeWebhook,
  matching,
  updateJob,
  receiverAndWorkerPerFile,
} from "./support";

const hooks = receiverAndWorkerPerFile();

/**
 * Earlier files' changes are history: the dispatcher starts after them, as
 * a live one would, so a test's own changes are in its first batch.
 */
async function startAtLatestEvent(): Promise<void> {
  const last = await getDb().changeEvent.aggregate({ _max: { seq: true } });
  await getDb().hookCursor.create({ data: { name: CHANGE_CURSOR, seq: last._max.seq ?? 0 } });
}

beforeEach(async () => {
  await cleanHooks();
  await startAtLatestEvent();
  hooks.receiver.received.length = 0;
});

const deliveries = () => getDb().delivery.count();

/** Reads every change event so far, so a hook created next starts clean. */
async function drain(): Promise<void> {
  while ((await dispatchOnce()).events > 0);
}

const JOB_QUERY = `subscription { schemaJobs(operation: [INSERT, UPDATE, DELETE]) {
  operation timestamp data { UID Name JobStatus Region { Name } } previous { JobStatus } } }`;

describe("graphql webhooks", () => {
  it("fire with the subscription's result, the configured headers and the signature", async () => {
    await setVariable({ name: "TOKEN", value: "t-1" });
    const hook = await makeWebhook({
      name: "Jobs",
      url: hooks.receiver.url("/jobs"),
      type: "graphql",
      query: JOB_QUERY,
      headers: { Authorization: "Bearer {{ TOKEN }}" },
    });
    const region = await insertRegion("North");
    const job = await insertJob(region);
    await updateJob(job, `, JobStatus: "Dispatched"`);
    await dispatchOnce();
    await hooks.receiver.waitFor(2, "/jobs");

    // Deliveries are sent concurrently: arrival order is not commit order.
    const byOperation = (operation: string) =>
      hooks.receiver
        .at("/jobs")
        .find((request) => request.body.includes(`"operation":"${operation}"`));
    const insert = byOperation("INSERT");
    const update = byOperation("UPDATE");
    expect(JSON.parse(insert?.body ?? "")).toMatchObject({
      data: {
        schemaJobs: {
          operation: "INSERT",
          timestamp: matching(/Z$/),
          data: { UID: job, JobStatus: "Queued", Region: { Name: "North" } },
          previous: null,
        },
      },
    });
    expect(JSON.parse(update?.body ?? "")).toMatchObject({
      data: {
        schemaJobs: {
          operation: "UPDATE",
          data: { JobStatus: "Dispatched" },
          previous: { JobStatus: "Queued" },
        },
      },
    });
    expect(update?.headers).toMatchObject({
      authorization: "Bearer t-1",
      "skedulo-webhook-id": hook.id,
      "content-type": "application/json",
      "webhook-signature": matching(/^v1,/),
    });
  });

  it("fills {{ NAME }} at send time: a rotated value reaches a pending retry", async () => {
    await setVariable({ name: "TOKEN", value: "old" });
    await makeWebhook({
      name: "Rotating",
      url: hooks.receiver.url("/rotating"),
      type: "graphql",
      query: "subscription { schemaJobs(operation: [INSERT]) { data { UID } } }",
      headers: { Authorization: "Bearer {{ TOKEN }}" },
    });
    let calls = 0;
    hooks.receiver.on("/rotating", (_, response) => {
      calls += 1;
      if (calls > 1) return void response.end("ok");
      // The value changes while the first attempt is still waiting for its answer.
      void setVariable({ name: "TOKEN", value: "new" }).then(() =>
        response.writeHead(503, { "retry-after": "1000" }).end(),
      );
    });
    await insertJob(await insertRegion("North"));
    await dispatchOnce();
    await hooks.receiver.waitFor(2, "/rotating");

    expect(hooks.receiver.at("/rotating").map((call) => call.headers.authorization)).toEqual([
      "Bearer old",
      "Bearer new",
    ]);
    // The queue keeps the reference, never the secret.
    const row = await getDb().delivery.findFirstOrThrow({
      where: { url: hooks.receiver.url("/rotating") },
    });
    expect(row.headers).toContain("{{ TOKEN }}");
  });

  it("does not fire for an UPDATE touching only fields not selected under data", async () => {
    await makeWebhook({
      name: "Status only",
      url: hooks.receiver.url("/status"),
      type: "graphql",
      query: "subscription { schemaJobs(operation: [UPDATE]) { data { UID JobStatus } } }",
    });
    const job = await insertJob(await insertRegion("North"));
    await updateJob(job, `, Description: "only this"`);
    await dispatchOnce();
    expect(await deliveries()).toBe(0);

    await getDb().deferredFire.deleteMany({ where: { uid: { not: job } } });
    await updateJob(job, `, JobStatus: "Ready"`);
    await dispatchOnce();
    expect(await deliveries()).toBe(1);
  });

  it("applies filters, including lookups, on current values", async () => {
    const north = await insertRegion("North");
    const south = await insertRegion("South");
    await makeWebhook({
      name: "North dispatched",
      url: hooks.receiver.url("/north"),
      type: "graphql",
      query: `subscription { schemaJobs(filter: "Region.Name == 'North' AND JobStatus == 'Dispatched'") { data { UID JobStatus } } }`,
    });
    const a = await insertJob(north);
    const b = await insertJob(south);
    await updateJob(a, `, JobStatus: "Dispatched"`);
    await updateJob(b, `, JobStatus: "Dispatched"`);
    await dispatchOnce();
    await hooks.receiver.waitFor(1, "/north");
    const rows = await getDb().delivery.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.body ?? "")).toEqual({
      data: { schemaJobs: { data: { UID: a, JobStatus: "Dispatched" } } },
    });
  });

  it("sends DELETE with the deleted values in data and previous, filtered on previous", async () => {
    const job = await insertJob(await insertRegion("North"), `, Description: "gone"`);
    await makeWebhook({
      name: "Deleted",
      url: hooks.receiver.url("/deleted"),
      type: "graphql",
      query: `subscription { schemaJobs(operation: [DELETE], filter: "Description == 'gone'") {
        operation data { UID Description } previous { UID Description } } }`,
    });
    await deleteJob(job);
    await dispatchOnce();
    await hooks.receiver.waitFor(1, "/deleted");
    expect(JSON.parse(hooks.receiver.at("/deleted")[0]?.body ?? "")).toEqual({
      data: {
        schemaJobs: {
          operation: "DELETE",
          data: { UID: job, Description: "gone" },
          previous: { UID: job, Description: "gone" },
        },
      },
    });
  });

  it("sends each (event, webhook) once across dispatcher restarts and concurrent dispatchers", async () => {
    await drain();
    await makeWebhook({
      name: "All",
      url: hooks.receiver.url("/all"),
      type: "graphql",
      query: JOB_QUERY,
    });
    const region = await insertRegion("North");
    for (let i = 0; i < 5; i += 1) await insertJob(region);

    // A "crashed" dispatcher that read but never committed leaves the cursor
    // where it was; its successor reads the same events and sends them once.
    await Promise.all([dispatchOnce(2), dispatchOnce(2), dispatchOnce(3)]);
    await drain();
    await drain();
    expect(await deliveries()).toBe(5);

    const loops = [startHooksLoop({ pollMs: 20 }), startHooksLoop({ pollMs: 20 })];
    try {
      for (let i = 0; i < 5; i += 1) await insertJob(region);
      await Promise.all(loops.map((loop) => loop.settle()));
      await Promise.all(loops.map((loop) => loop.settle()));
    } finally {
      await Promise.all(loops.map((loop) => loop.stop()));
    }
    expect(await deliveries()).toBe(10);
    const keys = await getDb().delivery.findMany({ select: { idempotencyKey: true } });
    expect(new Set(keys.map((row) => row.idempotencyKey)).size).toBe(10);
  });
});

describe("graphql_deferred webhooks", () => {
  const start = new Date(Date.now() + 3 * 3_600_000);

  async function deferredHook(filter?: string) {
    return makeWebhook({
      name: "Reminder",
      url: hooks.receiver.url("/reminder"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID JobStatus Start Region { Name } } }",
      field: "Start",
      offset: -3_600_000,
      ...(filter ? { filter } : {}),
    });
  }

  const fires = () => getDb().deferredFire.findMany();
  /** Saving a hook stores fire times for earlier tests' jobs too; these tests watch their own. */
  const forgetOlderRecords = () => getDb().deferredFire.deleteMany();

  it("stores field + offset, fires once at that time with the record read then", async () => {
    const job = await insertJob(await insertRegion("North"), `, Start: "${start.toISOString()}"`);
    await deferredHook();
    expect((await fires()).find((fire) => fire.uid === job)?.fireAt.toISOString()).toBe(
      new Date(start.getTime() - 3_600_000).toISOString(),
    );
    await getDb().deferredFire.deleteMany({ where: { uid: { not: job } } });
    await updateJob(job, `, JobStatus: "Ready"`);
    await dispatchOnce();

    expect(await fireDeferredOnce(100, getDb(), new Date())).toBe(0);
    const later = new Date(start.getTime());
    expect(await fireDeferredOnce(100, getDb(), later)).toBe(1);
    expect(await fireDeferredOnce(100, getDb(), later)).toBe(0);
    await hooks.receiver.waitFor(1, "/reminder");
    expect(JSON.parse(hooks.receiver.at("/reminder")[0]?.body ?? "")).toEqual({
      data: {
        jobs: {
          UID: job,
          JobStatus: "Ready",
          Start: start.toISOString(),
          Region: { Name: "North" },
        },
      },
    });
  });

  it("three schedulers firing the same due times at once send each fire exactly once", async () => {
    await deferredHook();
    await forgetOlderRecords();
    const region = await insertRegion("North");
    const jobs: string[] = [];
    for (let n = 0; n < 12; n++)
      jobs.push(await insertJob(region, `, Start: "${start.toISOString()}"`));
    await dispatchOnce();
    expect(await fires()).toHaveLength(12);

    const later = new Date(start.getTime());
    const fired = await Promise.all([1, 2, 3].map(() => fireDeferredOnce(100, getDb(), later)));

    expect(fired.reduce((sum, count) => sum + count, 0)).toBe(12);
    expect(await fires()).toHaveLength(0);
    const keys = await getDb().delivery.findMany({
      where: { idempotencyKey: { startsWith: "df:" } },
      select: { idempotencyKey: true },
    });
    const ours = keys.filter((row) => jobs.some((uid) => row.idempotencyKey?.includes(uid)));
    expect(ours).toHaveLength(12);
  });

  it("reschedules when the field changes and drops when it is cleared or the record deleted", async () => {
    await deferredHook();
    await forgetOlderRecords();
    const region = await insertRegion("North");
    const a = await insertJob(region, `, Start: "${start.toISOString()}"`);
    const b = await insertJob(region, `, Start: "${start.toISOString()}"`);
    await dispatchOnce();
    expect(await fires()).toHaveLength(2);

    const moved = new Date(start.getTime() + 86_400_000);
    await updateJob(a, `, Start: "${moved.toISOString()}"`);
    await updateJob(b, `, Start: null`);
    await dispatchOnce();
    const [only] = await fires();
    expect(await fires()).toHaveLength(1);
    expect(only).toMatchObject({ uid: a, fireAt: new Date(moved.getTime() - 3_600_000) });

    await deleteJob(a);
    await dispatchOnce();
    expect(await fires()).toHaveLength(0);
  });

  it("re-checks the filter at fire time", async () => {
    await deferredHook("JobStatus != 'Cancelled'");
    await forgetOlderRecords();
    const job = await insertJob(await insertRegion("North"), `, Start: "${start.toISOString()}"`);
    await dispatchOnce();
    await updateJob(job, `, JobStatus: "Cancelled"`);
    expect(await fireDeferredOnce(100, getDb(), start)).toBe(0);
    expect(await fires()).toHaveLength(0);
  });
});

describe("scheduled webhooks", () => {
  it("fire once per tick with {} however many schedulers run, and once after downtime", async () => {
    const hook = await makeWebhook({
      name: "Every minute",
      url: hooks.receiver.url("/cron"),
      type: "scheduled",
      cron: "* * * * *",
    });
    const created = new Date(Date.now() + 60_000);
    const at = new Date(Math.floor(created.getTime() / 60_000) * 60_000 + 5_000);
    const schedulers = [new CronScheduler(), new CronScheduler(), new CronScheduler()];
    const fired = await Promise.all(schedulers.map((scheduler) => scheduler.runOnce(at)));
    expect(fired.reduce((sum, n) => sum + n, 0)).toBe(1);

    // Ten minutes down: the missed ticks fire once, not ten times.
    const afterDowntime = new Date(at.getTime() + 10 * 60_000);
    const restarted = [new CronScheduler(), new CronScheduler()];
    const again = await Promise.all(restarted.map((scheduler) => scheduler.runOnce(afterDowntime)));
    expect(again.reduce((sum, n) => sum + n, 0)).toBe(1);

    await hooks.receiver.waitFor(2, "/cron");
    expect(hooks.receiver.at("/cron").map((request) => request.body)).toEqual(["{}", "{}"]);
    expect(hooks.receiver.at("/cron")[0]?.headers["skedulo-webhook-id"]).toBe(hook.id);
    const keys = await getDb().delivery.findMany({ select: { idempotencyKey: true } });
    expect(keys.map((row) => row.idempotencyKey).sort()).toEqual([
      `cron:${hook.id}:${new Date(at.getTime() - 5_000).toISOString()}`,
      `cron:${hook.id}:${new Date(afterDowntime.getTime() - 5_000).toISOString()}`,
    ]);
  });
});
