import { describe, expect, it } from "vitest";

import {
  parseHeaderText,
  visibleFields,
  webhookInput,
  type WebhookDraftText,
} from "./webhook-input";

const draft = (extra: Partial<WebhookDraftText> = {}): WebhookDraftText => ({
  type: "graphql",
  name: "Jobs",
  url: "https://example.com/hook",
  headers: "{}",
  query: "subscription { schemaJobs { operation } }",
  field: "Start",
  offset: "0",
  filter: "",
  cron: "0 * * * *",
  enabled: true,
  ...extra,
});

describe("the webhook form's input", () => {
  it("sends only the fields of the chosen type", () => {
    expect(webhookInput(draft({ type: "scheduled" }))).toEqual({
      ok: true,
      input: {
        type: "scheduled",
        name: "Jobs",
        url: "https://example.com/hook",
        headers: {},
        enabled: true,
        cron: "0 * * * *",
      },
    });
  });

  it("sends a deferred offset as a number and an empty filter as null", () => {
    const built = webhookInput(draft({ type: "graphql_deferred", offset: "-3600000" }));

    expect(built).toMatchObject({ ok: true, input: { offset: -3_600_000, filter: null } });
  });

  it("refuses headers that are not a JSON object of strings, and an offset that is not whole", () => {
    expect(parseHeaderText("[1]")).toMatchObject({ ok: false });
    expect(parseHeaderText('{"X-Count": 3}')).toEqual({
      ok: false,
      message: "X-Count: the value must be a string",
    });
    expect(parseHeaderText("not json")).toMatchObject({ ok: false });
    expect(parseHeaderText("")).toEqual({ ok: true, value: {} });

    const built = webhookInput(draft({ type: "graphql_deferred", offset: "1.5", headers: "{" }));
    expect(built.ok ? [] : Object.keys(built.issues).sort()).toEqual(["headers", "offset"]);
  });

  it("lists the fields each type shows, so other issues go to the form alert", () => {
    expect(visibleFields("scheduled")).toContain("cron");
    expect(visibleFields("scheduled")).not.toContain("query");
    expect(visibleFields("graphql_deferred")).toEqual(expect.arrayContaining(["field", "offset"]));
  });
});
