import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, type Person, signIn } from "./people";

// Starting a chat with a person found by phone number (/chat/new, GET /api/v1/users/lookup), and a
// device signed out from another one hearing it at once (the stream's session.revoked frame).

const base = inject("baseUrl");
const newContext = useBrowser(base);

type Session = Person["session"];

const sessionOf = (tokens: { accessToken: string; refreshToken: string; expiresIn: number }): Session => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  expiresAt: Date.now() + tokens.expiresIn * 1000,
});

/** One person signed in on two devices (an email account: a second sign-in needs no new SMS code). */
async function twoDevices(): Promise<[Session, Session]> {
  const email = `chai-${crypto.randomUUID().slice(0, 12)}@example.com`;
  const password = "Sawasdee2026";
  const first = await call("/api/v1/auth/register", { body: { email, password, displayName: "Chai", country: "TH" } });
  const second = await call("/api/v1/auth/login", {
    body: { email, password, device: { id: `web-2-${crypto.randomUUID()}`, platform: "web", name: "Second" } },
  });
  return [sessionOf(first), sessionOf(second)];
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
    const [here, there] = await twoDevices();
    const person = { id: "", localPhone: "", token: "" };
    const { page: a } = await openPage(await contextAs(newContext, { ...person, session: here }));
    const { page: b } = await openPage(await contextAs(newContext, { ...person, session: there }));
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
