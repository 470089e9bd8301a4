import { expect, test } from "@playwright/test";

import { ADMIN } from "./support";

test("[SETUP][FIRST-ADMIN]: a fresh install sends visitors to setup, which makes the admin, signs them in and then closes", async ({
  page,
  browser,
  baseURL,
}) => {
  await test.step("a fresh install redirects / to /setup", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
    await expect(page.getByText("ADMIN_EMAIL")).toBeVisible();
  });

  await test.step("the form checks its fields before sending them", async () => {
    await expect(page.getByRole("button", { name: "Create admin and sign in" })).toBeEnabled();
    await page.getByLabel("Name").fill(ADMIN.name);
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Confirm password").fill("different");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByText("Must be an email address")).toBeVisible();
    await expect(page.getByText("Must be at least 10 characters")).toBeVisible();
    await expect(page.getByText("The two passwords differ.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("creating the first admin signs in and lands on the overview", async () => {
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("Confirm password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
    await expect(page.getByText(ADMIN.email).first()).toBeVisible();
  });

  await test.step("/setup afterwards redirects to /signin", async () => {
    const stranger = await browser.newContext({ baseURL });
    try {
      const other = await stranger.newPage();
      await other.goto("/setup");
      await expect(other).toHaveURL(/\/signin$/);
      await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
    } finally {
      await stranger.close();
    }
  });
});
