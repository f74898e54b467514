import { describe, expect, inject, it } from "vitest";
import { enableTwoStep, seededAdmin, signInByEmail } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, asPerson, call, contextAs, type Person } from "./people";

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
  return { ...asPerson(tokens), email };
}

describe("two-step sign-in", () => {
  it("a person turns it on and signs in again with a code", async () => {
    const admin = await newAccount();
    const context = await contextAs(newContext, admin);
    const { page, errors } = await openPage(context);
    const { secret, at } = await enableTwoStep(page);

    await page.getByRole("button", { name: "Sign out here" }).click();
    expect(appErrors(errors)).toEqual([]);
    await context.close();

    // A fresh browser (contextAs puts the old session back on every page load) signs in by email.
    // The server answers mfa_required: the form asks for the code (not the enabling code's spent step).
    const fresh = await newContext();
    const { page: signin, errors: signinErrors } = await openPage(fresh);
    await signInByEmail(signin, { email: admin.email, password: PASSWORD }, { secret, spentAt: at });
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
