import { expect, test } from "@playwright/test";

import { ADMIN, PASSWORD, bearer, createTokenInUi, signIn, uniqueEmail, whoAmI } from "./support";

test("[ROLES][VIEWER]: a viewer's token cannot add users until an admin promotes the viewer", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const viewer = { name: `Vera Viewer ${Date.now().toString(36)}`, email: uniqueEmail("vera") };
  const newUser = () => ({
    name: "Made By Token",
    email: uniqueEmail("made"),
    password: PASSWORD,
    role: "viewer",
  });
  const roleOf = (name: string) => page.getByRole("combobox", { name: `Role of ${name}` });

  await test.step("the admin adds a viewer on the Users page", async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Users" })
      .click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const form = page.getByRole("region", { name: "Add a user" });
    await form.getByLabel("Name").fill(viewer.name);
    await form.getByLabel("Email").fill(viewer.email);
    await form.getByLabel("Password").fill(PASSWORD);
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("status")).toContainText(`Added ${viewer.name}`);
    await expect(roleOf(viewer.name)).toHaveValue("viewer");
  });

  await test.step("the same email cannot be added twice", async () => {
    const form = page.getByRole("region", { name: "Add a user" });
    await form.getByLabel("Name").fill("Someone Else");
    await form.getByLabel("Email").fill(viewer.email);
    await form.getByLabel("Password").fill(PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    const alert = form.getByRole("alert");
    await expect(alert).toContainText("The user was not added");
    await expect(alert).toContainText("A user with this email already exists.");
    const email = form.getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("Already in use");
    await expect(email).toBeFocused();
  });

  await test.step("the last admin cannot be demoted, and the console says why", async () => {
    await roleOf(ADMIN.name).selectOption("viewer");
    const row = page.getByRole("row").filter({ hasText: ADMIN.email });
    await expect(row).toContainText(/the last admin cannot be demoted/i);
    await expect(roleOf(ADMIN.name)).toHaveValue("admin");
  });

  const context = await browser.newContext({ baseURL });
  try {
    const viewerPage = await context.newPage();

    const token =
      await test.step("the viewer signs in, has no Users page, makes a token", async () => {
        await signIn(viewerPage, viewer.email, PASSWORD);
        const nav = viewerPage.getByRole("navigation", { name: "Console" });
        await expect(nav.getByRole("link", { name: "API tokens" })).toBeVisible();
        await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

        await viewerPage.goto("/users");
        await expect(viewerPage.getByText("Admins only")).toBeVisible();

        await viewerPage.goto("/tokens");
        await expect(viewerPage.getByText("No active tokens.")).toBeVisible();

        return createTokenInUi(viewerPage, "viewer script");
      });

    await test.step("the viewer's token reads /api/me but may not add users", async () => {
      const me = await whoAmI(request, token);
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({ result: { email: viewer.email, role: "viewer" } });

      const refused = await request.post("/api/users", { headers: bearer(token), data: newUser() });
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toMatchObject({ errorType: "forbidden" });
    });

    await test.step("once the admin makes the viewer an admin, the same token adds users", async () => {
      await roleOf(viewer.name).selectOption("admin");
      const row = page.getByRole("row").filter({ hasText: viewer.email });
      await expect(row.getByText("Saved.")).toBeVisible();

      const created = await request.post("/api/users", { headers: bearer(token), data: newUser() });
      expect(created.status()).toBe(201);
    });
  } finally {
    await context.close();
  }
});
