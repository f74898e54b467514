import { describe, expect, inject, it } from "vitest";
import { totpCode } from "../../../workers/identity/totp";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, type Person } from "./people";

// Two-step sign-in as a person would: a NEW account (the seeded admin is shared with other files
// that sign in with a password only) turns it on from the account page with a code computed here,
// signs out and signs in again with email, password and a code. Then the seeded admin (read only)
// finds the audit log's hash chain valid in the console.

const base = inject("baseUrl");
const newContext = useBrowser(base);
const PASSWORD = "Operat0r-Mfa-2026";

async function newAccount(): Promise<Person & { email: string }> {
  const email = `mfa-${Date.now()}-${Math.floor(Math.random() * 1e6)}@tchat.test`;
  const tokens = await call("/api/v1/auth/register", {
    body: { email, password: PASSWORD, displayName: "MFA Person", country: "SG", locale: "en" },
  });
  return {
    email,
    id: tokens.user.id,
    localPhone: "",
    token: tokens.accessToken,
    session: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    },
  };
}

async function seededAdmin(): Promise<Person> {
  const tokens = await call("/api/v1/auth/login", {
    body: { email: "admin@tchat.example", password: "Admin-Tchat-2026" },
  });
  return {
    id: tokens.user.id,
    localPhone: "",
    token: tokens.accessToken,
    session: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    },
  };
}

describe("two-step sign-in", () => {
  it("a person turns it on and signs in again with a code", async () => {
    const admin = await newAccount();
    const context = await contextAs(newContext, admin);
    const { page, errors } = await openPage(context);
    await page.goto("/account");
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await expect.poll(() => page.getByTestId("qr").count()).toBe(1);
    const secret = (await page.getByTestId("mfa-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const enabledAt = Date.now();
    await page.getByLabel("Code from the app").fill(await totpCode(secret, enabledAt));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect.poll(() => page.getByTestId("mfa-recovery-codes").locator("code").count()).toBe(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect.poll(() => page.getByTestId("mfa-state").textContent()).toBe("Two-step sign-in is on.");

    await page.getByRole("button", { name: "Sign out here" }).click();
    expect(appErrors(errors)).toEqual([]);
    await context.close();

    // A fresh browser (contextAs puts the old session back on every page load) signs in by email.
    const fresh = await newContext();
    const { page: signin, errors: signinErrors } = await openPage(fresh);
    await signin.goto("/signin");
    await signin.getByRole("button", { name: "Email", exact: true }).click();
    await signin.getByLabel("Email address").fill(admin.email);
    await signin.getByLabel("Password").fill(PASSWORD);
    await signin.getByRole("button", { name: "Sign in", exact: true }).click();
    // The server answers mfa_required: the form asks for the code. The enabling code's step is spent,
    // so the next step's code (accepted one step early for clock drift) signs in.
    const codeField = signin.getByLabel("Code from the app");
    await codeField.waitFor();
    await codeField.fill(await totpCode(secret, enabledAt + 30_000));
    await signin.getByRole("button", { name: "Sign in", exact: true }).click();
    await signin.waitForURL((url) => !url.pathname.startsWith("/signin"));
    expect(appErrors(signinErrors)).toEqual([]);
    await fresh.close();
  });

  it("the audit log page shows the chain valid and filters by type", async () => {
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops/audit");
    await expect.poll(() => page.getByTestId("audit-verification").textContent(), { timeout: 20_000 }).toBe("Valid");
    await page.getByLabel("Type").selectOption("mfa_enabled");
    await expect.poll(() => page.getByTestId("audit-events").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
