import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { POST as tick } from "@/app/api/worker/tick/route";
import { POST as resend } from "@/app/triggered_actions/logs/[id]/resend/route";
import { POST as recover } from "@/app/triggered_actions/logs/recover/route";
import { GET as logs } from "@/app/triggered_actions/logs/route";
import { getDb } from "@/lib/db";
import { deleteExpired, enqueueDeliveries } from "@/lib/delivery";
import { claimDue } from "@/lib/delivery/claim";
import { DeliveryWorker } from "@/lib/worker";

import { call, makeToken, resetDatabase } from "../helpers";
import { Receiver, reply } from "./receiver";
import {
  cleanDeliveries,
  deliveryState,
  enqueue,
  makeSource,
  openLoopback,
  waitUntil,
} from "./support";

// Set before any import loads the configuration.
vi.hoisted(() => {
  process.env.TRIPLINE_WORKER_SECRET = "tick-secret-for-the-tests";
});

/** The rewrites next.config.mjs gives the Next.js router. */
async function configuredRewrites(): Promise<{ source: string; destination: string }[]> {
  // By URL: the config is plain JavaScript, with no declarations to type an import.
  const url = pathToFileURL(join(process.cwd(), "next.config.mjs")).href;
  const loaded: unknown = await import(/* @vite-ignore */ url);
  const config = z
    .object({
      default: z.object({ rewrites: z.custom<() => unknown>((v) => typeof v === "function") }),
    })
    .parse(loaded);

  return z
    .array(z.object({ source: z.string(), destination: z.string() }))
    .parse(await config.default.rewrites());
}

let receiver: Receiver;

beforeAll(async () => {
  openLoopback();
  receiver = await new Receiver().start();
});

afterAll(async () => {
  await receiver.stop();
  await cleanDeliveries();
});

beforeEach(async () => {
  await cleanDeliveries();
  await resetDatabase();
});

describe("delivery API", () => {
  it("lists logs with paging and filters; viewers see header values redacted", async () => {
    const webhook = await makeSource();
    const action = await makeSource({}, { kind: "triggered_action" });
    await enqueue(webhook.id, receiver.url("/a"));
    await enqueue(action.id, receiver.url("/b"));
    const viewer = await makeToken("viewer");
    const admin = await makeToken("admin");

    const all = await call(logs, { path: "/triggered_actions/logs?limit=1", token: viewer.token });
    expect(all.status).toBe(200);
    expect(all.body.paging).toEqual({ total: 2, limit: 1, offset: 0 });
    const onlyWebhooks = await call(logs, {
      path: "/triggered_actions/logs?isWebhook=true&order=asc",
      token: admin.token,
    });
    expect(onlyWebhooks.body.result).toMatchObject([
      {
        sourceId: webhook.id,
        isWebhook: true,
        status: "pending",
        data: { url: receiver.url("/a"), headers: { "X-Api-Key": "k-1" } },
        attempts: [],
      },
    ]);
    const redacted = await call(logs, {
      path: `/triggered_actions/logs?sourceId=${action.id}`,
      token: viewer.token,
    });
    expect(redacted.body.result).toMatchObject([
      { data: { headers: { "X-Api-Key": "[redacted]" } } },
    ]);
    const future = await call(logs, {
      path: `/triggered_actions/logs?updatedFrom=${new Date(Date.now() + 60_000).toISOString()}`,
      token: viewer.token,
    });
    expect(future.body.paging).toMatchObject({ total: 0 });
    const bad = await call(logs, {
      path: "/triggered_actions/logs?limit=5000",
      token: viewer.token,
    });
    expect(bad.status).toBe(400);
  });

  it("keeps a delivery's place in the logs while a worker holds it: a claim leaves updatedAt", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/held"));
    const queuedAt = new Date(Date.now() - 60_000);
    await getDb().delivery.update({ where: { id }, data: { updatedAt: queuedAt } });

    const claimed = await claimDue({ owner: "worker-holding", limit: 10, leaseMarginMs: 60_000 });

    expect(claimed.map((row) => row.id)).toEqual([id]);
    const row = await deliveryState(id);
    expect(row).toMatchObject({ state: "processing", leaseOwner: "worker-holding" });
    expect(row.startedAt).not.toBeNull();
    expect(row.updatedAt.toISOString()).toBe(queuedAt.toISOString());
  });

  it("orders logs newest first by default, pages with offset and filters with updatedTo", async () => {
    const source = await makeSource();
    const ids: string[] = [];
    // Updated a minute apart, oldest first.
    for (const minutesAgo of [3, 2, 1]) {
      const { id } = await enqueue(source.id, receiver.url("/paged"));
      await getDb().delivery.update({
        where: { id },
        data: { updatedAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
      ids.push(id);
    }
    const [oldest, middle, newest] = ids;
    const viewer = await makeToken("viewer");
    const list = async (query: string) =>
      call(logs, { path: `/triggered_actions/logs${query}`, token: viewer.token });
    const idsOf = (body: Record<string, unknown>) =>
      z
        .array(z.object({ id: z.string() }))
        .parse(body.result)
        .map((log) => log.id);

    expect(idsOf((await list("")).body)).toEqual([newest, middle, oldest]);
    expect(idsOf((await list("?order=asc")).body)).toEqual([oldest, middle, newest]);
    const second = await list("?limit=1&offset=1");
    expect(second.body.paging).toEqual({ total: 3, limit: 1, offset: 1 });
    expect(idsOf(second.body)).toEqual([middle]);
    expect(idsOf((await list("?offset=3")).body)).toEqual([]);
    const middleTime = (await deliveryState(middle ?? "")).updatedAt.toISOString();
    const upTo = await list(`?updatedTo=${middleTime}`);
    expect(upTo.body.paging).toMatchObject({ total: 2 });
    expect(idsOf(upTo.body)).toEqual([middle, oldest]);
    const bad = await list("?updatedTo=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: "updatedTo" })]);
    expect((await list("?offset=-1")).status).toBe(400);
  });

  it("reports a cancelled delivery with §6 status error and its own state", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/cancelled"));
    await getDb().delivery.update({ where: { id }, data: { state: "cancelled" } });
    const viewer = await makeToken("viewer");

    const listed = await call(logs, { path: "/triggered_actions/logs", token: viewer.token });
    expect(listed.body.result).toMatchObject([{ id, status: "error", state: "cancelled" }]);
  });

  it("answers at /triggered-actions too, through the rewrite in next.config.mjs", async () => {
    const rewrites = await configuredRewrites();
    const { getPathMatch } = await import("next/dist/shared/lib/router/utils/path-match");
    const { prepareDestination } =
      await import("next/dist/shared/lib/router/utils/prepare-destination");
    // Resolves a path the way the Next.js router does with these rewrites.
    const rewrite = (path: string) => {
      for (const rule of rewrites) {
        const params = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true })(path);
        if (params) {
          return prepareDestination({
            appendParamsToQuery: false,
            destination: rule.destination,
            params,
            query: {},
          }).newUrl;
        }
      }

      return path;
    };
    expect(rewrite("/triggered-actions")).toBe("/triggered_actions");
    expect(rewrite("/triggered-actions/logs")).toBe("/triggered_actions/logs");
    expect(rewrite("/triggered-actions/logs/abc/resend")).toBe(
      "/triggered_actions/logs/abc/resend",
    );
    expect(rewrite("/webhooks")).toBe("/webhooks");

    const source = await makeSource({}, { kind: "triggered_action" });
    await enqueue(source.id, receiver.url("/alias"));
    const viewer = await makeToken("viewer");
    const listed = await call(logs, {
      path: `${rewrite("/triggered-actions/logs")}?isWebhook=false`,
      token: viewer.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.result).toMatchObject([{ sourceId: source.id, isWebhook: false }]);
  });

  it("resends a delivery now and does not reschedule a failed resend", async () => {
    receiver.on("/resend", reply(500));
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/resend"));
    await getDb().delivery.update({ where: { id }, data: { state: "error" } });
    const admin = await makeToken("admin");

    const sent = await call(resend, { method: "POST", token: admin.token, params: { id } });
    expect(sent.status).toBe(200);
    expect(sent.body.result).toMatchObject({ deliveryId: id, statusCode: 500, state: "error" });
    expect((await deliveryState(id)).state).toBe("error");
    const missing = await call(resend, {
      method: "POST",
      token: admin.token,
      params: { id: crypto.randomUUID() },
    });
    expect(missing.status).toBe(404);
  });

  it("recovers every failed delivery of a hook since a time", async () => {
    const source = await makeSource();
    const other = await makeSource();
    const ids = await Promise.all([
      enqueue(source.id, receiver.url("/r")),
      enqueue(source.id, receiver.url("/r")),
      enqueue(other.id, receiver.url("/r")),
    ]);
    await getDb().delivery.updateMany({ data: { state: "error", completedAt: new Date() } });
    const admin = await makeToken("admin");

    const result = await call(recover, {
      token: admin.token,
      json: { sourceId: source.id, since: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(result.body).toEqual({ result: { count: 2 } });
    expect((await deliveryState(ids[0]?.id ?? "")).state).toBe("pending");
    expect((await deliveryState(ids[2]?.id ?? "")).state).toBe("error");
  });

  it("refuses to recover a disabled hook, naming it and its reason, and re-queues nothing", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/r"));
    await getDb().delivery.update({
      where: { id },
      data: { state: "error", completedAt: new Date() },
    });
    await getDb().deliverySource.update({
      where: { id: source.id },
      data: { enabled: false, disabledReason: "endpoint answered 410 Gone" },
    });
    const admin = await makeToken("admin");

    const refused = await call(recover, {
      token: admin.token,
      json: { sourceId: source.id, since: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errorType: "bad_request" });
    expect(refused.body.message).toBe(
      `hook ${source.id} is disabled (endpoint answered 410 Gone): ` +
        "enable it before recovering its deliveries",
    );
    expect((await deliveryState(id)).state).toBe("error");
  });

  it("tick processes one batch for a caller with the worker secret only", async () => {
    const source = await makeSource();
    await enqueue(source.id, receiver.url("/tick"));
    const refused = await call(tick, { method: "POST", headers: { authorization: "Bearer nope" } });
    expect(refused.status).toBe(401);
    const done = await call(tick, {
      method: "POST",
      headers: { authorization: "Bearer tick-secret-for-the-tests" },
    });
    expect(done.status).toBe(200);
    expect(done.body.result).toMatchObject({ claimed: 1, succeeded: 1, retrying: 0, failed: 0 });
    expect(receiver.at("/tick")).toHaveLength(1);
  });

  it("retention removes finished deliveries past the age with their attempts, nothing else", async () => {
    const source = await makeSource();
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    const [old, fresh, pending, processing] = await Promise.all(
      ["/old", "/new", "/pending", "/processing"].map((path) =>
        enqueue(source.id, receiver.url(path)),
      ),
    );
    if (!old || !fresh || !pending || !processing) throw new Error("enqueue failed");
    await getDb().delivery.update({
      where: { id: old.id },
      data: { state: "success", completedAt: longAgo },
    });
    await getDb().delivery.update({
      where: { id: processing.id },
      data: { state: "processing", attempts: 2, leaseUntilMs: BigInt(Date.now() + 60_000) },
    });
    // Every delivery has an attempt past the age; only the finished one's may go.
    for (const { id } of [old, pending, processing]) {
      await getDb().deliveryAttempt.create({
        data: { deliveryId: id, number: 1, attemptedAt: longAgo, durationMs: 1 },
      });
    }

    const removed = await deleteExpired(30 * 86_400_000);
    expect(removed).toEqual({ deliveries: 1 });
    expect(await getDb().delivery.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await getDb().deliveryAttempt.count({ where: { deliveryId: old.id } })).toBe(0);
    expect(await getDb().delivery.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect((await deliveryState(pending.id)).attemptRows).toHaveLength(1);
    expect((await deliveryState(processing.id)).attemptRows).toHaveLength(1);
  });

  it("retention takes a large backlog in batches with a pause between, and the worker runs it on its timer", async () => {
    const source = await makeSource();
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    const ageOut = async (count: number) => {
      await enqueueDeliveries(
        Array.from({ length: count }, (_, n) => ({
          sourceId: source.id,
          url: receiver.url("/aged"),
          body: JSON.stringify({ n }),
          startAfter: new Date(Date.now() + 86_400_000),
        })),
      );
      await getDb().delivery.updateMany({
        where: { sourceId: source.id },
        data: { state: "error", completedAt: longAgo },
      });
    };
    const left = () => getDb().delivery.count({ where: { sourceId: source.id } });

    await ageOut(1203);
    let pauses = 0;
    const removed = await deleteExpired(30 * 86_400_000, new Date(), () => {
      pauses += 1;

      return Promise.resolve();
    });
    expect(removed).toEqual({ deliveries: 1203 });
    expect(pauses).toBe(2);
    expect(await left()).toBe(0);

    await ageOut(10);
    const worker = new DeliveryWorker({
      concurrency: 10,
      batchSize: 10,
      pollMs: 60_000,
      retentionMs: 30 * 86_400_000,
      retentionEveryMs: 50,
    });
    worker.start();
    try {
      await waitUntil(async () => (await left()) === 0, 10_000);
    } finally {
      await worker.stop();
    }
  });
});
