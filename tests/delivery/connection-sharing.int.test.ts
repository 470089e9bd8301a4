import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { claimDue } from "@/lib/delivery/claim";
import { getDb } from "@/lib/db";
import { SEED_ACTOR, writeRecords } from "@/lib/lens";

import { cleanDeliveries, enqueue, makeSource, openLoopback } from "./support";

// On SQLite the process has one connection: a statement issued while some
// other code's transaction is open must not become part of that transaction.
describe("delivery statements beside an open Lens write", () => {
  beforeAll(async () => {
    openLoopback();
    await cleanDeliveries();
  });
  afterAll(cleanDeliveries);

  it("a claim made while a write is open keeps its lease when that write rolls back", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, "http://127.0.0.1:9/never");
    let claim: ReturnType<typeof claimDue> | undefined;

    const write = writeRecords(SEED_ACTOR, async (writer) => {
      await writer.insert("Regions", { Name: "Rolled back", Timezone: "UTC" });
      claim = claimDue({ owner: "worker-beside", limit: 10, leaseMarginMs: 500 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("the write fails after the claim started");
    });
    await expect(write).rejects.toThrow("the write fails");
    const claimed = await claim;

    expect(claimed?.map((row) => row.id)).toEqual([id]);
    const row = await getDb().delivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "processing", leaseOwner: "worker-beside", attempts: 1 });
    expect(await getDb().region.count({ where: { Name: "Rolled back" } })).toBe(0);
  });

  it("a delivery enqueued while a write is open survives that write's rollback", async () => {
    const source = await makeSource();
    let queued: ReturnType<typeof enqueue> | undefined;

    const write = writeRecords(SEED_ACTOR, async (writer) => {
      await writer.insert("Regions", { Name: "Rolled back too", Timezone: "UTC" });
      queued = enqueue(source.id, "http://127.0.0.1:9/never");
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("the write fails after the enqueue started");
    });
    await expect(write).rejects.toThrow("the write fails");
    const delivery = await queued;

    expect(delivery).toBeDefined();
    expect(await getDb().delivery.count({ where: { id: delivery?.id ?? "" } })).toBe(1);
  });
});
