import { createServer, type Socket } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { GET as health } from "@/app/api/health/route";
import { VERSION } from "@/lib/config";
import { createDb, getDb, type Db } from "@/lib/db";

import { call, sessionCookie } from "./helpers";

/** A TCP port that accepts connections and never says a word: a hung database. */
async function silentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");

  return {
    url: `postgresql://tripline@127.0.0.1:${address.port}/hung`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const globalForDb = globalThis as { triplineDb?: Db };
const realDb = getDb();

afterEach(() => {
  globalForDb.triplineDb = realDb;
});

describe("GET /api/health", () => {
  it("answers ok with the version when the database answers", async () => {
    const response = await call(health);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok", version: VERSION });
  });

  it("answers 503 when the database is unreachable", async () => {
    const unreachable = createDb({ kind: "postgresql", url: "postgresql://127.0.0.1:1/none" });
    globalForDb.triplineDb = unreachable;
    try {
      const response = await call(health);

      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: "error", database: "unreachable", version: VERSION });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("answers 503 within the probe's limit when the database hangs, even with a session", async () => {
    const hung = await silentServer();
    const db = createDb({ kind: "postgresql", url: hung.url });
    globalForDb.triplineDb = db;
    try {
      const started = Date.now();
      const response = await call(health, {
        headers: { cookie: await sessionCookie("00000000-0000-4000-8000-000000000000") },
      });

      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: "error", database: "unreachable", version: VERSION });
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      hung.close();
      void db.$disconnect();
    }
  }, 15_000);
});
