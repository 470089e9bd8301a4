import { expect, test } from "@playwright/test";
import { z } from "zod";

import { Receiver } from "../tests/delivery/receiver";
import { ADMIN, signIn } from "./support";

// Needs the server started with TRIPLINE_ALLOWED_TARGETS=127.0.0.0/8,::1/128 and
// TRIPLINE_ALLOW_HTTP=true, and the hooks loop running inside `npm start`.
test("[WEBHOOKS][FIRE]: a webhook made in the console delivers a job change and shows the response", async ({
  page,
}) => {
  const receiver = await new Receiver().start();
  receiver.on("/hook", (_, response) => response.end("received-by-e2e"));
  const name = `Jobs ${Date.now().toString(36)}`;
  try {
    await signIn(page, ADMIN.email, ADMIN.password);

    await test.step("create the webhook in the console", async () => {
      await page
        .getByRole("navigation", { name: "Console" })
        .getByRole("link", { name: "Webhooks" })
        .click();
      await page.getByRole("link", { name: "New webhook" }).click();
      await page.getByLabel("Name").fill(name);
      await page.getByLabel("URL").fill(receiver.url("/hook"));
      await page
        .getByLabel("Query")
        .fill(
          "subscription { schemaJobs(operation: [UPDATE]) { operation data { UID Description } } }",
        );
      await page.getByRole("button", { name: "Create webhook" }).click();
      await expect(page).toHaveURL(/\/hooks\/webhooks\/[0-9a-f-]{36}$/);
    });
    const hookUrl = page.url();

    const jobId = await test.step("make a region and a job to edit", async () => {
      const origin = new URL(hookUrl).origin;
      const ZUid = z.object({ data: z.object({ schema: z.record(z.string(), z.string()) }) });
      const response = await page.request.post("/graphql", {
        data: {
          query: `mutation { schema {
            r: insertRegions(input: { Name: "E2E", Timezone: "UTC" }, idAlias: "R")
            j: insertJobs(input: { RegionId: "R", Duration: 30 }) } }`,
        },
        headers: { origin },
      });

      return ZUid.parse(await response.json()).data.schema.j ?? "";
    });

    await test.step("edit the job on the Data page", async () => {
      await page.goto(`/data/Jobs/${jobId}`);
      await page.getByLabel("Description").fill("boiler");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    });

    await test.step("the delivery and its response show on the webhook's page", async () => {
      await receiver.waitFor(1, "/hook");
      await page.goto(hookUrl);
      const deliveries = page.getByRole("table", { name: "Recent deliveries" });
      await expect(deliveries.getByText("success")).toBeVisible();
      const body: unknown = JSON.parse(receiver.at("/hook")[0]?.body ?? "null");
      expect(body).toMatchObject({
        data: { schemaJobs: { operation: "UPDATE", data: { UID: jobId, Description: "boiler" } } },
      });
      await expect(deliveries.getByText(/received-by-e2e/)).toBeVisible();
    });

    await test.step("the test-fire button shows the attempt's status, duration and response", async () => {
      await page.getByRole("button", { name: "Send test" }).click();
      const report = page.getByRole("status").filter({ hasText: "Test success" });
      await expect(report).toContainText(/status 200 in \d+ ms/);
      await expect(report).toContainText("received-by-e2e");
      const sample: unknown = JSON.parse(receiver.at("/hook")[1]?.body ?? "null");
      expect(sample).toMatchObject({ type: "test" });
    });
  } finally {
    await receiver.stop();
  }
});
