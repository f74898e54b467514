import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnServer } from "../own-server";
import { seededAdmin } from "./admin";
import { launchBrowser, openPage, phoneContext } from "./browser";
import { appErrors, call, contextAs } from "./people";

// An incident and its notices in the operator console (issue 18): a rule that any traffic breaks
// opens an incident at the next cron run, which tells its two targets: the email goes out (to the
// dev outbox), the webhook's host cannot be reached from a test server, so that notice waits for
// the next run with its error. The file runs its own server, its cron run by hand (runCron): the
// shared server runs no cron, and this rule must not alert on the other files' traffic.

const own = useOwnServer({ cronTicker: false });
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RULE = {
  id: "e2e-any-traffic",
  metric: "requests",
  op: ">",
  threshold: 0,
  windowMinutes: 5,
  notify: ["oncall@tchat.example", "https://hooks.example.com/tchat-e2e"],
};

interface Incident {
  id: string;
  ruleId: string;
}

describe("operator console: alert notices", { timeout: 300_000 }, () => {
  it("shows an incident with the status of its email and webhook notices", async () => {
    const admin = await seededAdmin(own.base);
    await call("/api/v1/admin/alerts", { at: own.base, method: "PUT", token: admin.token, body: { rules: [RULE] } });
    // The requests just made are the metric; the minute cron (run here by hand) opens the incident.
    let incident: Incident | undefined;
    await expect
      .poll(
        async () => {
          await own.server.runCron();
          const page = await call("/api/v1/admin/alerts/incidents", { at: own.base, token: admin.token });
          incident = (page.items as Incident[]).find((i) => i.ruleId === RULE.id);
          return incident !== undefined;
        },
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe(true);
    const id = incident?.id ?? "";

    const context = await contextAs((locale) => {
      if (!browser) throw new Error("the browser opens in beforeAll");
      return phoneContext(browser, own.base, locale);
    }, admin);
    const { page, errors } = await openPage(context);
    await page.goto("/ops/alerts");
    const card = page.locator(`[data-testid="ops-incident"][data-id="${id}"]`);
    await expect.poll(() => card.getByTestId("ops-notice").count(), { timeout: 30_000 }).toBe(2);
    const email = card.locator('[data-testid="ops-notice"][data-channel="email"]');
    const webhook = card.locator('[data-testid="ops-notice"][data-channel="webhook"]');
    expect(await email.getByTestId("ops-notice-status").textContent()).toBe("Sent");
    expect(await email.textContent()).toContain("oncall@tchat.example");
    expect(await webhook.getByTestId("ops-notice-status").textContent()).toBe("Pending");
    expect(await webhook.textContent()).toContain("https://hooks.example.com/tchat-e2e");
    // What the API says about the webhook notice is what the row shows: its attempts and error.
    const notices = await call(`/api/v1/admin/alerts/notices?incidentId=${id}`, { at: own.base, token: admin.token });
    const hook = (notices.items as { channel: string; attempts: number; lastError: string | null }[]).find(
      (n) => n.channel === "webhook",
    );
    expect(hook?.attempts).toBeGreaterThanOrEqual(1);
    expect(hook?.lastError).toBeTruthy();
    expect(await webhook.textContent()).toContain(hook?.lastError ?? "");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
