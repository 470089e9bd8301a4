import { expect, test } from "@playwright/test";

import { ADMIN, createTokenInUi, signIn, whoAmI } from "./support";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("[TOKENS][LIFECYCLE]: a token made in the console works over the API until it is revoked there", async ({
  page,
  request,
}) => {
  const name = `lifecycle ${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);

  const token = await test.step("create a token and read it from the one-time panel", async () => {
    const value = await createTokenInUi(page, name);
    const panel = page.getByRole("region", { name: `Token “${name}” created` });
    await expect(panel).toContainText("it will not be shown again");

    await panel.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(panel.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${value.slice(0, 11)}…`);
    await expect(row).toContainText("never");

    return value;
  });

  await test.step("the token authenticates GET /api/me as its owner", async () => {
    const response = await whoAmI(request, token);
    expect(response.status()).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ result: { email: ADMIN.email, role: "admin", via: "token" } });
  });

  await test.step("a reload does not show the token again", async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(page.getByRole("region", { name: /created/ })).toHaveCount(0);
  });

  await test.step("the confirmation dialog can be dismissed with Escape", async () => {
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  });

  await test.step("revoking in the dialog removes the row", async () => {
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  });

  await test.step("the revoked token now gets 401 with the error body", async () => {
    const response = await whoAmI(request, token);
    expect(response.status()).toBe(401);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      errorType: "unauthorized",
      message: expect.any(String),
      errorId: expect.any(String),
    });
  });
});
