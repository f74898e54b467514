import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs } from "./people";

// The operator console's Metrics and Alerts pages: after a few requests the seeded admin sees the
// request chart and a request count; a rule they add is still there after a reload.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("operator console: metrics and alerts", () => {
  it("after a few requests the metrics page shows the request chart and a request count", async () => {
    const admin = await seededAdmin();
    for (let i = 0; i < 3; i++) await call("/api/v1/users/me", { token: admin.token });
    const context = await contextAs(newContext, admin);
    const { page, errors } = await openPage(context);
    await page.goto("/ops/metrics");
    const requests = page.getByTestId("ops-metric-requests");
    await expect.poll(() => requests.count()).toBe(1);
    await expect.poll(async () => Number((await requests.textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".ops-chart canvas").count()).toBeGreaterThan(0);
    const summaries = await page.getByTestId("ops-chart-summary").allTextContents();
    expect(summaries.some((text) => text.startsWith("Requests: latest value"))).toBe(true);
    await page.getByLabel("Time range").selectOption("day");
    await expect.poll(() => page.locator(".ops-chart canvas").count()).toBeGreaterThan(0);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("the admin adds an alert rule and sees it after a reload, then removes it", async () => {
    const id = `e2e-${Date.now().toString(36)}`;
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops/alerts");
    await page.getByLabel("Rule name").fill(id);
    await page.getByLabel("Metric", { exact: true }).selectOption("errorRate");
    await page.getByLabel("Condition").selectOption(">");
    await page.getByLabel("Threshold").fill("0.5");
    await page.getByLabel("Window in minutes").fill("5");
    await page.getByLabel("Notify").fill("oncall@tchat.example");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Rules saved." }).count()).toBe(1);
    await page.reload();
    const rule = page.locator(`[data-testid="ops-alert-rule"][data-id="${id}"]`);
    await expect.poll(() => rule.count()).toBe(1);
    expect(await rule.textContent()).toContain("errorRate");
    await rule.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => rule.count()).toBe(0);
    await expect.poll(() => page.getByRole("heading", { name: "Incidents" }).count()).toBe(1);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
