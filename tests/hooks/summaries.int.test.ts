import { randomUUID } from "node:crypto";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { summarizeSources, upsertDeliverySource } from "@/lib/delivery";
import { webhookSummaries } from "@/lib/hooks";

import { createCountingDb, StatementLog } from "../lens/counting-db";
import { cleanHooks } from "./support";

const NOW = new Date("2026-12-04T12:00:00.000Z");
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

async function makeSource(): Promise<string> {
  const id = randomUUID();
  await upsertDeliverySource({
    id,
    kind: "webhook",
    retryPolicy: { maxAttempts: 3, delaysSeconds: [1, 1], timeoutSeconds: 5 },
  });

  return id;
}

/** A delivery last touched at `at`, with one attempt per status code given. */
async function delivery(sourceId: string, state: string, at: Date, codes: number[] = []) {
  await getDb().delivery.create({
    data: {
      sourceId,
      url: "https://example.com/hook",
      headers: "{}",
      body: "{}",
      requestId: randomUUID(),
      state,
      attempts: codes.length,
      nextAttemptAt: at,
      completedAt: state === "success" || state === "error" ? at : null,
      createdAt: at,
      updatedAt: at,
      attemptRows: {
        create: codes.map((statusCode, index) => ({
          number: index + 1,
          attemptedAt: at,
          durationMs: 12,
          statusCode,
        })),
      },
    },
  });
}

beforeEach(cleanHooks);
afterAll(cleanHooks);

describe("webhook list summaries", () => {
  it("show the latest delivery even when it is older than a day", async () => {
    const id = await makeSource();
    await delivery(id, "success", ago(80), [200]);
    await delivery(id, "error", ago(30), [500, 503]);

    const [summary] = await webhookSummaries([id], NOW);

    expect(summary).toEqual({
      id,
      lastStatus: "error",
      lastResponse: 503,
      lastAt: ago(30).toISOString(),
      successRate24h: null,
      deliveries24h: 0,
    });
  });

  it("count the success rate over the last 24 hours only", async () => {
    const id = await makeSource();
    await delivery(id, "error", ago(25), [500]);
    await delivery(id, "error", ago(26), [500]);
    await delivery(id, "success", ago(20), [200]);
    await delivery(id, "success", ago(10), [204]);
    await delivery(id, "success", ago(5), [200]);
    await delivery(id, "error", ago(2), [410]);
    // Not finished yet: it counts as a delivery but not towards the rate.
    await delivery(id, "pending", ago(1));

    const [summary] = await webhookSummaries([id], NOW);

    expect(summary).toMatchObject({
      lastStatus: "pending",
      lastResponse: null,
      successRate24h: 0.75,
      deliveries24h: 5,
    });
  });

  it("keep each hook's figures apart and answer hooks with no deliveries", async () => {
    const busy = await makeSource();
    const idle = await makeSource();
    const unknown = randomUUID();
    await delivery(busy, "success", ago(3), [200]);

    const summaries = await webhookSummaries([idle, busy, unknown], NOW);

    expect(summaries.map((summary) => summary.id)).toEqual([idle, busy, unknown]);
    expect(summaries[0]).toMatchObject({ lastStatus: null, successRate24h: null });
    expect(summaries[1]).toMatchObject({ lastStatus: "success", successRate24h: 1 });
    expect(summaries[2]).toMatchObject({ lastStatus: null, deliveries24h: 0 });
  });

  it("cost one statement for the whole list, however many hooks it has", async () => {
    const ids = await Promise.all(Array.from({ length: 25 }, () => makeSource()));
    for (const id of ids) await delivery(id, "success", ago(1), [200]);
    const log = new StatementLog();
    const db = createCountingDb(log);
    try {
      const summaries = await summarizeSources(ids, ago(24), db);

      expect(summaries.size).toBe(25);
      expect(log.statements).toHaveLength(1);
    } finally {
      await db.$disconnect();
    }
  });
});
