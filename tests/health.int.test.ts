import { afterEach, describe, expect, it } from "vitest";

import { GET as health } from "@/app/api/health/route";
import { VERSION } from "@/lib/config";
import { createDb, getDb, type Db } from "@/lib/db";

import { call } from "./helpers";

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
});
