import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { totpCode } from "../../../workers/identity/totp";
import { asPerson, type Person } from "./people";

// The seeded admin (workers/dev/seed.ts), as the operator-console tests sign in: through the API
// for a session to put in a browser (contextAs), or on /signin as a person would, with a code
// from their authenticator app once two-step sign-in is on.

export const ADMIN_EMAIL = "admin@tchat.example";
export const ADMIN_PASSWORD = "Admin-Tchat-2026";

/** The seeded admin signed in by email and password through the API (two-step sign-in off). */
export async function seededAdmin(base: string = inject("baseUrl")): Promise<Person> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const text = await res.text();
  expect(res.ok, `admin sign-in: ${res.status} ${text.slice(0, 300)}`).toBe(true);
  return asPerson(JSON.parse(text));
}

/**
 * Signs in on /signin with email and password; when the server asks for the code from the app
 * (two-step sign-in on), types the TOTP code of `totp.secret` for now, or for the next step when
 * now is still in the step of the code spent at `totp.spentAt` (the server accepts a code one step
 * early for clock drift, and each step's code once). Waits until the app has left /signin.
 */
export async function signInByEmail(
  page: Page,
  credentials: { email: string; password: string },
  totp?: { secret: string; spentAt: number },
): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Email", exact: true }).click();
  await page.getByLabel("Email address").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (totp) {
    const codeField = page.getByLabel("Code from the app");
    await codeField.waitFor();
    await codeField.fill(await totpCode(totp.secret, Math.max(Date.now(), totp.spentAt + 30_000)));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/**
 * Turns two-step sign-in on from /account as a person does: reads the shown secret, types the
 * code for now, keeps the recovery codes. Returns the secret and the moment whose step was spent.
 */
export async function enableTwoStep(page: Page): Promise<{ secret: string; at: number }> {
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect.poll(() => page.getByTestId("qr").count()).toBe(1);
  const secret = (await page.getByTestId("mfa-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const at = Date.now();
  await page.getByLabel("Code from the app").fill(await totpCode(secret, at));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect.poll(() => page.getByTestId("mfa-recovery-codes").locator("code").count()).toBe(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect.poll(() => page.getByTestId("mfa-state").textContent()).toBe("Two-step sign-in is on.");
  return { secret, at };
}
