import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, smsCode, thaiMobile } from "./people";

// Sign-in and the account page in a real browser against the seeded e2e server: phone codes read
// from the dev outbox, email accounts, devices signed in, the live notifications bell, the address
// book, the data export and closing the account.

const base = inject("baseUrl");
const newContext = useBrowser(base);

const PASSWORD = "Sawasdee2026";

/** What the server answers to an input, in English: the words the page must show. */
async function problemDetail(path: string, body: unknown): Promise<string> {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": "en" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  return ((await res.json()) as { detail: string }).detail;
}

/** Creates an account on the "New account" tab of /signin. */
async function signUpByEmail(page: Page, name: string, email: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/account$/);
  await page.getByRole("heading", { level: 2, name: "Profile" }).waitFor();
}

const newEmail = () => `web-${crypto.randomUUID().slice(0, 8)}@example.com`;

describe("web app: sign-in", () => {
  it("signs in by phone: the server's words under the field for a bad number and a wrong code, then the code from the SMS", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto("/account");
    // A guest is sent to sign in, and brought back after.
    await page.waitForURL(/\/signin\?next=%2Faccount/);
    await page.getByLabel("Country").selectOption("ID");
    expect(await page.locator("#otp-phone-hint").innerText()).toContain("+62");
    await page.getByLabel("Country").selectOption("TH");
    expect(await page.locator("#otp-phone-hint").innerText()).toContain("+66");

    await page.getByLabel("Mobile number").fill("12345");
    await page.getByRole("button", { name: "Send me a code" }).click();
    const expected = await problemDetail("/api/v1/auth/otp/request", { phone: "12345", country: "TH", locale: "en" });
    const phoneError = page.locator("#otp-phone-error");
    await phoneError.waitFor();
    expect(await phoneError.innerText()).toBe(expected);
    expect(await page.getByLabel("Mobile number").getAttribute("aria-invalid")).toBe("true");

    const phone = thaiMobile();
    await page.getByLabel("Mobile number").fill(phone.national);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByText(`We sent a 6-digit code by SMS to ${phone.national}.`).waitFor();
    const code = await smsCode(base, phone.e164);
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("Code from the SMS").fill(wrong);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const codeError = page.locator("#otp-code-error");
    await codeError.waitFor();
    expect(await codeError.innerText()).not.toBe("");
    expect(page.url()).toContain("/signin");

    await page.getByLabel("Code from the SMS").fill(code);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/account$/);
    await page.getByRole("heading", { level: 2, name: "Profile" }).waitFor();
    await page.getByText(phone.e164, { exact: true }).waitFor();
    // The profile shows the account's language (English, asked in), not the list's first one.
    expect(await page.locator("#profile-locale").inputValue()).toBe("en");
    expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(0);

    // Profile: a new name and time zone, kept by the server (seen again after a reload).
    await page.getByLabel("Your name").fill("Somchai Web");
    await page.getByLabel("Time zone").fill("Asia/Jakarta");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Profile" }).waitFor();
    expect(await page.getByLabel("Your name").inputValue()).toBe("Somchai Web");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Asia/Jakarta");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("email: sign-up refuses a weak password in the server's words; a second device signs in, rings the first one's bell, and is signed out from it", async () => {
    const first = await newContext("en-US");
    const { page, errors } = await openPage(first);
    const email = newEmail();
    await page.goto("/signin");
    await page.getByRole("button", { name: "New account" }).click();
    await page.getByLabel("Your name").fill("Malee Web");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("weakpassword");
    await page.getByRole("button", { name: "Create account" }).click();
    const passwordError = page.locator("#reg-password-error");
    await passwordError.waitFor();
    expect(await passwordError.innerText()).not.toBe("");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    // The bell's live stream opens as soon as the reader is signed in, before the other device signs in.
    const socket = page.waitForEvent("websocket", (ws) => ws.url().includes("/api/v1/realtime/ws"));
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account$/);
    await socket;
    const sessions = page.getByTestId("sessions");
    await sessions.locator("li").first().waitFor();
    expect(await sessions.locator("li").count()).toBe(1);
    await page.getByTestId("bell").waitFor();

    const second = await newContext("en-US");
    const other = await openPage(second);
    await other.page.goto("/signin");
    await other.page.getByRole("button", { name: "Email", exact: true }).click();
    await other.page.getByLabel("Email address").fill(email);
    await other.page.getByLabel("Password", { exact: true }).fill("Wrong-Password1");
    await other.page.getByRole("button", { name: "Sign in", exact: true }).click();
    const wrong = other.page.locator("#login-password-error");
    await wrong.waitFor();
    expect(await wrong.innerText()).toBe(
      await problemDetail("/api/v1/auth/login", { email: newEmail(), password: "Wrong-Password1" }),
    );
    await other.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await other.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.page.waitForURL(/\/account$/);
    await other.page.getByTestId("bell").waitFor();

    // The new device's sign-in reaches the first device live: the bell counts it, the list shows it.
    await page.getByTestId("bell-count").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("bell-count").innerText()).toBe("1");
    await page.getByTestId("bell").click();
    await page.waitForURL(/\/account\/notifications$/);
    await page.getByTestId("notifications").getByText("New sign-in to your account").waitFor();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByTestId("bell-count").waitFor({ state: "detached" });

    await page.goto("/account");
    await sessions.locator("li").nth(1).waitFor();
    expect(await sessions.locator("li").count()).toBe(2);
    expect(await sessions.locator("li[data-current]").count()).toBe(1);
    await page.getByRole("button", { name: "Sign out of other sessions" }).click();
    // The list is read again from the server: only this device is left.
    await expect.poll(() => sessions.locator("li").count(), { timeout: 10_000 }).toBe(1);
    expect(await sessions.locator("li[data-current]").count()).toBe(1);
    await page.reload();
    await sessions.locator("li").first().waitFor();
    expect(await sessions.locator("li").count()).toBe(1);

    // The other device is signed out: the next thing it asks the server is refused, and the app
    // forgets the session (header back to "Sign in", the account page sends it to sign in).
    await other.page.reload();
    await other.page.waitForURL(/\/signin\?next=%2Faccount/);
    await other.page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await other.page.evaluate(() => localStorage.getItem("tchat.session"))).toBeNull();
    expect(appErrors(other.errors)).toEqual([]);
    expect(appErrors(errors)).toEqual([]);
    await second.close();
    await first.close();
  });
});

describe("web app: the account page", () => {
  it("adds, edits and deletes addresses, exports the data and deletes the account after confirming", async () => {
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    const email = newEmail();
    await signUpByEmail(page, "Anong Web", email);
    const book = page.getByTestId("addresses");
    await page.getByText("No addresses yet.").waitFor();

    await page.getByRole("button", { name: "Add an address" }).click();
    await page.getByLabel("Label (Home, Office…)").fill("Home");
    await page.getByLabel("Recipient's name").fill("Anong Web");
    await page.getByLabel("Recipient's phone").fill("089 765 4321");
    await page.getByLabel("Street and number").fill("99/1 Sukhumvit Road");
    await page.getByLabel("City or district").fill("Khlong Toei");
    await page.getByLabel("Province or state").fill("Bangkok");
    await page.getByLabel("Postal code").fill("1011");
    await page.getByRole("button", { name: "Save" }).last().click();
    const postalError = page.locator("#addr-new-postalCode-error");
    await postalError.waitFor();
    expect(await postalError.innerText()).not.toBe("");
    await page.getByLabel("Postal code").fill("10110");
    await page.getByRole("button", { name: "Save" }).last().click();
    await book.locator("li").first().waitFor();
    expect(await book.locator("li").first().innerText()).toContain("99/1 Sukhumvit Road");

    await book.getByRole("button", { name: "Edit" }).click();
    await book.getByLabel("Street and number").fill("12 Silom Road");
    await book.getByLabel("Postal code").fill("10500");
    await book.getByRole("button", { name: "Save" }).click();
    await book.getByText(/12 Silom Road/).waitFor();
    await page.reload();
    await book.getByText(/12 Silom Road, Khlong Toei, Bangkok, 10500/).waitFor();

    // Export: a JSON download with this account's own data in it.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export my data" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, "utf8"));
    expect(JSON.stringify(exported)).toContain(email);
    expect(JSON.stringify(exported)).toContain("12 Silom Road");

    await book.getByRole("button", { name: "Delete" }).click();
    await page.getByText("No addresses yet.").waitFor();

    // Deleting needs the word typed first.
    await page.getByRole("button", { name: "Delete my account" }).click();
    const confirm = page.getByRole("button", { name: "Delete my account for good" });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel("To confirm, type DELETE").fill("DELETE");
    await confirm.click();
    await page.getByTestId("account-deleted").waitFor();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(401);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("a phone account made in the browser reads its SMS in the app's language", async () => {
    const context = await newContext("th-TH");
    const { page, errors } = await openPage(context);
    await page.goto("/signin");
    const phone = thaiMobile();
    await page.getByLabel("ประเทศ").selectOption("TH");
    await page.getByRole("textbox").first().fill(phone.national);
    await page.locator("form button.primary").click();
    const code = await smsCode(base, phone.e164);
    const res = await fetch(`${base}/api/v1/dev/outbox?to=${encodeURIComponent(phone.e164)}&channel=sms`);
    const { items } = (await res.json()) as { items: { body: string; locale: string }[] };
    expect(items[0].locale).toBe("th");
    expect(items[0].body).toMatch(/[\u0E00-\u0E7F]/);
    await page.locator("#otp-code").fill(code);
    await page.locator("form button.primary").click();
    await page.waitForURL(/\/account$/);
    await page.getByTestId("sessions").locator("li").first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
