import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recover } from "@/app/webhooks/[id]/recover/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "@/app/webhooks/[id]/route";
import { POST as rotate } from "@/app/webhooks/[id]/secret/rotate/route";
import { GET as secret } from "@/app/webhooks/[id]/secret/route";
import { POST as testFire } from "@/app/webhooks/[id]/test/route";
import { GET as list, POST as create } from "@/app/webhooks/route";
import { GET as listLogs } from "@/app/triggered_actions/logs/route";
import { GET as listVariables, POST as setVariable } from "@/app/api/config-variables/route";
import { configureDelivery } from "@/lib/delivery";
import { tick } from "@/lib/worker";

import { Receiver, reply } from "../delivery/receiver";
import { call, makeToken, resetDatabase } from "../helpers";
import { anyString, cleanHooks, insertJob, insertRegion, matching, openLoopback } from "./support";

let receiver: Receiver;
let admin: string;
let viewer: string;

beforeAll(async () => {
  openLoopback();
  receiver = await new Receiver().start();
});

afterAll(async () => {
  await receiver.stop();
  await cleanHooks();
  configureDelivery({});
});

beforeEach(async () => {
  openLoopback();
  await cleanHooks();
  await resetDatabase();
  admin = (await makeToken("admin")).token;
  viewer = (await makeToken("viewer")).token;
});

/** Copied from lens-api.md §4, with only the URL pointed at the test receiver. */
const skeduloShaped = () => ({
  name: "Job dispatched",
  url: receiver.url("/skedulo"),
  type: "graphql",
  headers: { "X-Api-Key": "abc" },
  query:
    "subscription { schemaJobs(operation: [UPDATE], filter: \"JobStatus == 'Dispatched'\") { operation timestamp data { UID Name JobStatus } previous { JobStatus } } }",
});

async function fieldErrors(json: unknown): Promise<{ path: string; message: string }[]> {
  const response = await call(create, { token: admin, json, path: "/webhooks" });
  expect(response.status).toBe(400);
  expect(response.body.errorType).toBe("field_error");

  return z(response.body.errors);
}

function z(value: unknown): { path: string; message: string }[] {
  return Array.isArray(value)
    ? value.map((item: { path: string; message: string }) => ({
        path: item.path,
        message: item.message,
      }))
    : [];
}

describe("/webhooks", () => {
  it("accepts a Skedulo-shaped create request unchanged and answers 201 with the webhook", async () => {
    const response = await call(create, { token: admin, json: skeduloShaped(), path: "/webhooks" });

    expect(response.status).toBe(201);
    const sent = skeduloShaped();
    expect(response.body.result).toMatchObject({
      name: sent.name,
      url: sent.url,
      query: sent.query,
      type: "graphql",
      enabled: true,
      headers: { "X-Api-Key": "abc" },
      retryPolicy: {
        maxAttempts: 6,
        delaysSeconds: [5, 30, 300, 1800, 10_800],
        timeoutSeconds: 25,
      },
    });
  });

  it("lists, reads, patches and deletes; viewers see header values redacted", async () => {
    const created = await call(create, { token: admin, json: skeduloShaped(), path: "/webhooks" });
    const { id } = created.body.result as { id: string };

    const asViewer = await call(list, { token: viewer, path: "/webhooks" });
    expect(asViewer.body.result).toMatchObject([{ id, headers: { "X-Api-Key": "[redacted]" } }]);
    const one = await call(getOne, { token: admin, params: { id }, path: `/webhooks/${id}` });
    expect(one.body.result).toMatchObject({ id, headers: { "X-Api-Key": "abc" } });

    const patched = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id },
      json: { name: "Renamed", enabled: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.result).toMatchObject({ name: "Renamed", enabled: false, type: "graphql" });

    const typeChange = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id },
      json: { type: "scheduled" },
    });
    expect(typeChange.status).toBe(400);
    expect(typeChange.body.errors).toEqual([{ path: "type", message: anyString() }]);

    const deleted = await call(remove, { method: "DELETE", token: admin, params: { id } });
    expect(deleted.body.result).toEqual({ id });
    const gone = await call(getOne, { token: admin, params: { id } });
    expect(gone.status).toBe(404);
  });

  it("refuses writes from viewers", async () => {
    const response = await call(create, { token: viewer, json: skeduloShaped() });
    expect(response.status).toBe(403);
  });

  it("names the failing field for lengths, scheme, SSRF and type-specific fields", async () => {
    const base = skeduloShaped();
    expect(await fieldErrors({ ...base, name: "n".repeat(256) })).toMatchObject([{ path: "name" }]);
    expect(await fieldErrors({ ...base, url: `https://e.com/${"a".repeat(2048)}` })).toMatchObject([
      { path: "url" },
    ]);
    expect(await fieldErrors({ ...base, url: "ftp://127.0.0.1/x" })).toMatchObject([
      { path: "url", message: "must use https" },
    ]);
    expect(await fieldErrors({ ...base, url: "https://10.1.2.3/hook" })).toMatchObject([
      { path: "url" },
    ]);
    configureDelivery({ allowedTargets: ["127.0.0.0/8"], allowHttp: false });
    expect(await fieldErrors(base)).toMatchObject([{ path: "url" }]);
    openLoopback();

    expect(await fieldErrors({ ...base, type: "bogus" })).toMatchObject([{ path: "type" }]);
    expect(
      await fieldErrors({ ...base, headers: { Connection: "close", "Transfer-Encoding": "x" } }),
    ).toMatchObject([{ path: "headers.Connection" }, { path: "headers.Transfer-Encoding" }]);
    expect(await fieldErrors({ ...base, headers: { "X-Key": "{{ MISSING }}" } })).toEqual([
      {
        path: "headers.X-Key",
        message: "references the unknown configuration variable 'MISSING'",
      },
    ]);
    expect(await fieldErrors({ ...base, url: receiver.url("/{{ NOPE }}") })).toMatchObject([
      { path: "url" },
    ]);
  });

  it("checks the query with line and column, and its filter as EQL", async () => {
    const base = skeduloShaped();
    expect(
      await fieldErrors({ ...base, query: "subscription {\n  schemaJobs { data { Nope } } }" }),
    ).toMatchObject([{ path: "query", message: matching(/^line 2, column 23: /) }]);
    expect(await fieldErrors({ ...base, query: "subscription { schemaJobs {" })).toMatchObject([
      { path: "query", message: matching(/^line 1, column \d+: Syntax Error/) },
    ]);
    // An empty list would save a hook that never fires.
    const noOperation = await fieldErrors({
      ...base,
      query: "subscription {\n  schemaJobs(operation: []) { operation } }",
    });
    expect(noOperation).toEqual([
      {
        path: "query",
        message: "line 2, column 25: operation: name at least one of INSERT, UPDATE, DELETE",
      },
    ]);
    const badFilter = await fieldErrors({
      ...base,
      query: 'subscription { schemaJobs(filter: "Nope == 1") { operation } }',
    });
    expect(badFilter).toMatchObject([
      { path: "query", message: matching(/^line 1, column 36: filter: /) },
    ]);
  });

  it("checks deferred field, offset and filter, and the cron expression", async () => {
    const deferred = {
      name: "Reminder",
      url: receiver.url("/d"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID Name Start } }",
      field: "Start",
      offset: -3_600_000,
      filter: "JobStatus != 'Cancelled'",
    };
    const ok = await call(create, { token: admin, json: deferred });
    expect(ok.status).toBe(201);
    expect(ok.body.result).toMatchObject({ field: "Start", offset: -3_600_000 });
    // A field that is never null (CreatedDate) is a fire time too.
    const onCreated = await call(create, {
      token: admin,
      json: { ...deferred, field: "CreatedDate", offset: 86_400_000 },
    });
    expect(onCreated.status).toBe(201);

    expect(await fieldErrors({ ...deferred, field: "Name" })).toMatchObject([{ path: "field" }]);
    expect(await fieldErrors({ ...deferred, offset: 1.5 })).toMatchObject([{ path: "offset" }]);
    expect(await fieldErrors({ ...deferred, filter: "Nope == 1" })).toMatchObject([
      { path: "filter", message: matching(/^line 1, column 1/) },
    ]);

    const scheduled = {
      name: "Nightly",
      url: receiver.url("/c"),
      type: "scheduled",
      cron: "0 2 * * *",
    };
    expect((await call(create, { token: admin, json: scheduled })).status).toBe(201);
    expect(await fieldErrors({ ...scheduled, cron: "0 2 * *" })).toMatchObject([{ path: "cron" }]);
    expect(await fieldErrors({ ...scheduled, cron: "0 2 * * * *" })).toMatchObject([
      { path: "cron" },
    ]);
    expect(await fieldErrors({ ...scheduled, cron: "61 2 * * *" })).toMatchObject([
      { path: "cron" },
    ]);

    const sms = { name: "Inbound", url: receiver.url("/s"), type: "inbound_sms" };
    expect((await call(create, { token: admin, json: sms })).status).toBe(201);
  });

  it("fills {{ NAME }} from configuration variables, whose values are never listed", async () => {
    const saved = await call(setVariable, {
      token: admin,
      json: { name: "API_KEY", value: "s3cret" },
    });
    expect(saved.status).toBe(200);
    const names = await call(listVariables, { token: admin });
    expect(JSON.stringify(names.body)).not.toContain("s3cret");
    expect(names.body.result).toMatchObject([{ name: "API_KEY" }]);

    const created = await call(create, {
      token: admin,
      json: { ...skeduloShaped(), headers: { "X-Api-Key": "{{ API_KEY }}" } },
    });
    expect(created.status).toBe(201);
    const { id } = created.body.result as { id: string };
    const fired = await call(testFire, { token: admin, params: { id } });
    expect(fired.body.result).toMatchObject({ status: 200, state: "success" });
    expect(receiver.at("/skedulo").at(-1)?.headers["x-api-key"]).toBe("s3cret");
  });

  it("answers the secret, rotates it and recovers failed deliveries", async () => {
    const created = await call(create, { token: admin, json: skeduloShaped() });
    const { id } = created.body.result as { id: string };
    const first = await call(secret, { token: admin, params: { id } });
    expect(first.body.result).toEqual({ key: matching(/^whsec_/) });
    expect((await call(secret, { token: viewer, params: { id } })).status).toBe(403);
    const rotated = await call(rotate, { token: admin, params: { id } });
    expect(rotated.body.result).toEqual({ key: matching(/^whsec_/) });
    expect(rotated.body.result).not.toEqual(first.body.result);

    const recovered = await call(recover, {
      token: admin,
      params: { id },
      json: { since: "2020-01-01T00:00:00Z" },
    });
    expect(recovered.body.result).toEqual({ count: 0 });
  });

  it("a worker tick alone turns a change into a delivery and sends it", async () => {
    const created = await call(create, {
      token: admin,
      json: {
        name: "Ticked",
        url: receiver.url("/ticked"),
        type: "graphql",
        query: "subscription { schemaJobs(operation: [INSERT]) { operation data { UID } } }",
      },
    });
    expect(created.status).toBe(201);
    const job = await insertJob(await insertRegion("North"));

    // No hooks loop and no worker run here: the tick does both halves.
    const result = await tick({ concurrency: 10, batchSize: 10 });
    expect(result).toMatchObject({ hooks: { enqueued: 1 }, claimed: 1, succeeded: 1 });
    expect(JSON.parse(receiver.at("/ticked")[0]?.body ?? "null")).toMatchObject({
      data: { schemaJobs: { operation: "INSERT", data: { UID: job } } },
    });
  });

  it("refuses spaces around a name or URL instead of trimming them", async () => {
    const base = skeduloShaped();
    expect(await fieldErrors({ ...base, name: " Job dispatched" })).toEqual([
      { path: "name", message: "must not start or end with spaces" },
    ]);
    expect(await fieldErrors({ ...base, url: `${base.url} ` })).toEqual([
      { path: "url", message: "must not start or end with spaces" },
    ]);
  });

  it("names every failing field in one 400, shape and save-time checks together", async () => {
    await call(setVariable, { token: admin, json: { name: "KNOWN", value: "v" } });
    const errors = await fieldErrors({
      name: "",
      url: "ftp://127.0.0.1/x",
      type: "graphql",
      headers: { "X-Count": 5, "X-Key": "{{ NOPE }}", "X-Fine": "{{ KNOWN }}" },
      query: "subscription { schemaJobs(operation: []) { operation } }",
      retryPolicy: { maxAttempts: 0, delaysSeconds: [5], timeoutSeconds: 25 },
    });

    expect(errors.map((error) => error.path).sort()).toEqual([
      "headers.X-Count",
      "headers.X-Key",
      "name",
      "query",
      "retryPolicy.maxAttempts",
      "url",
    ]);
  });

  it("refuses a field of another type on create and on PATCH, storing nothing", async () => {
    expect(await fieldErrors({ ...skeduloShaped(), cron: "0 2 * * *" })).toEqual([
      { path: "cron", message: "does not apply to graphql webhooks" },
    ]);
    const created = await call(create, { token: admin, json: skeduloShaped() });
    const { id } = created.body.result as { id: string };

    const patched = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id },
      json: { cron: "0 2 * * *", field: "Start", offset: 5 },
    });
    expect(patched.status).toBe(400);
    expect(z(patched.body.errors).map((error) => error.path)).toEqual(["field", "offset", "cron"]);
    const stored = await call(getOne, { token: admin, params: { id } });
    expect(stored.body.result).not.toHaveProperty("cron");
    expect(stored.body.result).not.toHaveProperty("field");
  });

  it("PATCH re-checks the merged webhook and leaves it unchanged when refused", async () => {
    const created = await call(create, { token: admin, json: skeduloShaped() });
    const original = created.body.result as { id: string };
    const { id } = original;
    const refused = async (json: unknown) => {
      const response = await call(patch, { method: "PATCH", token: admin, params: { id }, json });
      expect(response.status).toBe(400);
      expect(response.body.errorType).toBe("field_error");

      return z(response.body.errors);
    };

    expect(await refused({ name: "" })).toMatchObject([{ path: "name" }]);
    expect(await refused({ url: "https://10.1.2.3/hook" })).toMatchObject([{ path: "url" }]);
    expect(await refused({ headers: { Connection: "close" } })).toMatchObject([
      { path: "headers.Connection" },
    ]);
    expect(await refused({ query: "subscription { schemaJobs { data { Nope } } }" })).toMatchObject(
      [{ path: "query", message: matching(/^line 1, column 36: /) }],
    );
    expect(await refused({ type: "scheduled", name: "" })).toMatchObject([
      { path: "type" },
      { path: "name" },
    ]);
    expect(await refused({ enabled: "yes", retryPolicy: { maxAttempts: 21 } })).toMatchObject([
      { path: "enabled" },
      { path: "retryPolicy.maxAttempts" },
      { path: "retryPolicy.delaysSeconds" },
      { path: "retryPolicy.timeoutSeconds" },
    ]);
    const stored = await call(getOne, { token: admin, params: { id } });
    expect(stored.body.result).toEqual(original);

    const deferred = await call(create, {
      token: admin,
      json: {
        name: "Reminder",
        url: receiver.url("/d"),
        type: "graphql_deferred",
        query: "subscription { jobs { UID Start } }",
        field: "Start",
        offset: 0,
      },
    });
    const deferredId = (deferred.body.result as { id: string }).id;
    // The stored query's object decides which fields are date-times.
    const field = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id: deferredId },
      json: { field: "Name", filter: "Nope == 1" },
    });
    expect(z(field.body.errors).map((error) => error.path)).toEqual(["field", "filter"]);
  });

  it("refuses headers the sender sets itself, whatever their case", async () => {
    const reserved = {
      "Content-Type": "text/plain",
      "user-agent": "me",
      "Webhook-Signature": "v1,x",
      "SKEDULO-Request-Id": "r",
      "Skedulo-Webhook-Id": "w",
      "X-Custom": "fine",
    };
    const errors = await fieldErrors({ ...skeduloShaped(), headers: reserved });

    expect(errors).toEqual(
      [
        "Content-Type",
        "user-agent",
        "Webhook-Signature",
        "SKEDULO-Request-Id",
        "Skedulo-Webhook-Id",
      ].map((name) => ({
        path: `headers.${name}`,
        message: "is set by Tripline on every call and cannot be configured",
      })),
    );
  });

  it("names the subscribed object, as the console list shows it", async () => {
    await call(create, { token: admin, json: skeduloShaped() });
    const deferred = {
      name: "Job reminder",
      url: receiver.url("/d"),
      type: "graphql_deferred",
      query: "subscription { jobs { UID Name } }",
      field: "Start",
      offset: 0,
    };
    expect((await call(create, { token: admin, json: deferred })).status).toBe(201);
    const resources = {
      ...skeduloShaped(),
      name: "Resource changed",
      query: "subscription { schemaResources { operation } }",
    };
    expect((await call(create, { token: admin, json: resources })).status).toBe(201);
    const scheduled = {
      name: "Nightly",
      url: receiver.url("/c"),
      type: "scheduled",
      cron: "0 2 * * *",
    };
    await call(create, { token: admin, json: scheduled });

    const listed = await call(list, { token: viewer });
    expect(listed.body.result).toMatchObject([
      { name: "Job dispatched", object: "Jobs" },
      { name: "Job reminder", object: "Jobs" },
      { name: "Resource changed", object: "Resources" },
      { name: "Nightly", object: null },
    ]);
  });

  it("reports a hook the endpoint retired with 410 as disabled, until PATCH enables it", async () => {
    receiver.on("/gone", reply(410));
    const created = await call(create, {
      token: admin,
      json: { ...skeduloShaped(), url: receiver.url("/gone") },
    });
    const { id } = created.body.result as { id: string };
    expect(created.body.result).toMatchObject({ enabled: true, disabledReason: null });

    const fired = await call(testFire, { token: admin, params: { id } });
    expect(fired.body.result).toMatchObject({ status: 410, state: "error" });

    const gone = {
      id,
      enabled: false,
      disabledReason: "endpoint answered 410 Gone",
      disabledAt: matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    };
    expect((await call(list, { token: viewer })).body.result).toMatchObject([gone]);
    expect((await call(getOne, { token: viewer, params: { id } })).body.result).toMatchObject(gone);

    const enabled = await call(patch, {
      method: "PATCH",
      token: admin,
      params: { id },
      json: { enabled: true },
    });
    const back = { enabled: true, disabledReason: null, disabledAt: null };
    expect(enabled.body.result).toMatchObject(back);
    expect((await call(getOne, { token: admin, params: { id } })).body.result).toMatchObject(back);
  });

  it("answers a test fire with the attempt as the logs API shows it", async () => {
    receiver.on("/shape", reply(202, { "x-answer": "yes" }, "accepted"));
    const created = await call(create, {
      token: admin,
      json: { ...skeduloShaped(), url: receiver.url("/shape") },
    });
    const { id } = created.body.result as { id: string };

    const fired = await call(testFire, { token: admin, params: { id } });
    const { deliveryId, state, ...attempt } = fired.body.result as {
      deliveryId: string;
      state: string;
    };
    const logs = await call(listLogs, {
      token: admin,
      path: `/triggered_actions/logs?sourceId=${id}`,
    });
    const [log] = logs.body.result as { id: string; attempts: unknown[] }[];

    expect(fired.status).toBe(200);
    expect(state).toBe("success");
    expect(deliveryId).toBe(log?.id);
    expect(attempt).toEqual(log?.attempts[0]);
    expect(attempt).toMatchObject({
      status: 202,
      responseBody: "accepted",
      responseHeaders: { "x-answer": "yes" },
    });
    expect(attempt).not.toHaveProperty("statusCode");
  });

  const DAY_S = 86_400;
  const policy = { maxAttempts: 6, delaysSeconds: [5, 30], timeoutSeconds: 25 };
  const without = (key: string, input: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(input).filter(([name]) => name !== key));
  const change = (extra: Record<string, unknown>) => ({ ...skeduloShaped(), ...extra });
  const deferred = (extra: Record<string, unknown> = {}) => ({
    name: "Reminder",
    url: receiver.url("/d"),
    type: "graphql_deferred",
    query: "subscription { jobs { UID Start } }",
    field: "Start",
    offset: 0,
    ...extra,
  });
  const scheduled = () => ({ name: "Nightly", url: receiver.url("/c"), type: "scheduled" });

  it.each<[string, () => Record<string, unknown>, string]>([
    ["a header name with a space", () => change({ headers: { "X Key": "v" } }), "headers.X Key"],
    [
      "a line break in a header value",
      () => change({ headers: { "X-Key": "a\r\nb" } }),
      "headers.X-Key",
    ],
    ["a number as a header value", () => change({ headers: { "X-Count": 5 } }), "headers.X-Count"],
    ["headers that are not an object", () => change({ headers: ["X-Key"] }), "headers"],
    ["a URL that is not absolute", () => change({ url: "/hooks/jobs" }), "url"],
    ["an empty name", () => change({ name: "" }), "name"],
    ["no name", () => without("name", skeduloShaped()), "name"],
    ["no url", () => without("url", skeduloShaped()), "url"],
    ["no type", () => without("type", skeduloShaped()), "type"],
    ["a graphql hook without query", () => without("query", skeduloShaped()), "query"],
    ["a deferred hook without query", () => without("query", deferred()), "query"],
    ["a deferred hook without field", () => without("field", deferred()), "field"],
    ["a deferred hook without offset", () => without("offset", deferred()), "offset"],
    ["a scheduled hook without cron", scheduled, "cron"],
    [
      "maxAttempts 0",
      () => change({ retryPolicy: { ...policy, maxAttempts: 0 } }),
      "retryPolicy.maxAttempts",
    ],
    [
      "maxAttempts 21",
      () => change({ retryPolicy: { ...policy, maxAttempts: 21 } }),
      "retryPolicy.maxAttempts",
    ],
    [
      "a delay under 1 s",
      () => change({ retryPolicy: { ...policy, delaysSeconds: [5, 0] } }),
      "retryPolicy.delaysSeconds.1",
    ],
    [
      "a delay over 7 days",
      () => change({ retryPolicy: { ...policy, delaysSeconds: [7 * DAY_S + 1] } }),
      "retryPolicy.delaysSeconds.0",
    ],
    [
      "a timeout under 1 s",
      () => change({ retryPolicy: { ...policy, timeoutSeconds: 0 } }),
      "retryPolicy.timeoutSeconds",
    ],
    [
      "a timeout over 60 s",
      () => change({ retryPolicy: { ...policy, timeoutSeconds: 61 } }),
      "retryPolicy.timeoutSeconds",
    ],
    ["an unknown variable in the url", () => change({ url: "https://{{ HOST }}/x" }), "url"],
    [
      "an unknown variable in a header",
      () => change({ headers: { "X-Key": "{{ KEY }}" } }),
      "headers.X-Key",
    ],
  ])("refuses %s with a field_error on its path", async (_, input, path) => {
    const response = await call(create, { token: admin, json: input(), path: "/webhooks" });

    expect(response.status).toBe(400);
    expect(response.body.errorType).toBe("field_error");
    expect(z(response.body.errors).map((error) => error.path)).toEqual([path]);
  });

  it("accepts the limits of a retry policy", async () => {
    const limits = { maxAttempts: 20, delaysSeconds: [1, 7 * DAY_S], timeoutSeconds: 60 };
    const response = await call(create, { token: admin, json: change({ retryPolicy: limits }) });

    expect(response.status).toBe(201);
    expect(response.body.result).toMatchObject({ retryPolicy: limits });
  });
});
