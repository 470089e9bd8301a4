import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { getSigningSecret, recoverDeliveries, rotateSecret, testFire } from "@/lib/delivery";
import { retryDelayMs } from "@/lib/delivery/retry";
import { DeliveryWorker } from "@/lib/worker";

import { Receiver, reply } from "./receiver";
import {
  cleanDeliveries,
  deliveryState,
  enqueue,
  makeSource,
  openLoopback,
  RETRY_SCALE,
  waitUntil,
} from "./support";

let receiver: Receiver;
let worker: DeliveryWorker;

beforeAll(async () => {
  openLoopback();
  receiver = await new Receiver().start();
  worker = new DeliveryWorker({
    concurrency: 100,
    batchSize: 50,
    pollMs: 50,
    retentionMs: 30 * 86_400_000,
  });
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await receiver.stop();
  await cleanDeliveries();
});

beforeEach(cleanDeliveries);

function headersOf(request: { headers: Record<string, unknown> } | undefined) {
  return Object.fromEntries(
    Object.entries(request?.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
}

const finished = (id: string) => async () =>
  ["success", "error", "cancelled"].includes((await deliveryState(id)).state);

describe("delivery engine", () => {
  it("delivers a payload once with every §6 header and a signature standardwebhooks accepts", async () => {
    const source = await makeSource();
    const { id, requestId } = await enqueue(source.id, receiver.url("/ok"), { hello: "world" });
    await waitUntil(finished(id));

    const delivery = await deliveryState(id);
    expect(delivery.state).toBe("success");
    expect(delivery.attemptRows).toHaveLength(1);
    expect(delivery.attemptRows[0]).toMatchObject({ number: 1, statusCode: 200, error: null });
    const [request] = receiver.at("/ok");
    expect(receiver.at("/ok")).toHaveLength(1);
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "skedulo-webhook-id": source.id,
      "skedulo-request-id": requestId,
      "webhook-id": requestId,
      "x-api-key": "k-1",
    });
    expect(request?.headers["user-agent"]).toMatch(/^Tripline\//);
    const secret = await getSigningSecret(source.id);
    const headers = Object.fromEntries(
      Object.entries(request?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    expect(new Webhook(secret).verify(request?.body ?? "", headers)).toEqual({ hello: "world" });
  });

  it("sends Skedulo-Triggeredactionid for triggered actions", async () => {
    const source = await makeSource({}, { kind: "triggered_action" });
    const { id } = await enqueue(source.id, receiver.url("/ta"));
    await waitUntil(finished(id));
    expect(receiver.at("/ta")[0]?.headers["skedulo-triggeredactionid"]).toBe(source.id);
  });

  it("retries after a 500 with the same webhook-id and succeeds", async () => {
    let calls = 0;
    receiver.on("/flaky", (_, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 500 : 200).end();
    });
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/flaky"));
    await waitUntil(finished(id));

    const delivery = await deliveryState(id);
    expect(delivery.state).toBe("success");
    expect(delivery.attemptRows.map((a) => a.statusCode)).toEqual([500, 200]);
    const ids = receiver.at("/flaky").map((r) => r.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.at("/flaky").map((r) => r.headers["tripline-attempt"])).toEqual(["1", "2"]);
  });

  it("honours Retry-After over a shorter scheduled wait", async () => {
    let calls = 0;
    receiver.on("/later", (_, res) => {
      calls += 1;
      // 300 s, compressed like every wait in these tests to 300 ms.
      res.writeHead(calls === 1 ? 503 : 200, calls === 1 ? { "retry-after": "300" } : {}).end();
    });
    const source = await makeSource();
    const { id } = await enqueue(source.id, receiver.url("/later"));
    await waitUntil(finished(id));

    const [first, second] = receiver.at("/later");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect((await deliveryState(id)).state).toBe("success");
  });

  it("times out a silent endpoint and waits at least 60 s (compressed) before retrying", async () => {
    let calls = 0;
    receiver.on("/slow", (_, res) => {
      calls += 1;
      if (calls === 1) setTimeout(() => res.writeHead(200).end(), 1500);
      else res.writeHead(200).end();
    });
    const source = await makeSource({ timeoutSeconds: 1 });
    const { id } = await enqueue(source.id, receiver.url("/slow"));
    await waitUntil(finished(id));

    const delivery = await deliveryState(id);
    expect(delivery.state).toBe("success");
    expect(delivery.attemptRows[0]?.error).toMatch(/no answer within 1000 ms/);
    expect(delivery.attemptRows[0]?.durationMs).toBeLessThan(1400);
    const gap =
      (delivery.attemptRows[1]?.attemptedAt.getTime() ?? 0) -
      (delivery.attemptRows[0]?.attemptedAt.getTime() ?? 0);
    expect(gap).toBeGreaterThanOrEqual(1000 + 60);
  });

  it("a 429 without Retry-After waits at least 60 s (compressed) before the next attempt", async () => {
    let calls = 0;
    receiver.on("/busy", (_, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 429 : 200).end();
    });
    const source = await makeSource({ delaysSeconds: [5] });
    // The longest the schedule alone would wait (5 s with the most jitter) is under the floor.
    const scheduled = retryDelayMs({
      attempt: 1,
      delaysSeconds: source.retryPolicy.delaysSeconds,
      retryAfterMs: null,
      overloaded: false,
      scale: RETRY_SCALE,
      random: () => 1,
    });
    expect(scheduled).toBeLessThan(60_000 * RETRY_SCALE);
    const { id } = await enqueue(source.id, receiver.url("/busy"));
    await waitUntil(finished(id));

    const delivery = await deliveryState(id);
    expect(delivery.state).toBe("success");
    expect(delivery.attemptRows.map((a) => a.statusCode)).toEqual([429, 200]);
    const gap =
      (delivery.attemptRows[1]?.attemptedAt.getTime() ?? 0) -
      (delivery.attemptRows[0]?.attemptedAt.getTime() ?? 0);
    expect(gap).toBeGreaterThanOrEqual(60_000 * RETRY_SCALE);
  });

  it("stops on 410 Gone, disables the source with the reason and cancels its queue", async () => {
    receiver.on("/gone", reply(410));
    const source = await makeSource({}, { concurrency: 1 });
    // The cap of 1 holds the second back until the first has answered.
    const [first, second] = await Promise.all([
      enqueue(source.id, receiver.url("/gone")),
      enqueue(source.id, receiver.url("/gone")),
    ]);
    if (!first || !second) throw new Error("enqueue failed");
    await waitUntil(finished(first.id));
    await waitUntil(finished(second.id));

    // Both were due at the same millisecond: either may be the one sent.
    const sent = receiver.at("/gone")[0]?.headers["webhook-id"];
    const [tried, held] = sent === first.requestId ? [first, second] : [second, first];
    expect((await deliveryState(tried.id)).state).toBe("error");
    expect((await deliveryState(held.id)).state).toBe("cancelled");
    const row = await getDb().deliverySource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "endpoint answered 410 Gone" });
    expect(receiver.at("/gone")).toHaveLength(1);
  });

  it("after a 410, an attempt still in flight is recorded and then cancelled, not retried", async () => {
    receiver.on("/gone-now", reply(410));
    receiver.on("/fails-late", (_, res) => setTimeout(() => res.writeHead(500).end(), 400));
    const source = await makeSource({}, { concurrency: 2 });
    const { enqueueDelivery } = await import("@/lib/delivery");
    const at = (msAgo: number) => new Date(Date.now() - msAgo);
    // In due order: the slow one and the 410 fill the cap of 2; the third waits.
    const slow = await enqueueDelivery({
      sourceId: source.id,
      url: receiver.url("/fails-late"),
      body: "{}",
      startAfter: at(30),
    });
    const gone = await enqueueDelivery({
      sourceId: source.id,
      url: receiver.url("/gone-now"),
      body: "{}",
      startAfter: at(20),
    });
    const queued = await enqueueDelivery({
      sourceId: source.id,
      url: receiver.url("/fails-late"),
      body: "{}",
      startAfter: at(10),
    });
    for (const { id } of [slow, gone, queued]) await waitUntil(finished(id));

    expect((await deliveryState(gone.id)).state).toBe("error");
    const inFlight = await deliveryState(slow.id);
    expect(inFlight.state).toBe("cancelled");
    expect(inFlight.attemptRows.map((attempt) => attempt.statusCode)).toEqual([500]);
    expect((await deliveryState(queued.id)).state).toBe("cancelled");
    const row = await getDb().deliverySource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "endpoint answered 410 Gone" });
    expect(receiver.at("/gone-now")).toHaveLength(1);
  });

  it("marks a delivery error after its last attempt, and not before", async () => {
    receiver.on("/down", reply(500, {}, "x".repeat(30_000)));
    const source = await makeSource({ maxAttempts: 3, delaysSeconds: [1, 2] });
    const { id } = await enqueue(source.id, receiver.url("/down"));
    await waitUntil(finished(id));

    const delivery = await deliveryState(id);
    expect(delivery.state).toBe("error");
    expect(delivery.attemptRows.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(delivery.attemptRows[0]?.responseBody).toHaveLength(20 * 1024);
    const source2 = await getDb().deliverySource.findUniqueOrThrow({ where: { id: source.id } });
    expect(source2.failingSince).not.toBeNull();
    expect(source2.enabled).toBe(true);
  });

  it("recover re-queues a delivery that failed since the given time, and not one that failed before", async () => {
    let down = true;
    receiver.on("/recover", (_, res) => res.writeHead(down ? 500 : 200).end());
    const source = await makeSource({ maxAttempts: 1 });
    const early = await enqueue(source.id, receiver.url("/recover"));
    await waitUntil(finished(early.id));
    const earlyFailed = await deliveryState(early.id);
    expect(earlyFailed.state).toBe("error");
    expect(earlyFailed.completedAt).not.toBeNull();
    // One millisecond after the early failure was completed, before the late one.
    const since = new Date((earlyFailed.completedAt?.getTime() ?? 0) + 1);
    const late = await enqueue(source.id, receiver.url("/recover"));
    await waitUntil(finished(late.id));
    expect((await deliveryState(late.id)).state).toBe("error");

    down = false;
    expect(await recoverDeliveries(source.id, since)).toBe(1);
    await waitUntil(finished(late.id));

    const recovered = await deliveryState(late.id);
    expect(recovered.state).toBe("success");
    expect(recovered.attemptRows.map((a) => a.statusCode)).toEqual([500, 200]);
    const untouched = await deliveryState(early.id);
    expect(untouched.state).toBe("error");
    expect(untouched.attemptRows.map((a) => a.statusCode)).toEqual([500]);
    expect(receiver.at("/recover")).toHaveLength(3);
  });

  it("disables a source that has failed for longer than the window without a success", async () => {
    receiver.on("/broken", reply(500));
    const source = await makeSource({ maxAttempts: 2 });
    await getDb().deliverySource.update({
      where: { id: source.id },
      data: { failingSince: new Date(Date.now() - 6 * 86_400_000) },
    });
    const { id } = await enqueue(source.id, receiver.url("/broken"));
    await waitUntil(finished(id));

    const row = await getDb().deliverySource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/no successful delivery for 14\d hours/);
  });

  it("does not let a slow endpoint delay a healthy one", async () => {
    receiver.on("/stuck", (_, res) => setTimeout(() => res.writeHead(200).end(), 2000));
    const slow = await makeSource({}, { concurrency: 3 });
    const fast = await makeSource();
    await Promise.all(Array.from({ length: 30 }, () => enqueue(slow.id, receiver.url("/stuck"))));
    const started = Date.now();
    const fastOnes = await Promise.all(
      Array.from({ length: 20 }, () => enqueue(fast.id, receiver.url("/fast"))),
    );
    await receiver.waitFor(20, "/fast", 1500);
    expect(Date.now() - started).toBeLessThan(1500);
    // The per-hook cap holds: at most 3 of the slow hook's calls were in flight.
    expect(receiver.at("/stuck").length).toBeLessThanOrEqual(3);
    await waitUntil(async () => (await deliveryState(fastOnes[19]?.id ?? "")).state === "success");
    await getDb().delivery.updateMany({
      where: { sourceId: slow.id },
      data: { state: "cancelled" },
    });
  });

  it("signs with the old and the new secret during a rotation; both verify", async () => {
    const source = await makeSource();
    const old = await getSigningSecret(source.id);
    const fresh = await rotateSecret(source.id);
    const { id } = await enqueue(source.id, receiver.url("/rotated"), { r: 1 });
    await waitUntil(finished(id));

    const request = receiver.at("/rotated")[0];
    const headers = Object.fromEntries(
      Object.entries(request?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(old).verify(request?.body ?? "", headers)).toEqual({ r: 1 });
    expect(new Webhook(fresh).verify(request?.body ?? "", headers)).toEqual({ r: 1 });

    // A hook rotated just over 24 h ago: its old secret's overlap has ended.
    const stale = await makeSource();
    const staleOld = await getSigningSecret(stale.id);
    const staleNew = await rotateSecret(stale.id, new Date(Date.now() - 86_400_000 - 1000));
    const later = await testFire(stale.id, { url: receiver.url("/rotated") });
    expect(later.statusCode).toBe(200);
    const after = receiver.at("/rotated")[1];
    const afterHeaders = Object.fromEntries(
      Object.entries(after?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    expect(afterHeaders["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(() => new Webhook(staleOld).verify(after?.body ?? "", afterHeaders)).toThrow();
    expect(new Webhook(staleNew).verify(after?.body ?? "", afterHeaders)).toMatchObject({
      type: "test",
    });
  });

  it("keeps every secret signing through its own 24 h when a hook is rotated twice", async () => {
    const hour = 3_600_000;
    const source = await makeSource();
    const first = await getSigningSecret(source.id);
    // Rotated 23 hours ago, and again 12 hours ago: both old secrets are inside their overlap.
    const second = await rotateSecret(source.id, new Date(Date.now() - 23 * hour));
    const third = await rotateSecret(source.id, new Date(Date.now() - 12 * hour));
    const report = await testFire(source.id, { url: receiver.url("/twice") }, { t: 2 });
    expect(report.statusCode).toBe(200);

    const headers = headersOf(receiver.at("/twice")[0]);
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(3);
    for (const secret of [first, second, third]) {
      expect(new Webhook(secret).verify(receiver.at("/twice")[0]?.body ?? "", headers)).toEqual({
        t: 2,
      });
    }

    // A third rotation 25 hours after the first: the first secret stops, the others go on.
    const fourth = await rotateSecret(source.id, new Date(Date.now() + 2 * hour));
    await testFire(source.id, { url: receiver.url("/twice") }, { t: 3 });
    const later = receiver.at("/twice")[1];
    const laterHeaders = headersOf(later);
    expect(laterHeaders["webhook-signature"]?.split(" ")).toHaveLength(3);
    expect(() => new Webhook(first).verify(later?.body ?? "", laterHeaders)).toThrow();
    for (const secret of [second, third, fourth]) {
      expect(new Webhook(secret).verify(later?.body ?? "", laterHeaders)).toEqual({ t: 3 });
    }
  });

  it("test fire records a one-shot delivery in one insert and never retries it", async () => {
    receiver.on("/fire-fails", reply(500));
    const source = await makeSource();
    const report = await testFire(source.id, { url: receiver.url("/fire-fails") });
    expect(report).toMatchObject({ attempt: 1, statusCode: 500, state: "error" });

    const delivery = await deliveryState(report.deliveryId);
    expect(delivery).toMatchObject({ state: "error", noRetry: true, attempts: 1 });
    expect(delivery.attemptRows).toHaveLength(1);
    const { enqueueDelivery } = await import("@/lib/delivery");
    const queued = await enqueueDelivery({
      sourceId: source.id,
      url: "x",
      body: "{}",
      noRetry: true,
    });
    expect((await deliveryState(queued.id)).noRetry).toBe(true);
    await getDb().delivery.delete({ where: { id: queued.id } });
  });

  it.runIf(getConfig().database.kind === "sqlite")(
    "on SQLite a test fire waits for a write transaction that is open, then sends",
    async () => {
      const source = await makeSource();
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const held = getDb().$transaction(() => gate);
      const fired = testFire(source.id, { url: receiver.url("/waited") });

      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.at("/waited")).toHaveLength(0);
      open();
      await held;
      expect((await fired).statusCode).toBe(200);
      expect(receiver.at("/waited")).toHaveLength(1);
    },
  );

  it("refuses a second delivery with the same idempotency key", async () => {
    const source = await makeSource();
    const { enqueueDelivery } = await import("@/lib/delivery");
    const input = {
      sourceId: source.id,
      url: receiver.url("/once"),
      body: "{}",
      idempotencyKey: `event-1:${source.id}`,
    };
    const first = await enqueueDelivery(input);
    const second = await enqueueDelivery(input);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    await expect(
      getDb().delivery.create({
        data: { ...input, headers: "{}", requestId: "r", nextAttemptAt: new Date() },
      }),
    ).rejects.toThrow();
  });
});
