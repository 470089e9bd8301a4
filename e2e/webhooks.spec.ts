import { expect, test, type Page } from "@playwright/test";
import { z } from "zod";

import { Receiver } from "../tests/delivery/receiver";
import { ADMIN, PASSWORD, signIn, uniqueEmail } from "./support";

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

    await test.step("the list shows the webhook with the object its query listens to", async () => {
      await page.goto("/hooks/webhooks");
      const table = page.getByRole("table", { name: "Webhooks" });
      await expect(table.getByRole("columnheader", { name: "Object" })).toBeVisible();
      const row = table.getByRole("row").filter({ hasText: name });
      await expect(row.getByRole("cell", { name: "Jobs", exact: true })).toBeVisible();
      await expect(row.getByRole("cell", { name: "graphql", exact: true })).toBeVisible();
    });

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

test("[WEBHOOKS][FORM]: the server's field errors show next to their fields, and focus moves to the first", async ({
  page,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/hooks/webhooks/new");
  await page.getByLabel("Name").fill(`Refused ${Date.now().toString(36)}`);
  await page.getByLabel("URL").fill("http://127.0.0.1:9/hook");
  await page.getByLabel("Headers (JSON)").fill('{"Connection": "close"}');
  await page.getByLabel("Query").fill("subscription { schemaNoSuchObject { operation } }");
  await page.getByRole("button", { name: "Create webhook" }).click();

  const headers = page.getByLabel("Headers (JSON)");
  await expect(headers).toHaveAttribute("aria-invalid", "true");
  await expect(headers).toHaveAccessibleDescription(/Connection: .*hop-by-hop/);
  await expect(headers).toBeFocused();
  const query = page.getByLabel("Query");
  await expect(query).toHaveAttribute("aria-invalid", "true");
  await expect(query).toHaveAccessibleDescription(/line 1, column \d+/i);
  await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  await expect(
    page.getByRole("alert").filter({ hasText: "The webhook was not saved" }),
  ).toContainText("Fix the fields marked below.");
  await expect(page).toHaveURL(/\/hooks\/webhooks\/new$/);
});

test("[WEBHOOKS][FORM]: a webhook form can be filled and saved with the keyboard alone", async ({
  page,
}) => {
  const receiver = await new Receiver().start();
  try {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/hooks/webhooks/new");
    const type = page.getByLabel("Type");
    await type.focus();
    await expect(type).toHaveCSS("outline-style", "solid");
    await type.selectOption("scheduled");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Name")).toBeFocused();
    await page.keyboard.type(`Hourly ${Date.now().toString(36)}`);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("URL")).toBeFocused();
    await page.keyboard.type(receiver.url("/tick"));
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Headers (JSON)")).toBeFocused();
    await page.keyboard.press("Tab");
    const cron = page.getByLabel("Cron (UTC)");
    await expect(cron).toBeFocused();
    await expect(cron).toHaveCSS("outline-style", "solid");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/hooks\/webhooks\/[0-9a-f-]{36}$/);
    await expect(
      page
        .getByRole("table", { name: "Recent deliveries" })
        .or(page.getByText(/No deliveries yet\./)),
    ).toBeVisible();
  } finally {
    await receiver.stop();
  }
});

test("[WEBHOOKS][GONE]: a 410 from the endpoint disables the webhook, the pages say why, and an admin turns it back on", async ({
  page,
}) => {
  const receiver = await new Receiver().start();
  receiver.on("/gone", (_, response) => {
    response.statusCode = 410;
    response.end("gone for good");
  });
  const name = `Gone ${Date.now().toString(36)}`;
  try {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/hooks/webhooks/new");
    await page.getByLabel("Type").selectOption("scheduled");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("URL").fill(receiver.url("/gone"));
    await page.getByRole("button", { name: "Create webhook" }).click();
    await expect(page).toHaveURL(/\/hooks\/webhooks\/[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test error" })).toContainText(
      /status 410 in \d+ ms/,
    );
    const banner = page.getByRole("status").filter({ hasText: "No deliveries are sent" });
    await expect(banner).toContainText("endpoint answered 410 Gone");

    await page.goto("/hooks/webhooks");
    const row = page.getByRole("table", { name: "Webhooks" }).getByRole("row").filter({
      hasText: name,
    });
    await expect(row).toContainText("disabled");
    await expect(row).toContainText("endpoint answered 410 Gone");

    await row.getByRole("link", { name }).click();
    await banner.getByRole("button", { name: "Enable again" }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByRole("definition").filter({ hasText: /^on$/ })).toBeVisible();
  } finally {
    await receiver.stop();
  }
});

test("[WEBHOOKS][VIEWER]: a viewer sees webhooks but no control that changes them or variables", async ({
  page,
  browser,
  baseURL,
}) => {
  const viewer = { email: uniqueEmail("wendy"), password: PASSWORD };
  await signIn(page, ADMIN.email, ADMIN.password);
  const origin = new URL(page.url()).origin;
  const made = await page.request.post("/api/users", {
    data: { name: "Wendy Viewer", role: "viewer", ...viewer },
    headers: { origin },
  });
  expect(made.status()).toBe(201);
  const hookName = `Seen by viewer ${Date.now().toString(36)}`;
  const hook = await page.request.post("/webhooks", {
    data: { name: hookName, type: "scheduled", url: "http://127.0.0.1:9/tick", cron: "0 0 * * *" },
    headers: { origin },
  });
  expect(hook.status()).toBeLessThan(300);

  const context = await browser.newContext({ baseURL });
  try {
    const viewerPage = await context.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto("/hooks/webhooks");
    const table = viewerPage.getByRole("table", { name: "Webhooks" });
    await expect(table).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "New webhook" })).toHaveCount(0);

    await table.getByRole("link", { name: hookName }).click();
    await expect(viewerPage.getByRole("region", { name: "Recent deliveries" })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: "Send test" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: "Delete" })).toHaveCount(0);

    await viewerPage.goto("/hooks/webhooks/new");
    await expect(viewerPage.getByText("Admins only")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Create webhook" })).toHaveCount(0);

    await viewerPage.goto("/variables");
    await expect(viewerPage.getByText("Admins only")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Save variable" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

/** Makes a scheduled webhook through the API and returns its id. */
async function makeScheduledHook(page: Page, name: string): Promise<string> {
  const made = await page.request.post("/webhooks", {
    data: { name, type: "scheduled", url: "http://127.0.0.1:9/tick", cron: "0 0 * * *" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(made.status()).toBeLessThan(300);

  return z.object({ result: z.object({ id: z.string() }) }).parse(await made.json()).result.id;
}

test("[WEBHOOKS][DELETE]: an admin deletes a webhook only after confirming, and it leaves the list", async ({
  page,
}) => {
  const name = `Doomed ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  const id = await makeScheduledHook(page, name);
  await page.goto(`/hooks/webhooks/${id}`);
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });

  await test.step("cancelling the confirmation leaves the webhook", async () => {
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  });

  await test.step("confirming deletes it and goes back to the list, which says so", async () => {
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await dialog.getByRole("button", { name: "Delete webhook" }).click();
    await expect(page).toHaveURL(/\/hooks\/webhooks\?deleted=/);
    await expect(page.getByRole("status").filter({ hasText: "Deleted the webhook" })).toContainText(
      name,
    );
    await expect(
      page.getByRole("table", { name: "Webhooks" }).or(page.getByText("No webhooks yet")),
    ).toBeVisible();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });
});

test("[WEBHOOKS][DELETE]: a delete the server refuses shows its error and keeps the dialog open", async ({
  page,
}) => {
  const name = `Deleted twice ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  const id = await makeScheduledHook(page, name);
  await page.goto(`/hooks/webhooks/${id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });

  // Someone else deletes it first, so the console's delete answers 404.
  const first = await page.request.delete(`/webhooks/${id}`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(first.status()).toBe(200);
  await dialog.getByRole("button", { name: "Delete webhook" }).click();

  await expect(dialog.getByRole("alert")).toContainText("not found");
  await expect(page).toHaveURL(new RegExp(`/hooks/webhooks/${id}$`));
});
