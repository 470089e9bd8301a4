import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { HttpThread } from "@/lib/delivery/http-thread";

import { Receiver } from "./receiver";

let receiver: Receiver;
const loopback = { allowHttp: true, allowedTargets: ["127.0.0.0/8"] };

beforeAll(async () => {
  receiver = await new Receiver().start();
  receiver.on("/created", (_, response) => {
    response.writeHead(201, { "x-answer": "yes" });
    response.end("made it");
  });
  receiver.on("/broken", (_, response) => {
    response.writeHead(500);
    response.end("no");
  });
  // Never answers: the call is still out when the thread is stopped.
  receiver.on("/hang", () => undefined);
});

afterAll(async () => {
  await receiver.stop();
});

function call(path: string, body = "{}") {
  return {
    url: new URL(receiver.url(path)),
    headers: { "content-type": "application/json", "x-sent": "1" },
    body,
    timeoutMs: 5_000,
  };
}

describe("the HTTP thread", () => {
  it("makes each call and answers with its status, headers and body", async () => {
    const thread = new HttpThread();
    try {
      const [created, broken] = await Promise.all([
        thread.post(call("/created", '{"n":1}'), loopback),
        thread.post(call("/broken"), loopback),
      ]);
      expect(created).toMatchObject({
        statusCode: 201,
        error: null,
        responseBody: "made it",
        refused: false,
      });
      expect(created.responseHeaders?.["x-answer"]).toBe("yes");
      expect(broken).toMatchObject({ statusCode: 500, error: "endpoint answered 500" });
      const sent = receiver.at("/created")[0];
      expect(sent?.body).toBe('{"n":1}');
      expect(sent?.headers["x-sent"]).toBe("1");
    } finally {
      await thread.close();
    }
  });

  it("checks in the thread's own connections where a name leads", async () => {
    const thread = new HttpThread();
    try {
      const before = receiver.received.length;
      // URLs are checked before they are sent (attempt.ts); the address a name
      // resolves to is checked as the connection opens, inside the thread.
      const byName = { ...call("/created"), url: new URL(`http://localhost:${receiver.port}/`) };
      const result = await thread.post(byName, { allowHttp: true, allowedTargets: [] });
      expect(result).toMatchObject({ statusCode: null, refused: true });
      expect(result.error).toMatch(/not a public address/);
      expect(receiver.received.length).toBe(before);
    } finally {
      await thread.close();
    }
  });

  it("makes its calls in process when the thread cannot start, since it sent nothing", async () => {
    const thread = new HttpThread("/nowhere");
    try {
      const first = await thread.post(call("/created", '{"n":2}'), loopback);
      expect(first).toMatchObject({ statusCode: 201, responseBody: "made it" });
      // Later calls go straight to the main thread.
      expect(await thread.post(call("/created"), loopback)).toMatchObject({ statusCode: 201 });
      expect(receiver.at("/created").some((request) => request.body === '{"n":2}')).toBe(true);
    } finally {
      await thread.close();
    }
  });

  it("ends calls still out as failures when it stops, and a new thread works", async () => {
    const thread = new HttpThread();
    const hanging = thread.post(call("/hang"), loopback);
    await receiver.waitFor(1, "/hang");
    await thread.close();
    expect(await hanging).toMatchObject({
      statusCode: null,
      error: "the HTTP thread stopped before the call ended: the engine stopped",
    });

    const next = new HttpThread();
    try {
      expect(await next.post(call("/created"), loopback)).toMatchObject({ statusCode: 201 });
    } finally {
      await next.close();
    }
  });
});
