import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { call, contextAs, signIn } from "./people";

// Two people chat live in two browser contexts against the e2e server: receipts, typing, a
// dropped connection that catches up with nothing lost or doubled, and a reload of the room.

const base = inject("baseUrl");
const newContext = useBrowser(base);

/** The texts of the confirmed messages a page shows, top to bottom. */
function shown(page: Page): Promise<string[]> {
  return page.locator('[data-testid="message"][data-seq] .msg-text').allInnerTexts();
}

async function seqs(page: Page): Promise<number[]> {
  const values = await page
    .locator('[data-testid="message"][data-seq]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));
  return values;
}

/** A 1×1 PNG: a real picture, as the media API checks the bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function send(page: Page, text: string) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

describe("web app: chat", () => {
  it("two people chat live with receipts and typing; a dropped connection catches up once, in order; the room survives a reload", async () => {
    const [ana, bo] = await Promise.all([signIn(), signIn()]);
    const dialog = await call("/api/v1/dialogs", {
      token: ana.session.accessToken,
      body: { type: "direct", participantIds: [bo.id] },
    });
    await call(`/api/v1/dialogs/${dialog.id}/messages`, {
      token: bo.session.accessToken,
      body: { clientId: crypto.randomUUID(), kind: "text", text: "Sawasdee! Is the kettle in stock?" },
    });

    const contextA = await contextAs(newContext, ana);
    const contextB = await contextAs(newContext, bo);
    // Ana's sockets go through a route the test can cut, as a lost network would.
    const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    await contextA.routeWebSocket(/\/ws\?/, (ws) => {
      routes.push({ page: ws, server: ws.connectToServer() });
    });
    const { page: a, errors: errorsA } = await openPage(contextA);
    const { page: b, errors: errorsB } = await openPage(contextB);

    // The dialog list: the unread message and its text; the link opens the room.
    await a.goto("/chat");
    const row = a.getByTestId("dialogs").getByRole("link");
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("Sawasdee! Is the kettle in stock?");
    expect(await a.getByTestId("unread").getAttribute("data-count")).toBe("1");
    await row.click();
    await a.waitForURL(`**/chat/${dialog.id}`);
    await a.locator('[data-connection="open"]').waitFor();
    expect(await shown(a)).toEqual(["Sawasdee! Is the kettle in stock?"]);

    await b.goto(`/chat/${dialog.id}`);
    await b.locator('[data-connection="open"]').waitFor();

    // Typing reaches the other side; a message arrives live and comes back read (✓✓).
    await a.getByLabel("Message", { exact: true }).pressSequentially("Yes", { delay: 30 });
    await b.getByTestId("room-status").filter({ hasText: "typing" }).waitFor();
    await a.getByRole("button", { name: "Send", exact: true }).click();
    await b.locator(".msg-text", { hasText: "Yes" }).waitFor();
    await b.getByTestId("room-status").filter({ hasNotText: "typing" }).waitFor();
    await a.locator('[data-testid="message"][data-seq]:last-child [data-tick="read"]').waitFor();

    await send(b, "Great, I will order two");
    await a.locator(".msg-text", { hasText: "Great, I will order two" }).waitFor();
    await b.locator('[data-testid="message"][data-seq]:last-child [data-tick="read"]').waitFor();

    // Ana loses her connection; Bo keeps writing and Ana writes too (kept as pending).
    await contextA.setOffline(true);
    for (const route of routes.splice(0)) {
      await route.server.close();
      await route.page.close({ code: 4000, reason: "network lost" });
    }
    await a.locator('[data-connection="waiting"], [data-connection="connecting"]').first().waitFor();
    const missed = ["One", "Two", "Three"].map((n) => `While you were away: ${n}`);
    for (const text of missed) {
      await send(b, text);
      await b.locator(".msg-text", { hasText: text }).waitFor();
    }
    await send(a, "Are you still there?");
    await a.locator('[data-pending="true"] [data-tick="pending"]').waitFor();

    await contextA.setOffline(false);
    await a.locator('[data-connection="open"]').waitFor({ timeout: 30_000 });
    await a.locator(".msg-text", { hasText: missed[2] }).waitFor();
    await a.locator('[data-pending="true"]').waitFor({ state: "detached" });
    await b.locator(".msg-text", { hasText: "Are you still there?" }).waitFor();

    const expected = [
      "Sawasdee! Is the kettle in stock?",
      "Yes",
      "Great, I will order two",
      ...missed,
      "Are you still there?",
    ];
    expect(await shown(a)).toEqual(expected);
    expect(await shown(b)).toEqual(expected);
    const order = await seqs(a);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(new Set(order).size).toBe(order.length);

    // A deep link to the room survives a reload: the same messages, once each, and live again.
    await a.reload();
    await a.locator('[data-connection="open"]').waitFor();
    expect(await shown(a)).toEqual(expected);
    await send(b, "After the reload");
    await a.locator(".msg-text", { hasText: "After the reload" }).waitFor();

    // Only the lost network's own failures may be logged (requests made while offline).
    const offline = /ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/;
    expect(errorsA.filter((e) => !offline.test(e))).toEqual([]);
    expect(errorsB).toEqual([]);
    await contextA.close();
    await contextB.close();
  });

  it("shows product cards, sends a private picture, replies, reacts, edits and deletes", async () => {
    const [ana, bo] = await Promise.all([signIn(), signIn()]);
    const dialog = await call("/api/v1/dialogs", {
      token: bo.session.accessToken,
      body: { type: "direct", participantIds: [ana.id] },
    });
    const found = await call("/api/v1/search?q=samsung&limit=1");
    const product = found.items[0] as { id: string; name: string };
    await call(`/api/v1/dialogs/${dialog.id}/messages`, {
      token: bo.session.accessToken,
      body: { clientId: crypto.randomUUID(), kind: "card", card: { type: "product", id: product.id } },
    });
    const contextA = await contextAs(newContext, ana);
    const contextB = await contextAs(newContext, bo);
    const { page: a, errors: errorsA } = await openPage(contextA);
    const { page: b, errors: errorsB } = await openPage(contextB);
    await Promise.all([a.goto(`/chat/${dialog.id}`), b.goto(`/chat/${dialog.id}`)]);
    await a.locator('[data-connection="open"]').waitFor();
    await b.locator('[data-connection="open"]').waitFor();

    // The product card links to the product page, with its live name.
    const card = a.getByTestId("product-card");
    await card.waitFor();
    expect(await card.getAttribute("href")).toBe(`/p/${product.id}`);
    expect(await card.textContent()).toContain(product.name);

    // A picture: uploaded, sent, and shown to both from its private url (fetched with the token).
    await a.locator('input[type="file"]').setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG });
    for (const page of [a, b]) {
      const image = page.locator("img.msg-image");
      await image.waitFor();
      expect(await image.getAttribute("src")).toMatch(/^blob:/);
      await expect
        .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBe(1);
    }

    // A reply quotes the message it answers.
    await send(a, "Which colour?");
    const question = b.locator('[data-testid="message"]', { hasText: "Which colour?" });
    await question.waitFor();
    await question.getByLabel("Message actions").click();
    await question.getByRole("button", { name: "Reply" }).click();
    await send(b, "Red");
    const answer = a.locator('[data-testid="message"]', { hasText: "Red" });
    await answer.locator("blockquote", { hasText: "Which colour?" }).waitFor();

    // A reaction reaches the other side.
    await answer.getByLabel("Message actions").click();
    await answer.getByRole("button", { name: "React with 👍" }).click();
    await b.locator('[data-testid="message"]', { hasText: "Red" }).getByRole("button", { name: "👍 1" }).waitFor();

    // Edit, then delete, one's own message: the other side sees both.
    const mine = a.locator('[data-testid="message"]', { hasText: "Which colour?" }).first();
    await mine.getByLabel("Message actions").click();
    await mine.getByRole("button", { name: "Edit" }).click();
    await a.getByLabel("Message", { exact: true }).fill("Which colour and size?");
    await a.getByRole("button", { name: "Save" }).click();
    await b.locator(".msg-text", { hasText: "Which colour and size?" }).waitFor();
    expect(
      await b.locator('[data-testid="message"]', { hasText: "Which colour and size?" }).first().textContent(),
    ).toContain("edited");
    a.once("dialog", (d) => void d.accept());
    const edited = a.locator('[data-testid="message"]', { hasText: "Which colour and size?" }).first();
    await edited.getByLabel("Message actions").click();
    await edited.getByRole("button", { name: "Delete" }).click();
    await b.locator(".msg-text.deleted", { hasText: "Message deleted" }).first().waitFor();
    expect(await b.locator(".msg-text", { hasText: "Which colour and size?" }).count()).toBe(0);

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
    await contextA.close();
    await contextB.close();
  });
});
