import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The first admin, made by the setup test; every other test signs in as them. */
export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.com",
  password: "correct-horse-battery",
};

export const PASSWORD = "another-long-password";

/** An email no other test (or earlier run on the same data) uses. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/**
 * Opens the sign-in page once its form can submit: the button stays disabled
 * until the page is hydrated.
 */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

/** Submits the sign-in form and waits for next-auth's answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes("/api/auth/callback/credentials") &&
      response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await openSignIn(page);
  await submitSignIn(page, email, password);
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
}

/** Creates a token on the tokens page and returns it, read from the one-time panel. */
export async function createTokenInUi(page: Page, name: string): Promise<string> {
  await page.goto("/tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const panel = page.getByRole("region", { name: `Token “${name}” created` });
  await expect(panel).toBeVisible();
  const token = (await panel.locator("code").textContent()) ?? "";
  expect(token).toMatch(/^tl_[A-Za-z0-9_-]{20,}$/);

  return token;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** Calls GET /api/me with a token and no cookies. */
export async function whoAmI(request: APIRequestContext, token: string) {
  return request.get("/api/me", { headers: bearer(token) });
}
