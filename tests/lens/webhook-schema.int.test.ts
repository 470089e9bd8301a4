import { beforeEach, describe, expect, it } from "vitest";

import { GET as deferredSchemaRoute } from "@/app/webhooks/deferred/schema/route";
import { GET as schemaRoute } from "@/app/webhooks/schema/route";
import { validateWebhookQuery, type WebhookQueryCheck } from "@/lib/lens";

import { BASE, makeToken, resetDatabase } from "../helpers";

async function getText(handler: typeof schemaRoute, path: string, token?: string) {
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const { NextRequest } = await import("next/server");
  const response = await handler(new NextRequest(`${BASE}${path}`, { headers }));

  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text: await response.text(),
  };
}

function errorsOf(check: WebhookQueryCheck) {
  return check.ok ? [] : check.errors;
}

describe("schema endpoints", () => {
  beforeEach(resetDatabase);

  it("GET /webhooks/schema answers the subscription schema as SDL to a viewer", async () => {
    const { token } = await makeToken("viewer");
    const response = await getText(schemaRoute, "/webhooks/schema", token);

    expect(response.status).toBe(200);
    expect(response.type).toBe("text/plain; charset=utf-8");
    expect(response.text).toContain("enum Operation {\n  INSERT\n  UPDATE\n  DELETE\n}");
    expect(response.text).toContain("schemaJobs(");
    expect(response.text).toMatch(/schemaJobs\(\s*"""[^"]*"""\s*operation: \[Operation!\]/);
    expect(response.text).toContain("type JobsChange {");
    for (const name of ["Regions", "Accounts", "Contacts", "Resources", "JobAllocations"]) {
      expect(response.text).toContain(`schema${name}(`);
    }
  });

  it("GET /webhooks/deferred/schema answers one field per object", async () => {
    const { token } = await makeToken("viewer");
    const response = await getText(deferredSchemaRoute, "/webhooks/deferred/schema", token);

    expect(response.status).toBe(200);
    expect(response.text).toContain("jobs: Job!");
    expect(response.text).toContain("jobAllocations: JobAllocation!");
    expect(response.text).not.toContain("schemaJobs");
  });

  it("both need a signed-in caller", async () => {
    expect((await getText(schemaRoute, "/webhooks/schema")).status).toBe(401);
    expect((await getText(deferredSchemaRoute, "/webhooks/deferred/schema")).status).toBe(401);
  });
});

describe("validateWebhookQuery", () => {
  it("accepts a change subscription and reports its object, operations and filter", () => {
    const check = validateWebhookQuery(
      `subscription { schemaJobs(operation: [UPDATE, DELETE], filter: "JobStatus == 'Dispatched'") {
        operation timestamp data { UID Name JobStatus Region { Name } } previous { JobStatus } } }`,
      "graphql",
    );

    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.subscription).toMatchObject({
      object: "Jobs",
      operations: ["UPDATE", "DELETE"],
      filter: "JobStatus == 'Dispatched'",
    });
  });

  it("without operation or filter, every operation fires", () => {
    const check = validateWebhookQuery(
      `subscription { schemaRegions { data { Name } } }`,
      "graphql",
    );

    expect(check.ok && check.subscription).toMatchObject({
      object: "Regions",
      operations: ["INSERT", "UPDATE", "DELETE"],
      filter: null,
    });
  });

  it("accepts a deferred query", () => {
    const check = validateWebhookQuery(
      `subscription { jobs { UID Name Start } }`,
      "graphql_deferred",
    );

    expect(check.ok && check.subscription.object).toBe("Jobs");
  });

  it("a syntax error names its line and column", () => {
    expect(
      errorsOf(validateWebhookQuery(`subscription {\n  schemaJobs { data { UID }\n`, "graphql")),
    ).toEqual([{ message: "Syntax Error: Expected Name, found <EOF>.", line: 3, column: 1 }]);
  });

  it("an unknown field names its position", () => {
    const [error] = errorsOf(
      validateWebhookQuery(
        `subscription {\n  schemaJobs {\n    data { Colour }\n  }\n}`,
        "graphql",
      ),
    );

    expect(error).toMatchObject({ line: 3, column: 12 });
    expect(error?.message).toContain('Cannot query field "Colour" on type "Job"');
  });

  it("a query or a mutation is refused where its operation starts", () => {
    expect(errorsOf(validateWebhookQuery(`\n  query { schemaVersion }`, "graphql"))).toEqual([
      {
        message: "a webhook query is a subscription, e.g. subscription { schemaJobs { ... } }",
        line: 2,
        column: 3,
      },
    ]);
  });

  it("a change field in a deferred query is unknown, and the other way round", () => {
    expect(
      validateWebhookQuery(`subscription { schemaJobs { operation } }`, "graphql_deferred").ok,
    ).toBe(false);
    expect(validateWebhookQuery(`subscription { jobs { UID } }`, "graphql").ok).toBe(false);
  });

  it("variables are refused", () => {
    const [error] = errorsOf(
      validateWebhookQuery(
        `subscription($f: String) { schemaJobs(filter: $f) { operation } }`,
        "graphql",
      ),
    );

    expect(error).toMatchObject({
      message: "webhook queries take no variables",
      line: 1,
      column: 14,
    });
  });

  it("an EQL error in the filter points into the query text", () => {
    const query = `subscription {\n  schemaJobs(filter: "JobStatus == 'Queued' AND Colour == 1") { operation } }`;
    const [error] = errorsOf(validateWebhookQuery(query, "graphql"));

    // `Colour` is the filter's 27th character; the filter's first sits at column 23.
    expect(error?.message).toBe("filter: line 1, column 27: unknown field 'Colour'");
    expect(error).toMatchObject({ line: 2, column: 23 + 26 });
  });
});
