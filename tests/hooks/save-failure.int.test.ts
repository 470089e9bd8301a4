import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as getOne, PATCH as patch } from "@/app/webhooks/[id]/route";
import { POST as create } from "@/app/webhooks/route";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { configureDelivery } from "@/lib/delivery";

import { call, makeToken, resetDatabase } from "../helpers";
import { cleanHooks, matching, openLoopback } from "./support";

/**
 * A save that fails half-way must leave nothing behind. The failure is a
 * real one: a trigger makes the database refuse the webhook row itself,
 * after the delivery source was already written.
 */
const TRIGGER = "webhooks_test_refuse_save";

async function refuseWebhookWrites(): Promise<void> {
  const db = getDb();
  if (getConfig().database.kind === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${TRIGGER}() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'save refused by the test'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${TRIGGER} BEFORE INSERT OR UPDATE ON "Webhook"
       FOR EACH ROW EXECUTE FUNCTION ${TRIGGER}()`,
    );
    return;
  }
  for (const event of ["INSERT", "UPDATE"]) {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${TRIGGER}_${event} BEFORE ${event} ON "Webhook"
       BEGIN SELECT RAISE(ABORT, 'save refused by the test'); END`,
    );
  }
}

async function allowWebhookWrites(): Promise<void> {
  const db = getDb();
  if (getConfig().database.kind === "postgresql") {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "Webhook"`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${TRIGGER}()`);
    return;
  }
  for (const event of ["INSERT", "UPDATE"]) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${TRIGGER}_${event}`);
  }
}

let admin: string;

beforeAll(() => openLoopback());

afterAll(async () => {
  await cleanHooks();
  configureDelivery({});
});

beforeEach(async () => {
  await cleanHooks();
  await resetDatabase();
  admin = (await makeToken("admin")).token;
});

afterEach(allowWebhookWrites);

const hook = {
  name: "Job changed",
  url: "http://127.0.0.1:9/hook",
  type: "graphql",
  query: "subscription { schemaJobs { operation } }",
};

/** A 500 names only its error id: nothing of the database's message. */
function expectOpaque500(response: { status: number; body: Record<string, unknown> }) {
  expect(response.status).toBe(500);
  expect(response.body).toMatchObject({ errorType: "internal_error" });
  expect(response.body.message).toEqual(matching(/^internal error; quote [0-9a-f-]{36} /));
  expect(JSON.stringify(response.body)).not.toContain("refused by the test");
}

describe("a failed webhook save", () => {
  it("on create leaves neither a webhook nor its delivery source", async () => {
    await refuseWebhookWrites();

    const response = await call(create, { token: admin, json: hook, path: "/webhooks" });

    expectOpaque500(response);
    expect(await getDb().webhook.count()).toBe(0);
    expect(await getDb().deliverySource.count()).toBe(0);
  });

  it("on PATCH puts the delivery source back as it was", async () => {
    const created = await call(create, { token: admin, json: hook, path: "/webhooks" });
    expect(created.status).toBe(201);
    const { id } = created.body.result as { id: string };
    await refuseWebhookWrites();

    const response = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id },
      json: {
        name: "Renamed",
        enabled: false,
        retryPolicy: { maxAttempts: 2, delaysSeconds: [1], timeoutSeconds: 5 },
      },
    });

    expectOpaque500(response);
    await allowWebhookWrites();
    const stored = await call(getOne, { token: admin, params: { id } });
    expect(stored.body.result).toEqual(created.body.result);
    const source = await getDb().deliverySource.findUniqueOrThrow({ where: { id } });
    expect(source).toMatchObject({ enabled: true, disabledAt: null, maxAttempts: 6 });
  });
});
