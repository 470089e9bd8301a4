import { expect, test } from "@playwright/test";

import { ADMIN, PASSWORD, openSignIn, signIn, submitSignIn, uniqueEmail } from "./support";

const WRONG = "Wrong email or password.";

test("[AUTH][SIGN-OUT]: signing out returns to the sign-in page and closes the console", async ({
  page,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
});

test("[AUTH][SIGN-IN]: a wrong password shows the server's message and stays on the form", async ({
  page,
}) => {
  await openSignIn(page);
  await submitSignIn(page, ADMIN.email, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
});

test("[AUTH][LOCKOUT]: five wrong passwords lock an email, even against the right password", async ({
  page,
  browser,
  baseURL,
}) => {
  // A user of its own, so the admin that other tests sign in as stays open.
  const email = uniqueEmail("locked");
  await signIn(page, ADMIN.email, ADMIN.password);
  const created = await page.request.post("/api/users", {
    // A cookie-authenticated write must name our own origin, as a browser does.
    headers: { origin: baseURL ?? "" },
    data: { name: "Lou Locked", email, password: PASSWORD, role: "viewer" },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ baseURL });
  try {
    const other = await context.newPage();
    await openSignIn(other);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await submitSignIn(other, email, `wrong-password-${attempt}`);
      await expect(other.getByRole("main").getByRole("alert")).toHaveText(WRONG);
    }

    await submitSignIn(other, email, PASSWORD);
    await expect(other.getByRole("main").getByRole("alert")).toHaveText(
      /^Too many failed sign-ins for this email\. It is locked until \d\d:\d\d UTC \(15 more minutes\)\.$/,
    );
    await expect(other).toHaveURL(/\/signin$/);
  } finally {
    await context.close();
  }
});
