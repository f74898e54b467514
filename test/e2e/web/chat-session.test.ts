import type { Page, WebSocketRoute } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { call, type Person, signIn } from "./people";

// An open chat room outlives its access token (15 min at most): when the token is rejected or
// expires mid-session, the client refreshes it (web/src/api/refresh.ts) and the room carries on.

const base = inject("baseUrl");
const newContext = useBrowser(base);

type Session = Person["session"];

const stored = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("tchat.session") ?? "null") as Session | null);

async function send(page: Page, text: string) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.locator('[data-testid="message"][data-seq] .msg-text', { hasText: text }).waitFor();
}

describe("web app: chat session", () => {
  it("the room recovers when its access token is rejected mid-session, and when it expires", async () => {
    const [ana, bo] = await Promise.all([signIn(), signIn()]);
    const dialog = await call("/api/v1/dialogs", {
      token: ana.session.accessToken,
      body: { type: "direct", participantIds: [bo.id] },
    });
    const context = await newContext();
    await context.addInitScript((session) => {
      if (!sessionStorage.getItem("seeded")) localStorage.setItem("tchat.session", JSON.stringify(session));
      sessionStorage.setItem("seeded", "1");
      // The token is made expired before the reloaded app runs: had the live page seen it expired,
      // a request of its own (the account stream's reconnect) could spend the refresh token while
      // the reload throws its answer away, and the new page's refresh would then be a reuse.
      if (sessionStorage.getItem("expireOnLoad")) {
        const s = JSON.parse(localStorage.getItem("tchat.session") ?? "{}");
        localStorage.setItem("tchat.session", JSON.stringify({ ...s, expiresAt: Date.now() - 1000 }));
        sessionStorage.removeItem("expireOnLoad");
      }
    }, ana.session);
    const routes: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/ws\?/, (ws) => {
      ws.connectToServer();
      routes.push(ws);
    });
    const { page, errors } = await openPage(context);
    await page.goto(`/chat/${dialog.id}`);
    await page.locator('[data-connection="open"]').waitFor();
    await send(page, "Before the token went bad");

    // Rejected: the stored access token is no longer accepted although its time is not up. The
    // socket drops, the reconnect's ticket request gets a 401, the client refreshes and retries.
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem("tchat.session") ?? "{}");
      localStorage.setItem("tchat.session", JSON.stringify({ ...s, accessToken: `${s.accessToken}x` }));
    });
    for (const ws of routes.splice(0)) await ws.close({ code: 4000, reason: "network lost" });
    await page.locator('[data-connection="open"]').waitFor({ timeout: 30_000 });
    const renewed = await stored(page);
    expect(renewed?.accessToken).not.toContain(ana.session.accessToken);
    expect(renewed?.refreshToken).not.toBe(ana.session.refreshToken);
    await send(page, "After a rejected token");

    // Expired: the access token's time is over when the page loads; its first request refreshes it.
    await page.evaluate(() => sessionStorage.setItem("expireOnLoad", "1"));
    await page.reload();
    await page.locator('[data-connection="open"]').waitFor({ timeout: 30_000 });
    const again = await stored(page);
    expect(again?.refreshToken).not.toBe(renewed?.refreshToken);
    expect(again?.expiresAt).toBeGreaterThan(Date.now());
    expect(await page.locator('[data-testid="message"][data-seq] .msg-text').allInnerTexts()).toEqual([
      "Before the token went bad",
      "After a rejected token",
    ]);
    await send(page, "After an expired token");

    // Nothing was lost: the other person reads all three.
    const page2 = await call(`/api/v1/dialogs/${dialog.id}/messages?limit=10`, { token: bo.session.accessToken });
    expect((page2.items as { text: string }[]).map((m) => m.text).reverse()).toEqual([
      "Before the token went bad",
      "After a rejected token",
      "After an expired token",
    ]);
    // The one expected console line: Chromium reports the rejected token's 401 itself.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });
});
