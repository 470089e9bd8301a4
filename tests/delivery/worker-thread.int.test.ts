import { afterEach, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { enqueueDelivery, forgetVariables, upsertDeliverySource } from "@/lib/delivery";
import { DeliveryThread, type WorkerOptions } from "@/lib/worker";

import { reply } from "./receiver";
import { deliveryState, makeSource, receiverPerFile, waitUntil } from "./support";

// The delivery worker on a thread of its own (lib/worker/thread.ts), as
// `npm start` and `tripline worker` run it. The poll is a minute, so what
// arrives within the tests' waits came by the signal between threads.

const OPTIONS: WorkerOptions = {
  concurrency: 100,
  batchSize: 50,
  pollMs: 60_000,
  retentionMs: 30 * 86_400_000,
};

const file = receiverPerFile();
let thread: DeliveryThread | null = null;

afterEach(async () => {
  await thread?.stop();
  thread = null;
  await getDb().configVariable.deleteMany({ where: { name: { startsWith: "THREAD_TEST_" } } });
  forgetVariables();
});

function started(root?: string): DeliveryThread {
  thread = new DeliveryThread(OPTIONS, root);
  thread.start();

  return thread;
}

const finished = (id: string) => async () =>
  ["success", "error", "cancelled"].includes((await deliveryState(id)).state);

it("sends from its own thread what the main thread enqueues, woken by the signal", async () => {
  const running = started();
  expect(await running.ready).toBe(true);
  expect(running.onThread).toBe(true);
  const source = await makeSource();

  const { id } = await enqueueDelivery({
    sourceId: source.id,
    url: file.receiver.url("/threaded"),
    body: '{"n":1}',
  });

  await waitUntil(async () => (await deliveryState(id)).state === "success", 10_000);
  expect(file.receiver.at("/threaded").map((request) => request.body)).toEqual(['{"n":1}']);
});

it("fills a variable changed on the main thread at once, not when its copy goes stale", async () => {
  const running = started();
  expect(await running.ready).toBe(true);
  const source = await makeSource();
  const db = getDb();
  await db.configVariable.create({ data: { name: "THREAD_TEST_KEY", value: "first" } });
  const send = () =>
    enqueueDelivery({
      sourceId: source.id,
      url: file.receiver.url("/variable"),
      headers: { "X-Key": "{{ THREAD_TEST_KEY }}" },
      body: "{}",
    });

  const first = await send();
  await waitUntil(finished(first.id), 10_000);
  // The thread now holds the variables for a second; the change must reach it.
  await db.configVariable.update({
    where: { name: "THREAD_TEST_KEY" },
    data: { value: "second" },
  });
  forgetVariables();
  const second = await send();
  await waitUntil(finished(second.id), 10_000);

  expect(file.receiver.at("/variable").map((request) => request.headers["x-key"])).toEqual([
    "first",
    "second",
  ]);
});

it("uses a hook's retry policy changed on the main thread from the next attempt", async () => {
  const running = started();
  expect(await running.ready).toBe(true);
  file.receiver.on("/failing", reply(500));
  const source = await makeSource({ maxAttempts: 6 });
  const send = () =>
    enqueueDelivery({ sourceId: source.id, url: file.receiver.url("/failing"), body: "{}" });

  const first = await send();
  await waitUntil(async () => (await deliveryState(first.id)).attempts === 1, 10_000);
  await waitUntil(async () => (await deliveryState(first.id)).state === "pending", 10_000);
  // One attempt in all from now on: the thread's cached copy must not outlive the change.
  await upsertDeliverySource({
    id: source.id,
    kind: "webhook",
    retryPolicy: { maxAttempts: 1, delaysSeconds: [5], timeoutSeconds: 5 },
  });
  const second = await send();

  await waitUntil(finished(second.id), 10_000);
  expect((await deliveryState(second.id)).state).toBe("error");
});

it("lets an attempt in flight finish and be written when it stops", async () => {
  const running = started();
  expect(await running.ready).toBe(true);
  file.receiver.on("/slow", (_request, res) => {
    setTimeout(() => res.end("late"), 300);
  });
  const source = await makeSource();
  const { id } = await enqueueDelivery({
    sourceId: source.id,
    url: file.receiver.url("/slow"),
    body: "{}",
  });
  await file.receiver.waitFor(1, "/slow");

  await running.stop();
  thread = null;

  expect((await deliveryState(id)).state).toBe("success");
});

it("runs the worker on this thread when the thread cannot start", async () => {
  const running = started("/nowhere");
  expect(await running.ready).toBe(false);
  expect(running.onThread).toBe(false);
  const source = await makeSource();

  const { id } = await enqueueDelivery({
    sourceId: source.id,
    url: file.receiver.url("/fallback"),
    body: "{}",
  });

  await waitUntil(async () => (await deliveryState(id)).state === "success", 10_000);
  expect(file.receiver.at("/fallback")).toHaveLength(1);
});
