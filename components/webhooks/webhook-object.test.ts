import { describe, expect, it } from "vitest";

import { objectFromQuery, webhookObject } from "./webhook-object";

describe("the object a webhook listens to", () => {
  it("is the name after `schema` for change webhooks", () => {
    const query = "subscription { schemaJobs(operation: [UPDATE]) { operation data { UID } } }";
    expect(objectFromQuery("graphql", query)).toBe("Jobs");
  });

  it("is the capitalised root field for deferred webhooks", () => {
    expect(objectFromQuery("graphql_deferred", "subscription { jobAllocations { UID } }")).toBe(
      "JobAllocations",
    );
  });

  it("reads past an operation name, variables and comments", () => {
    const query =
      "# listens to jobs\nsubscription Watch {\n  # root\n  schemaRegions { operation }\n}";
    expect(objectFromQuery("graphql", query)).toBe("Regions");
  });

  it("is null for types without a query and for queries it cannot read", () => {
    expect(objectFromQuery("scheduled", undefined)).toBeNull();
    expect(objectFromQuery("inbound_sms", undefined)).toBeNull();
    expect(objectFromQuery("graphql", "subscription { jobs { UID } }")).toBeNull();
    expect(objectFromQuery("graphql", "query { schemaJobs { UID } }")).toBeNull();
  });

  it("prefers the API's own field when it is there", () => {
    expect(
      webhookObject({ type: "graphql", query: "subscription { schemaJobs { UID } }", object: "X" }),
    ).toBe("X");
    expect(webhookObject({ type: "graphql", query: "subscription { schemaJobs { UID } }" })).toBe(
      "Jobs",
    );
  });
});
