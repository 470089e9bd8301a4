import { afterAll, beforeEach, expect, it } from "vitest";

import { enqueueDeliveries } from "@/lib/delivery";
import { claimDue } from "@/lib/delivery/claim";

import { cleanDeliveries, makeSource } from "./support";

// The claim statement itself, without a worker: which due rows a claim takes.

beforeEach(cleanDeliveries);
afterAll(cleanDeliveries);

const URL = "http://127.0.0.1:9/claim";
let owners = 0;

/** `count` due deliveries for the source, one second apart, oldest first. */
async function due(sourceId: string, count: number, start = Date.now() - 600_000) {
  await enqueueDeliveries(
    Array.from({ length: count }, (_, n) => ({
      sourceId,
      url: URL,
      body: JSON.stringify({ n }),
      startAfter: new Date(start + n * 1000),
    })),
  );
}

async function claim(limit: number) {
  owners += 1;

  return claimDue({ owner: `claim-test-${owners}`, limit, leaseMarginMs: 60_000 });
}

function countBySource(rows: { sourceId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.sourceId, (counts.get(row.sourceId) ?? 0) + 1);

  return counts;
}

it("fills the whole limit from the one hook with work, however many hooks are idle", async () => {
  const busy = await makeSource({}, { concurrency: 100 });
  await Promise.all(Array.from({ length: 9 }, () => makeSource({}, { concurrency: 100 })));
  await due(busy.id, 60);

  const claimed = await claim(40);

  expect(claimed).toHaveLength(40);
  expect(new Set(claimed.map((row) => row.sourceId))).toEqual(new Set([busy.id]));
  // Its oldest forty, each for its first attempt.
  const bodies = claimed
    .map((row) => (JSON.parse(row.body) as { n: number }).n)
    .sort((a, b) => a - b);
  expect(bodies).toEqual(Array.from({ length: 40 }, (_, n) => n));
  expect(claimed.every((row) => Number(row.attempts) === 1)).toBe(true);
});

it("hands its rows over oldest due first, whatever order they were queued in", async () => {
  const source = await makeSource({}, { concurrency: 100 });
  // Queued newest first: the table's order is the reverse of the due order.
  const start = Date.now() - 600_000;
  for (let n = 9; n >= 0; n--) {
    await enqueueDeliveries([
      {
        sourceId: source.id,
        url: URL,
        body: JSON.stringify({ n }),
        startAfter: new Date(start + n * 1000),
      },
    ]);
  }

  const claimed = await claim(10);

  expect(claimed.map((row) => (JSON.parse(row.body) as { n: number }).n)).toEqual(
    Array.from({ length: 10 }, (_, n) => n),
  );
});

it("takes every hook's oldest rows when many hooks have work, and fills the limit", async () => {
  const sources = await Promise.all(
    Array.from({ length: 10 }, () => makeSource({}, { concurrency: 100 })),
  );
  for (const source of sources) await due(source.id, 30);

  const claimed = await claim(50);

  expect(claimed).toHaveLength(50);
  const counts = countBySource(claimed);
  expect(counts.size).toBe(10);
  for (const source of sources) {
    const bodies = claimed
      .filter((row) => row.sourceId === source.id)
      .map((row) => (JSON.parse(row.body) as { n: number }).n)
      .sort((a, b) => a - b);
    expect(bodies).toEqual(Array.from({ length: bodies.length }, (_, n) => n));
  }
});

it("never gives a hook more than its free slots, and the rest go to the others", async () => {
  const capped = await makeSource({}, { concurrency: 3 });
  const open = await makeSource({}, { concurrency: 100 });
  // The capped hook's rows are the oldest: time order alone would take them all.
  await due(capped.id, 20, Date.now() - 900_000);
  await due(open.id, 20);

  const first = await claim(10);
  expect(countBySource(first)).toEqual(
    new Map([
      [capped.id, 3],
      [open.id, 7],
    ]),
  );

  // Its three leases are live, so it has no free slot left.
  const second = await claim(10);
  expect(countBySource(second)).toEqual(new Map([[open.id, 10]]));
});
