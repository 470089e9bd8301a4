import { spawn } from "node:child_process";

import { afterEach, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { DeliveryWorker } from "@/lib/worker";

import { enqueue, listeningWorkers, makeSource, receiverPerFile, waitUntil } from "./support";

// The poll is the fallback: with it set to its longest (a minute), what
// arrives within the tests' 10 s was picked up by a signal or by the
// worker's own bookkeeping.
const POLL_MS = 60_000;

const file = receiverPerFile();
let worker: DeliveryWorker | null = null;

afterEach(async () => {
  await worker?.stop();
  worker = null;
});

function startIdleWorker(): DeliveryWorker {
  worker = new DeliveryWorker({
    concurrency: 100,
    batchSize: 50,
    pollMs: POLL_MS,
    retentionMs: 30 * 86_400_000,
  });
  worker.start();

  return worker;
}

async function succeeded(ids: string[]): Promise<boolean> {
  const done = await getDb().delivery.count({ where: { id: { in: ids }, state: "success" } });

  return done === ids.length;
}

it("an idle worker sends a new delivery on the in-process signal, not at the next poll", async () => {
  startIdleWorker();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const source = await makeSource();

  const { id } = await enqueue(source.id, file.receiver.url("/signalled"));

  await waitUntil(() => succeeded([id]), 10_000);
  expect(file.receiver.at("/signalled")).toHaveLength(1);
});

it("a hook at its cap sends its next delivery once an attempt is written, not at the next poll", async () => {
  const source = await makeSource({}, { concurrency: 1 });
  const ids: string[] = [];
  for (let n = 0; n < 4; n++) ids.push((await enqueue(source.id, file.receiver.url("/capped"))).id);

  startIdleWorker();

  await waitUntil(() => succeeded(ids), 10_000);
  expect(file.receiver.at("/capped")).toHaveLength(4);
});

it.runIf(getConfig().database.kind === "postgresql")(
  "a worker process hears of a delivery queued by another process through NOTIFY",
  async () => {
    const child = spawn("node", ["bin/tripline", "worker"], {
      env: {
        ...process.env,
        LOG_LEVEL: "silent",
        TRIPLINE_ALLOW_HTTP: "true",
        TRIPLINE_ALLOWED_TARGETS: "127.0.0.0/8",
        TRIPLINE_WORKER_POLL_MS: String(POLL_MS),
      },
      stdio: "ignore",
    });
    try {
      await waitUntil(async () => (await listeningWorkers()) > 0, 30_000, 100);
      const source = await makeSource();

      const { id } = await enqueue(source.id, file.receiver.url("/notified"));

      await waitUntil(() => succeeded([id]), 10_000);
      expect(file.receiver.at("/notified")).toHaveLength(1);
    } finally {
      child.kill("SIGTERM");
    }
  },
  60_000,
);
