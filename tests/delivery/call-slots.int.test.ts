import { expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { DeliveryEngine } from "@/lib/delivery";
import { claimDue } from "@/lib/delivery/claim";

import { deliveryState, enqueue, makeSource, receiverPerFile } from "./support";

// An engine claims a little ahead of its call slots (claimAhead); a claimed
// delivery waits in the engine until a call ends. Its lease must still
// cover its call, however long it waited.

const file = receiverPerFile();

/** One call at a time, one more claimed ahead; calls to /slow take 1.5 s. */
async function twoQueuedBehindOneSlot() {
  file.receiver.on("/slow", (_request, res) => {
    setTimeout(() => res.end("ok"), 1500);
  });
  // Lease: the 2 s timeout + the tests' 500 ms margin.
  const source = await makeSource({ timeoutSeconds: 2 });
  const first = await enqueue(source.id, file.receiver.url("/slow"), { n: 1 });
  const second = await enqueue(source.id, file.receiver.url("/slow"), { n: 2 });
  const engine = new DeliveryEngine({ concurrency: 1, batchSize: 10, claimAhead: 1 });
  const { claimed, done } = await engine.claimAndStart();

  return { engine, claimed, done, first, second };
}

it("renews the lease of a delivery that waited for a call slot, so no one takes it over", async () => {
  const { claimed, done, second } = await twoQueuedBehindOneSlot();
  expect(claimed).toBe(2);

  // 2.7 s on: the second's first lease (2.5 s) is over, and its call still out.
  await new Promise((resolve) => setTimeout(resolve, 2700));
  const takenOver = await claimDue({ owner: "another-worker", limit: 10, leaseMarginMs: 500 });
  expect(takenOver).toEqual([]);

  const reports = await done;
  expect(reports.map((report) => report.state)).toEqual(["success", "success"]);
  expect(file.receiver.at("/slow")).toHaveLength(2);
  expect((await deliveryState(second.id)).attempts).toBe(1);
});

it("does not send a delivery that another worker took over while it waited", async () => {
  const { done, second } = await twoQueuedBehindOneSlot();
  await file.receiver.waitFor(1, "/slow");
  // As a takeover would leave it: another owner's lease on the same attempt.
  await getDb().delivery.update({
    where: { id: second.id },
    data: { leaseOwner: "another-worker" },
  });

  const reports = await done;

  expect(reports.map((report) => report.state)).toEqual(["success", "lost"]);
  expect(file.receiver.at("/slow")).toHaveLength(1);
  expect((await deliveryState(second.id)).leaseOwner).toBe("another-worker");
});
