import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, type Person, signIn } from "./people";

// Starting a chat with a person found by phone number (/chat/new, GET /api/v1/users/lookup), and a
// device signed out from another one hearing it at once (the stream's session.revoked frame).

const base = inject("baseUrl");
const newContext = useBrowser(base);

const e164 = (person: Person) => `+66${person.localPhone.slice(1)}`;

/** The same person signed in a second time, on another device (a second session). */
async function secondSession(person: Person): Promise<Person> {
  const phone = e164(person);
  await call("/api/v1/auth/otp/request", { body: { phone, country: "TH" } });
  const outbox = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(phone)}&channel=sms`);
  const code = (outbox.items as { body: string }[])[0]?.body.match(/\b\d{6}\b/)?.[0];
  const tokens = await call("/api/v1/auth/otp/verify", {
    body: { phone, country: "TH", code, device: { id: `web-2-${crypto.randomUUID()}`, platform: "web" } },
  });
  const session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
  return { ...person, token: tokens.accessToken, session };
}

/** Resolves once the page's realtime stream is open (the bell reloads its count on open). */
function streamOpen(page: Page): Promise<unknown> {
  let answers = 0;
  return page.waitForResponse((res) => res.url().includes("/api/v1/notifications/unread-count") && ++answers >= 2, {
    timeout: 30_000,
  });
}

describe("web app: a new chat by phone number", () => {
  it("one person finds the other by number and starts the chat; it opens on both sides", async () => {
    const [ana, bo] = await Promise.all([signIn("Ana Santos"), signIn("Bo Nguyen")]);
    const contextA = await contextAs(newContext, ana);
    const contextB = await contextAs(newContext, bo);
    const { page: a, errors: errorsA } = await openPage(contextA);
    const { page: b, errors: errorsB } = await openPage(contextB);

    await a.goto("/chat");
    await a.getByRole("link", { name: "Find a person by phone number" }).click();
    await a.waitForURL(/\/chat\/new$/);
    await a.getByLabel("Country").selectOption("TH");

    // A number that is not Thai: the server's words, with the format, under the field.
    await a.getByLabel("Phone number").fill("12345");
    await a.getByRole("button", { name: "Find", exact: true }).click();
    const error = a.locator("#chat-new-phone-error");
    await error.waitFor();
    expect(await error.innerText()).toMatch(/not a valid phone number for TH/);
    // The field is focusable by keyboard and shows where focus is.
    await a.getByLabel("Phone number").focus();
    // (A string: the test's own TypeScript has no DOM types.)
    const focus = (await a.evaluate(
      "(() => { const el = document.activeElement; const s = getComputedStyle(el); return [el.id, s.outlineStyle, s.outlineWidth]; })()",
    )) as string[];
    expect(focus[0]).toBe("chat-new-phone");
    expect(focus[1]).not.toBe("none");
    expect(focus[2]).not.toBe("0px");

    // Nobody with this number yet.
    await a.getByLabel("Phone number").fill("0891234000");
    await a.getByRole("button", { name: "Find", exact: true }).click();
    await a.getByText("No active account uses this phone number.", { exact: false }).waitFor();

    // Bo's number, as a person types it: Bo is shown, then the chat starts.
    await a.getByLabel("Phone number").fill(bo.localPhone);
    await a.getByRole("button", { name: "Find", exact: true }).click();
    const found = a.getByTestId("person-found");
    await found.waitFor();
    expect(await found.innerText()).toContain("Bo Nguyen");
    expect(await found.innerText()).not.toContain(bo.localPhone.slice(2));
    await a.getByRole("button", { name: "Start chat with Bo Nguyen" }).click();
    await a.waitForURL(/\/chat\/dlg_[^/]+$/);
    const dialogId = new URL(a.url()).pathname.split("/").pop();
    await a.locator('[data-connection="open"]').waitFor();
    await a.getByLabel("Message", { exact: true }).fill("Hi Bo, found you by your number");
    await a.getByRole("button", { name: "Send", exact: true }).click();
    await a.locator('[data-testid="message"][data-seq] .msg-text', { hasText: "found you" }).waitFor();

    // Bo sees the new dialog with Ana in the list and opens the same room.
    await b.goto("/chat");
    const row = b.getByTestId("dialogs").getByRole("link", { name: /Ana Santos/ });
    await row.waitFor();
    await row.click();
    await b.waitForURL(new RegExp(`/chat/${dialogId}$`));
    await b.locator('[data-testid="message"][data-seq] .msg-text', { hasText: "found you" }).waitFor();

    // Starting again opens the same direct dialog.
    await a.goto("/chat/new");
    await a.getByLabel("Country").selectOption("TH");
    await a.getByLabel("Phone number").fill(bo.localPhone);
    await a.getByRole("button", { name: "Find", exact: true }).click();
    await a.getByRole("button", { name: "Start chat with Bo Nguyen" }).click();
    await a.waitForURL(new RegExp(`/chat/${dialogId}$`));
    expect(appErrors(errorsA)).toEqual([]);
    expect(appErrors(errorsB)).toEqual([]);
  });

  it("fits a 360 px phone: no sideways scrolling", async () => {
    const ana = await signIn("Ana");
    const { page } = await openPage(await contextAs(newContext, ana));
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/chat/new");
    await page.getByLabel("Phone number").waitFor();
    const widths = (await page.evaluate("[document.documentElement.scrollWidth, innerWidth]")) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  });

  it("a device signed out from another one says so at once and shows the way back in", async () => {
    const here = await signIn("Chai");
    const there = await secondSession(here);
    const { page: a } = await openPage(await contextAs(newContext, here));
    const { page: b } = await openPage(await contextAs(newContext, there));
    const open = streamOpen(b);
    await b.goto("/chat");
    await open;

    await a.goto("/account");
    await a.getByRole("button", { name: "Sign out of other sessions" }).click();
    const notice = b.getByTestId("signed-out-elsewhere");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain("signed out from another one");
    expect(await b.evaluate(() => localStorage.getItem("tchat.session"))).toBeNull();
    await b.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).waitFor();
    // The device that asked stays signed in.
    expect(await a.evaluate(() => localStorage.getItem("tchat.session"))).not.toBeNull();
  });
});
