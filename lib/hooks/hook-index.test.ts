import { describe, expect, it } from "vitest";

import { HookIndex } from "./hook-index";
import type { WebhookRow } from "./webhook-row";

const OBJECTS = ["Jobs", "Resources", "Contacts", "Regions"] as const;

function row(n: number, overrides: Partial<WebhookRow> = {}): WebhookRow {
  const object = OBJECTS[n % OBJECTS.length] ?? "Jobs";

  return {
    id: `hook-${n}`,
    name: `hook ${n}`,
    url: "https://example.com/hook",
    type: "graphql",
    headers: "{}",
    enabled: true,
    query: `subscription { schema${object} { data { UID } } }`,
    object,
    field: null,
    offsetMs: null,
    filter: null,
    cron: null,
    lastTickAt: null,
    retryPolicy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe("the hook index", () => {
  it("hands an event only the hooks of its own object, however many others there are", () => {
    const index = new HookIndex(Array.from({ length: 1000 }, (_, n) => row(n)));

    for (const object of OBJECTS) {
      const hooks = index.forChange(object);
      expect(hooks).toHaveLength(250);
      expect(hooks.every((hook) => hook.object === object)).toBe(true);
    }
    expect(index.forChange("JobAllocations")).toEqual([]);
  });

  it("keeps change, deferred and scheduled hooks apart", () => {
    const index = new HookIndex([
      row(0),
      row(1, {
        id: "deferred",
        type: "graphql_deferred",
        query: "subscription { jobs { UID Start } }",
        object: "Jobs",
        field: "Start",
        offsetMs: BigInt(-3_600_000),
      }),
      row(2, { id: "cron", type: "scheduled", query: null, object: null, cron: "*/5 * * * *" }),
    ]);

    expect(index.forChange("Jobs").map((hook) => hook.id)).toEqual(["hook-0"]);
    expect(index.forDeferred("Jobs").map((hook) => hook.id)).toEqual(["deferred"]);
    expect(index.scheduled.map((hook) => hook.id)).toEqual(["cron"]);
    expect([...index.byId.keys()].sort()).toEqual(["cron", "deferred", "hook-0"]);
  });
});
