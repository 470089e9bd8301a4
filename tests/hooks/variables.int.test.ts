import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DELETE as removeVariable } from "@/app/api/config-variables/[name]/route";
import { GET as listVariables, POST as setVariable } from "@/app/api/config-variables/route";
import { POST as create } from "@/app/webhooks/route";
import { configureDelivery } from "@/lib/delivery";

import { call, makeToken, resetDatabase } from "../helpers";
import { cleanHooks, openLoopback } from "./support";

let admin: string;
let viewer: string;

beforeAll(() => openLoopback());

afterAll(async () => {
  await cleanHooks();
  configureDelivery({});
});

beforeEach(async () => {
  await cleanHooks();
  await resetDatabase();
  admin = (await makeToken("admin")).token;
  viewer = (await makeToken("viewer")).token;
});

const save = (token: string, name: string) =>
  call(setVariable, { token, json: { name, value: "s3cret" }, path: "/api/config-variables" });
const remove = (token: string, name: string) =>
  call(removeVariable, { method: "DELETE", token, params: { name } });

async function listedNames(): Promise<string[]> {
  const response = await call(listVariables, { token: admin });
  const rows = response.body.result as { name: string }[];

  return rows.map((row) => row.name);
}

async function hookUsing(name: string, header: string) {
  const response = await call(create, {
    token: admin,
    json: {
      name,
      url: "http://127.0.0.1:9/hook",
      type: "scheduled",
      cron: "0 2 * * *",
      headers: { "X-Key": header },
    },
  });
  expect(response.status).toBe(201);
}

describe("/api/config-variables", () => {
  it("takes writes from admins only", async () => {
    expect((await save(viewer, "API_KEY")).status).toBe(403);
    expect((await save(admin, "API_KEY")).status).toBe(200);
    expect((await remove(viewer, "API_KEY")).status).toBe(403);

    expect(await listedNames()).toEqual(["API_KEY"]);
  });

  it("deletes a variable no webhook uses", async () => {
    await save(admin, "OLD_KEY");

    const response = await remove(admin, "OLD_KEY");

    expect(response.status).toBe(200);
    expect(response.body.result).toEqual({ name: "OLD_KEY" });
    expect(await listedNames()).toEqual([]);
    expect((await remove(admin, "OLD_KEY")).status).toBe(404);
  });

  it("refuses to delete a variable webhooks reference, naming each of them", async () => {
    await save(admin, "API_KEY");
    await hookUsing("Nightly export", "{{ API_KEY }}");
    await hookUsing("Audit", "Bearer {{API_KEY}}");

    const response = await remove(admin, "API_KEY");

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      errorType: "bad_request",
      message: "{{ API_KEY }} is used by webhooks 'Audit', 'Nightly export'; edit them first",
    });
    expect(await listedNames()).toEqual(["API_KEY"]);
  });
});
