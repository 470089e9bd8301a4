import { expect, test } from "@playwright/test";

import { ADMIN, openSignIn } from "./support";

test("[AUTH][KEYBOARD]: the sign-in form can be filled and submitted with the keyboard alone", async ({
  page,
}) => {
  await openSignIn(page);
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });

  // The email field has focus on arrival; Tab walks the form in order.
  await expect(email).toBeFocused();
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press("Tab");
  await expect(password).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  // Keyboard focus must be visible.
  await expect(submit).toHaveCSS("outline-style", "solid");

  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
});
