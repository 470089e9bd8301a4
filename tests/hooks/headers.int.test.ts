import { Webhook } from "standardwebhooks";
import { beforeEach, describe, expect, it } from "vitest";

import { VERSION } from "@/lib/config";
import { getDb } from "@/lib/db";
import {
  CronScheduler,
  fireDeferredOnce,
  setVariable,
  webhookSecret,
  type WebhookView,
} from "@/lib/hooks";

import { type Received } from "../delivery/receiver";
import {
  cleanHooks,
  insertJob,
  insertRegion,
  makeWebhook,
  receiverAndWorkerPerFile,
} from "./support";

const hooks = receiverAndWorkerPerFile();

beforeEach(async () => {
  await cleanHooks();
  hooks.receiver.received.length = 0;
  await setVariable({ name: "API_KEY", value: "k-42" });
});

const CONFIGURED = { "X-Api-Key": "{{ API_KEY }}", "X-Tenant": "north" };

/**
 * lens-api.md §6: the headers every call carries, checked on the one
 * request `path` received: the configured ones filled in, Tripline's own,
 * and a Standard Webhooks signature that verifies with the hook's secret.
 */
async function expectDocumentedHeaders(path: string, hook: WebhookView): Promise<Received> {
  const [request] = hooks.receiver.at(path);
  expect(hooks.receiver.at(path)).toHaveLength(1);
  if (!request) throw new Error(`nothing arrived at ${path}`);
  const delivery = await getDb().delivery.findFirstOrThrow({ where: { sourceId: hook.id } });

  expect(request.headers).toMatchObject({
    "content-type": "application/json",
    "user-agent": `Tripline/${VERSION}`,
    "skedulo-webhook-id": hook.id,
    "skedulo-request-id": delivery.requestId,
    "webhook-id": delivery.requestId,
    "x-api-key": "k-42",
    "x-tenant": "north",
  });
  const sentAt = Number(request.headers["webhook-timestamp"]);
  expect(Math.abs(sentAt * 1000 - request.at)).toBeLessThan(60_000);
  const { key } = await webhookSecret(hook.id);
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
  );
  expect(() => new Webhook(key).verify(request.body, headers)).not.toThrow();

  return request;
}

describe("deferred and scheduled deliveries", () => {
  it("a graphql_deferred fire carries every documented header and a valid signature", async () => {
    const start = new Date(Date.now() + 3_600_000);
    const job = await insertJob(await insertRegion("North"), `, Start: "${start.toISOString()}"`);
    const hook = await makeWebhook({
      name: "Reminder",
      url: hooks.receiver.url("/deferred"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID } }",
      field: "Start",
      offset: 0,
      headers: CONFIGURED,
    });
    await getDb().deferredFire.deleteMany({ where: { uid: { not: job } } });
    expect(await fireDeferredOnce(100, getDb(), start)).toBe(1);
    await hooks.receiver.waitFor(1, "/deferred");

    const request = await expectDocumentedHeaders("/deferred", hook);
    expect(JSON.parse(request.body)).toEqual({ data: { jobs: { UID: job } } });
  });

  it("a cron tick carries every documented header and a valid signature", async () => {
    const hook = await makeWebhook({
      name: "Every minute",
      url: hooks.receiver.url("/scheduled"),
      type: "scheduled",
      cron: "* * * * *",
      headers: CONFIGURED,
    });
    expect(await new CronScheduler().runOnce(new Date(Date.now() + 61_000))).toBe(1);
    await hooks.receiver.waitFor(1, "/scheduled");

    const request = await expectDocumentedHeaders("/scheduled", hook);
    expect(request.body).toBe("{}");
  });
});
