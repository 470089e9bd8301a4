import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach } from "vitest";

import {
  configureDelivery,
  enqueueDelivery,
  upsertDeliverySource,
  type TRetryPolicy,
} from "@/lib/delivery";
import { getDb } from "@/lib/db";

import { Receiver } from "./receiver";

/** Waits of 1 s become 1 ms: schedules are compressed through configuration. */
export const RETRY_SCALE = 0.001;

export function openLoopback(overrides: Parameters<typeof configureDelivery>[0] = {}): void {
  configureDelivery({
    allowHttp: true,
    allowedTargets: ["127.0.0.0/8", "::1/128"],
    retryScale: RETRY_SCALE,
    leaseMarginMs: 500,
    ...overrides,
  });
}

export async function makeSource(
  policy: Partial<TRetryPolicy> = {},
  extra: { concurrency?: number; kind?: "webhook" | "triggered_action" } = {},
) {
  return upsertDeliverySource({
    id: randomUUID(),
    kind: extra.kind ?? "webhook",
    retryPolicy: {
      maxAttempts: 6,
      delaysSeconds: [5, 30, 300, 1800, 10_800],
      timeoutSeconds: 5,
      ...policy,
    },
    ...(extra.concurrency ? { concurrency: extra.concurrency } : {}),
  });
}

export async function enqueue(sourceId: string, url: string, body: unknown = { n: 1 }) {
  return enqueueDelivery({
    sourceId,
    url,
    body: JSON.stringify(body),
    headers: { "X-Api-Key": "k-1" },
  });
}

/** Only the delivery tables: other test files share the database. */
export async function cleanDeliveries(): Promise<void> {
  const db = getDb();
  await db.deliveryAttempt.deleteMany();
  await db.delivery.deleteMany();
  await db.deliverySource.deleteMany();
}

export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  everyMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function deliveryState(id: string) {
  return getDb().delivery.findUniqueOrThrow({
    where: { id },
    include: { attemptRows: { orderBy: { number: "asc" } } },
  });
}

/** Worker processes that have started listening for new deliveries (PostgreSQL). */
export async function listeningWorkers(): Promise<number> {
  const rows = await getDb().$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND query ILIKE 'LISTEN%'`;

  return Number(rows[0]?.n ?? 0);
}

/**
 * A loopback receiver for one test file, with loopback targets allowed:
 * started before its tests, stopped after them. Each test starts with no
 * deliveries and nothing received.
 */
export function receiverPerFile(): { readonly receiver: Receiver } {
  let started: Receiver | undefined;

  beforeAll(async () => {
    openLoopback();
    started = await new Receiver().start();
  });

  afterAll(async () => {
    await started?.stop();
    await cleanDeliveries();
  });

  beforeEach(async () => {
    await cleanDeliveries();
    if (started) started.received.length = 0;
  });

  return {
    get receiver(): Receiver {
      if (!started) throw new Error("the receiver starts in beforeAll");

      return started;
    },
  };
}
