import { expect, test, type Page } from "@playwright/test";

import { ADMIN, signIn } from "./support";

/** Fills and submits a create form, then returns the new record's UID from the URL. */
async function create(page: Page, button: string, fill: () => Promise<void>): Promise<string> {
  await fill();
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/data\/\w+\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "created." })).toBeVisible();

  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

test("[DATA][EDIT]: editing a job on the Data page shows the change in the list", async ({
  page,
}) => {
  const regionName = `North ${Date.now().toString(36)}`;
  const description = `Fix the boiler ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);

  await test.step("create a region from the Data page", async () => {
    await page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Data" })
      .click();
    await page
      .getByRole("navigation", { name: "Objects" })
      .getByRole("link", { name: "Regions" })
      .click();
    await expect(page).toHaveURL(/\/data\?object=Regions$/);
    await expect(page.getByText("No regions yet")).toBeVisible();
    await page.getByRole("link", { name: "New region" }).click();
    await create(page, "Create region", async () => {
      await page.getByLabel("Name (required)").fill(regionName);
      await page.getByLabel("Timezone (required)").fill("Europe/London");
    });
    await expect(page.getByRole("heading", { level: 1, name: regionName })).toBeVisible();
  });

  const jobName = await test.step("create a job in that region", async () => {
    await page.goto("/data?object=Jobs");
    await page.getByRole("link", { name: "New job" }).click();
    await page.getByRole("button", { name: "Create job" }).click();
    // The form says what is missing before anything is sent.
    await expect(page.getByText("Required", { exact: true })).toHaveCount(2);

    await create(page, "Create job", async () => {
      await page.getByLabel("Region (required)").selectOption({ label: regionName });
      await page.getByLabel("Duration (required)").fill("60");
      await page.getByLabel("Description").fill(description);
    });
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(/^JOB-\d+$/);
    await expect(page.getByLabel("JobStatus")).toHaveValue("Queued");

    return (await heading.textContent()) ?? "";
  });

  await test.step("change JobStatus to Dispatched and save", async () => {
    await page.getByLabel("JobStatus").selectOption("Dispatched");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page.getByLabel("JobStatus")).toHaveValue("Dispatched");
  });

  await test.step("the list shows the job as Dispatched, with its region by name", async () => {
    await page.getByRole("link", { name: "All jobs" }).click();
    await expect(page).toHaveURL(/\/data\?object=Jobs$/);
    const row = page.getByRole("row").filter({ hasText: jobName });
    await expect(row).toContainText("Dispatched");
    await expect(row).toContainText(regionName);
  });

  const filter = page.getByRole("textbox", { name: "Filter" });
  const rows = page.getByRole("table", { name: "Jobs" }).locator("tbody tr");

  await test.step("filtering on JobStatus == 'Dispatched' finds exactly that job", async () => {
    await filter.fill("JobStatus == 'Dispatched'");
    await filter.press("Enter");
    await expect(page).toHaveURL(/filter=JobStatus/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(jobName);
    await expect(page.getByText("1–1 of 1")).toBeVisible();

    await filter.fill("JobStatus == 'Cancelled'");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No jobs match this filter.")).toBeVisible();
  });

  await test.step("a bad filter shows where it went wrong", async () => {
    await filter.fill("JobStatus ==");
    await filter.press("Enter");
    const problem = page.getByRole("alert").filter({ hasText: /Line 1, column \d+:/ });
    await expect(problem).toBeVisible();
    await expect(problem.getByTestId("filter-error-excerpt")).toContainText("^");
    await expect(filter).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("Back returns to the working filter", async () => {
    await page.goBack();
    await expect(filter).toHaveValue("JobStatus == 'Cancelled'");
    await expect(page.getByRole("alert").filter({ hasText: /Line 1, column/ })).toHaveCount(0);
    await expect(page.getByText("No jobs match this filter.")).toBeVisible();
  });
});

test("[GRAPHQL][CONSOLE]: the GraphQL page runs the example query and lists errors", async ({
  page,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/graphql/explorer");
  const query = page.getByLabel("Query");
  const result = page.getByTestId("graphql-result");

  await test.step("Ctrl+Enter runs the preloaded query", async () => {
    await expect(query).toHaveValue(/jobs\(filter: \$filter/);
    await expect(page.getByRole("button", { name: "Run" })).toBeEnabled();
    await query.press("Control+Enter");
    await expect(result).toContainText('"totalCount"');
  });

  await test.step("errors are listed with their place", async () => {
    await query.fill('{ jobs(filter: "JobStatus ==") { totalCount } }');
    await page.getByRole("button", { name: "Run" }).click();
    const errors = page.getByRole("alert").filter({ hasText: "The request returned errors" });
    await expect(errors).toContainText(/line 1, column \d+/);
    await expect(errors).toContainText("at jobs");
  });
});

test("[DATA][DELETE]: a record is deleted only after confirming, and it leaves the list", async ({
  page,
}) => {
  const lastName = `Leaving ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/data?object=Contacts");
  await page.getByRole("link", { name: "New contact" }).click();
  await create(page, "Create contact", async () => {
    await page.getByLabel("LastName (required)").fill(lastName);
  });
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const dialog = page.getByRole("dialog", { name: `Delete “${title}”?` });

  await test.step("cancelling the confirmation keeps the contact", async () => {
    await page.getByRole("button", { name: "Delete contact" }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("hooks watching Contacts see a DELETE");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });

  await test.step("confirming deletes it and returns to a list without it", async () => {
    await page.getByRole("button", { name: "Delete contact" }).click();
    await dialog.getByRole("button", { name: "Delete contact" }).click();
    await expect(page).toHaveURL(/\/data\?object=Contacts$/);
    const list = page
      .getByRole("table", { name: "Contacts" })
      .or(page.getByText("No contacts yet"));
    await expect(list).toBeVisible();
    await expect(page.getByText(lastName)).toHaveCount(0);
    await page.reload();
    await expect(list).toBeVisible();
    await expect(page.getByText(lastName)).toHaveCount(0);
  });
});
