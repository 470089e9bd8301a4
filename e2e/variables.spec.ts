import { expect, test } from "@playwright/test";

import { ADMIN, signIn } from "./support";

test("[VARIABLES][DELETE]: an admin deletes a configuration variable after confirming", async ({
  page,
}) => {
  const name = `E2E_${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/variables");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Value").fill("s3cret");
  await page.getByRole("button", { name: "Save variable" }).click();
  const list = page.getByRole("region", { name: "Variables" });
  await expect(list.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText("s3cret")).toHaveCount(0);

  await list.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete {{ ${name} }}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(list.getByText(name, { exact: true })).toBeVisible();

  await list.getByRole("button", { name: `Delete ${name}` }).click();
  await dialog.getByRole("button", { name: "Delete variable" }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByText(name, { exact: true })).toHaveCount(0);
});
