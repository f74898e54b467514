import type { Browser, BrowserContext, Page, WebSocket } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoadStats, runLoad } from "../../../scripts/ops-load.mjs";
import { localD1, useOwnServer } from "../own-server";
import { ADMIN_EMAIL, ADMIN_PASSWORD, enableTwoStep, signInByEmail } from "./admin";
import { launchBrowser, openPage, phoneContext } from "./browser";
import { appErrors, call, contextAs, type Person, signIn } from "./people";

// The operator's story on a fresh install, as a new operator lives it, in the browser: the seeded
// admin turns two-step sign-in on and signs in again with a code; watches the request chart move
// while `npm run ops:load` runs; suspends a person whose chat is open (the socket closes within
// 5 s, their refresh token stops working); replays a dead letter from the console, applied once.
// The file runs its own server (useOwnServer): the shared one's admin signs in by password only.

const own = useOwnServer();
let browser: Browser | undefined;
let admin: { context: BrowserContext; page: Page; errors: string[] } | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newContext = async (): Promise<BrowserContext> => {
  if (!browser) throw new Error("the browser opens in beforeAll");
  return phoneContext(browser, own.base);
};
const operator = () => {
  if (!admin) throw new Error("the admin signs in in the first test");
  return admin;
};
const e164 = (person: Person) => `+66${person.localPhone.slice(1)}`;
/** The number the page shows, digits only ("1,234" is 1234). */
const shownNumber = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/\D/g, ""));

describe("the operator's story on a fresh install", { timeout: 420_000 }, () => {
  it("the seeded admin turns two-step sign-in on, signs out, and signs in with a code", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context);
    await signInByEmail(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const { secret, at } = await enableTwoStep(page);
    await page.getByRole("button", { name: "Sign out here" }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("tchat.session"))).toBeNull();
    // Without the code the password alone no longer signs in: the form asks for it.
    const refused = await fetch(`${own.base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("mfa_required");
    // With the code from the app (not the enabling code's step, which is spent) it does.
    await signInByEmail(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { secret, spentAt: at });
    await page.goto("/account");
    await page.getByRole("link", { name: "Operator console" }).click();
    await expect.poll(() => page.getByTestId("ops-readiness").textContent()).toBe("Ready");
    admin = { context, page, errors };
  });

  it("watches the request chart move while the load script runs", async () => {
    const { page } = operator();
    await page.getByRole("link", { name: "Metrics", exact: true }).click();
    await expect.poll(() => page.getByTestId("ops-metric-requests").count(), { timeout: 30_000 }).toBe(1);
    const before = await shownNumber(page, "ops-metric-requests");
    const summary = page.getByTestId("ops-chart-summary").filter({ hasText: /^Requests: latest value/ });
    const latestBefore = Number(((await summary.textContent()) ?? "").replace(/\D/g, ""));
    // Up to 40 s of load, stopped once the chart has moved: more would only make the test longer.
    const stop = new AbortController();
    const load: Promise<LoadStats> = runLoad({ base: own.base, seconds: 40, workers: 3, signal: stop.signal });
    // The page reloads its figures every 10 s: the count climbs twice while the load runs, and the
    // request chart's latest bucket goes above what it was before.
    let seen = before;
    let latest = latestBefore;
    const climbs: number[] = [];
    await expect
      .poll(
        async () => {
          const now = await shownNumber(page, "ops-metric-requests");
          if (now > seen) climbs.push(now);
          seen = Math.max(seen, now);
          latest = Math.max(latest, Number(((await summary.textContent()) ?? "").replace(/\D/g, "")));
          return climbs.length >= 2 && latest > latestBefore;
        },
        { timeout: 180_000, interval: 1_000 },
      )
      .toBe(true);
    stop.abort();
    const stats = await load;
    expect(stats.requests).toBeGreaterThan(50);
    expect(stats.serverErrors).toBe(0);
    expect(stats.checkouts).toBeGreaterThan(0);
    expect(await page.locator(".ops-chart canvas").count()).toBeGreaterThan(0);
  });

  it("suspends a person whose chat is open: the socket closes within 5 s and their refresh fails", async () => {
    const { page } = operator();
    const [somchai, budi] = [await signIn("Somchai Suspect", own.base), await signIn("Budi Friend", own.base)];
    const dialog = await call("/api/v1/dialogs", {
      at: own.base,
      token: somchai.token,
      body: { type: "direct", participantIds: [budi.id] },
    });
    const chat = await contextAs(newContext, somchai);
    const { page: chatPage } = await openPage(chat);
    const socket = chatPage.waitForEvent("websocket", (ws) => ws.url().includes(`/dialogs/${dialog.id}/ws`));
    await chatPage.goto(`/chat/${dialog.id}`);
    const ws: WebSocket = await socket;
    const closed = new Promise<void>((resolve) => ws.on("close", () => resolve()));
    expect(ws.isClosed()).toBe(false);

    await page.getByRole("link", { name: "Users", exact: true }).click();
    await page.getByLabel("Phone (+66…), email or user id").fill(e164(somchai));
    await page.getByRole("button", { name: "Find" }).click();
    await expect.poll(() => page.getByTestId("ops-user-status").textContent()).toBe("Active");
    await page.getByLabel("Reason for suspending").fill("Scam messages reported by three buyers");
    await page.getByRole("button", { name: "Suspend" }).click();
    await expect.poll(() => page.getByTestId("ops-user-status").textContent()).toBe("Suspended");
    // Within 5 s of the suspension taking effect, their open chat socket is closed by the server.
    const outcome = await Promise.race([
      closed.then(() => "closed"),
      new Promise<string>((r) => setTimeout(() => r("still open after 5 s"), 5_000)),
    ]);
    expect(outcome).toBe("closed");
    const refresh = await fetch(`${own.base}/api/v1/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: somchai.session.refreshToken }),
    });
    expect(refresh.status).toBe(401);
    const me = await fetch(`${own.base}/api/v1/users/me`, { headers: { Authorization: `Bearer ${somchai.token}` } });
    expect(me.status).toBe(401);
    await chat.close();
  });

  it("replays a dead letter from the console and the event is applied once", async () => {
    const { page, errors } = operator();
    const person = await signIn("Dara Deadletter", own.base);
    const outbox = async () =>
      (await call(`/api/v1/dev/outbox?to=${encodeURIComponent(e164(person))}&channel=sms`, { at: own.base }))
        .items as unknown[];
    // Their sign-in code and what followed it (the first message is the code).
    const sent = (await outbox()).length;
    expect(sent).toBeGreaterThan(0);
    // Their sign-in code's event, recorded as the dead-letter queue records an event whose
    // deliveries ran out (workers/platform/consume.ts keepDeadLetter): no API gives an event up.
    const [[letter]] = await localD1(
      own.stateDir,
      `INSERT INTO dead_letters (id, queue, event_type, body, attempts, received_at, reason)
       SELECT e.id, 'tchat-notifications-dlq', e.type, e.envelope, 5, ${Date.now()}, 'published 5 times; not applied by messaging.deliver'
       FROM outbox_events e JOIN dev_outbox d ON d.idempotency_key = json_extract(e.envelope, '$.data.messageId')
       WHERE d.recipient = '${e164(person)}' AND e.type = 'message.requested' ORDER BY d.created_at LIMIT 1
       RETURNING id`,
    );
    const id = String(letter?.id);
    expect(id).toMatch(/\S/);

    await page.getByRole("link", { name: "Dead letters", exact: true }).click();
    const card = page.locator(`[data-testid="ops-dead-letter"][data-id="${id}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain("message.requested");
    await card.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => card.getByRole("status").textContent()).toBe("Sent again: the consumer applies it once.");
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => card.count()).toBe(0);

    // Published again (the replay drains the outbox at once), applied once: one record of the
    // consumer, no second SMS, and the audit log still verifies.
    let rows: Record<string, unknown>[][] = [];
    await expect
      .poll(
        async () => {
          rows = await localD1(
            own.stateDir,
            `SELECT published_at FROM outbox_events WHERE id = '${id}';
             SELECT consumer, status FROM processed_events WHERE event_id = '${id}';
             SELECT count(*) AS n FROM dead_letters WHERE id = '${id}'`,
          );
          return rows[0][0]?.published_at ?? null;
        },
        { timeout: 240_000, interval: 2_000 },
      )
      .not.toBeNull();
    expect(rows[1]).toEqual([{ consumer: "messaging.deliver", status: "done" }]);
    expect(rows[2]).toEqual([{ n: 0 }]);
    expect(await outbox()).toHaveLength(sent);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect.poll(() => page.getByTestId("audit-verification").textContent(), { timeout: 20_000 }).toBe("Valid");
    expect(appErrors(errors)).toEqual([]);
    await operator().context.close();
  });
});
