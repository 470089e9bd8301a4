import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as tick } from "@/app/api/worker/tick/route";
import { POST as resend } from "@/app/triggered_actions/logs/[id]/resend/route";
import { POST as recover } from "@/app/triggered_actions/logs/recover/route";
import { GET as logs } from "@/app/triggered_actions/logs/route";
import { getDb } from "@/lib/db";
import { deleteExpired } from "@/lib/delivery";

import { call, makeToken, resetDatabase } from "../helpers";
import { Receiver, reply } from "./receiver";
import { cleanDeliveries, deliveryState, enqueue, makeSource, openLoopback } from "./support";

// Set before any import loads the configuration.
vi.hoisted(() => {
  process.env.TRIPLINE_WORKER_SECRET = "tick-secret-for-the-tests";
});

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
});
