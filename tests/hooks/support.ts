import { afterAll, beforeAll, expect } from "vitest";

import type { Principal } from "@/lib/auth/principal";
import { getDb } from "@/lib/db";
import { configureDelivery } from "@/lib/delivery";
import { createWebhook, type TNewWebhook } from "@/lib/hooks";
import { executeGraphql } from "@/lib/lens";
import { DeliveryWorker } from "@/lib/worker";

import { Receiver } from "../delivery/receiver";

export const ADMIN: Principal = {
  userId: "hooks-tests",
  email: "hooks@example.com",
  name: "Hooks tests",
  role: "admin",
  via: "token",
};

/** Loopback and plain http are refused in production; the receiver needs both. */
export function openLoopback(): void {
  configureDelivery({
    allowHttp: true,
    allowedTargets: ["127.0.0.0/8", "::1/128"],
    retryScale: 0.001,
    leaseMarginMs: 500,
  });
}

/** Runs GraphQL as an admin and answers `data`, failing on any error. */
export async function gql(query: string): Promise<Record<string, unknown>> {
  const result = await executeGraphql({ query }, ADMIN);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  }

  return result.data;
}

async function mutate(operation: string): Promise<string> {
  const data = await gql(`mutation { schema { r: ${operation} } }`);
  const schema = data.schema;
  const uid =
    typeof schema === "object" && schema !== null && "r" in schema ? String(schema.r) : "";

  return uid;
}

export const insertRegion = (name: string) =>
  mutate(`insertRegions(input: { Name: "${name}", Timezone: "UTC" })`);

export const insertJob = (regionId: string, extra = "") =>
  mutate(`insertJobs(input: { RegionId: "${regionId}", Duration: 60 ${extra} })`);

export const updateJob = (uid: string, fields: string) =>
  mutate(`updateJobs(input: { UID: "${uid}" ${fields} })`);

export const deleteJob = (uid: string) => mutate(`deleteJobs(UID: "${uid}")`);

export function makeWebhook(input: TNewWebhook) {
  return createWebhook(input);
}

/** Only the tables of hooks and deliveries: other test files share the database. */
export async function cleanHooks(): Promise<void> {
  const db = getDb();
  await db.deferredFire.deleteMany();
  await db.webhook.deleteMany();
  await db.hookCursor.deleteMany();
  await db.configVariable.deleteMany();
  await db.deliveryAttempt.deleteMany();
  await db.delivery.deleteMany();
  await db.deliverySource.deleteMany();
}

export function startWorker(): DeliveryWorker {
  const worker = new DeliveryWorker({
    concurrency: 20,
    batchSize: 20,
    pollMs: 50,
    retentionMs: 86_400_000,
  });
  worker.start();

  return worker;
}

/** What a test file gets from `receiverAndWorkerPerFile`: valid inside its tests. */
export class HooksFixture {
  private started: Receiver | undefined;

  get receiver(): Receiver {
    if (!this.started) throw new Error("the receiver starts in beforeAll");

    return this.started;
  }

  set receiver(receiver: Receiver) {
    this.started = receiver;
  }
}

/**
 * A loopback receiver and a running delivery worker for one test file:
 * started before its tests; stopped, with every hook cleaned away, after.
 */
export function receiverAndWorkerPerFile(): HooksFixture {
  const fixture = new HooksFixture();
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    openLoopback();
    fixture.receiver = await new Receiver().start();
    worker = startWorker();
  });

  afterAll(async () => {
    await worker?.stop();
    await fixture.receiver.stop();
    await cleanHooks();
    configureDelivery({});
  });

  return fixture;
}

export function parseBody(body: string): unknown {
  return JSON.parse(body);
}

/** Typed asymmetric matchers: vitest's return `any`, which the lint rules refuse. */
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const anyString = (): unknown => expect.any(String);
