import { parentPort, workerData } from "node:worker_threads";

import { configureDelivery } from "@/lib/delivery";
import { getDb, shareSqliteLock } from "@/lib/db";

import { DeliveryWorker } from "./runner";
import type { ThreadCommand, ThreadReport, ThreadStart } from "./thread";

// The thread side of thread.ts: one delivery worker, started with the main
// thread's options and settings, stopped when told; then the thread ends.

if (!parentPort) throw new Error("thread-entry.ts runs only as a worker thread");
const port = parentPort;
const { options, settings, sqliteLock } = (workerData as { data: ThreadStart }).data;

shareSqliteLock(sqliteLock);
configureDelivery(settings);
const worker = new DeliveryWorker(options);
worker.start();

port.on("message", (command: ThreadCommand) => {
  if (command === "wake") worker.wake();
  if (command === "stop") {
    void worker
      .stop()
      .then(() => getDb().$disconnect())
      // Ends this thread only, whatever handles are still open.
      .finally(() => process.exit(0));
  }
});
port.postMessage("ready" satisfies ThreadReport);
