import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// The seller's earnings and sales report pages against the e2e server: the balances, a payout
// refused in the server's words, the report table by period and its CSV.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("seller earnings and reports pages", () => {
  it("shows the balances, refuses a payout over the available balance, and shows and downloads the report", async () => {
    const seller = await signIn("Sam Seller");
    const shop = await call("/api/v1/shops", {
      token: seller.token,
      body: {
        name: `Sam's shop ${crypto.randomUUID().slice(0, 6)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
      },
    });
    const context = await contextAs(newContext, seller);
    const { page, errors } = await openPage(context);
    await page.goto(`/seller/${shop.id}/earnings`);
    await page.getByTestId("earnings-balance").waitFor();
    expect(await page.getByTestId("balance-available").textContent()).toMatch(/^THB\s0\.00$/);
    // The payouts list loads on its own, after the balances: wait for it rather than count at once.
    await expect.poll(() => page.getByText("No payouts yet.").count()).toBe(1);

    await page.getByLabel("Amount (THB)").fill("10");
    await page.getByRole("button", { name: "Pay out", exact: true }).click();
    await page.locator("#payout-amount-error").waitFor();
    expect(await page.locator("#payout-amount-error").textContent()).toContain("available to pay out");

    await page.goto(`/seller/${shop.id}/reports`);
    await page.getByTestId("report-series").waitFor();
    expect(await page.getByTestId("report-series").locator("tbody tr").count()).toBeGreaterThan(20);
    await page.getByLabel("Group by").selectOption("month");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.getByTestId("report-series").locator("tbody tr").count()).toBeLessThan(4);
    const download = page.waitForEvent("download");
    await page.getByTestId("report-csv").click();
    expect((await download).suggestedFilename()).toMatch(/^sales-.*-month\.csv$/);
    expect(appErrors(errors)).toEqual([]);
  });
});
