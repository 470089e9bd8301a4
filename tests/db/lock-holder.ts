import { parentPort, workerData } from "node:worker_threads";

import { shareSqliteLock } from "@/lib/db";
import { takeSqliteLock } from "@/lib/db/thread-lock";

// A thread for thread-lock.int.test.ts: takes the shared SQLite lock, says
// so, and then either gives it back when told or ends while holding it.

const { memory, release } = (
  workerData as { data: { memory: SharedArrayBuffer; release: boolean } }
).data;
shareSqliteLock(memory);
const giveBack = await takeSqliteLock();
parentPort?.postMessage("holding");
parentPort?.on("message", () => {
  if (release) giveBack();
  process.exit(0);
});
