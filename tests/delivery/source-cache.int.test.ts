import { afterAll, beforeEach, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { SourceCache } from "@/lib/delivery/source-cache";

import { cleanDeliveries, makeSource } from "./support";

// The engine's cache of hooks it sends for: a delivery whose hook it cannot
// find is cancelled, so a live hook must never go missing from an answer.

beforeEach(cleanDeliveries);
afterAll(cleanDeliveries);

it("answers every hook a load asked for even when a later load drops it meanwhile", async () => {
  const cached = await makeSource();
  const unread = await makeSource();
  let clock = 0;
  const cache = new SourceCache(() => clock);
  await cache.load([cached.id]);

  // `cached` is fresh when this load begins, so it waits only for `unread`...
  clock = 100;
  const both = cache.load([cached.id, unread.id]);
  // ...and this one, begun after `cached` aged out, reads it again meanwhile.
  clock = 1_000;
  const again = cache.load([cached.id]);

  expect([...(await both).keys()].sort()).toEqual([cached.id, unread.id].sort());
  expect([...(await again).keys()]).toEqual([cached.id]);
});

it("forgets a hook that is gone once its entry ages out", async () => {
  const source = await makeSource();
  let clock = 0;
  const cache = new SourceCache(() => clock);
  expect((await cache.load([source.id])).has(source.id)).toBe(true);

  // Removed behind the cache's back, as another process would.
  await getDb().deliverySource.delete({ where: { id: source.id } });
  expect((await cache.load([source.id])).has(source.id)).toBe(true);
  clock = 1_000;
  expect((await cache.load([source.id])).has(source.id)).toBe(false);
});
