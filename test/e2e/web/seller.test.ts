import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// The seller center against the e2e server: a shop owner finds the seller center from their
// account, opens their shop, and updates prices and stock by CSV, reading the per-row report.
// The owner is a fresh account with its own shop, so the seeded shops other tests read stay as seeded.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("seller center", () => {
  it("a shop owner opens their shop, uploads a CSV and reads the report; a bad file changes nothing", async () => {
    const owner = await signIn("Somchai Seller");
    const shop = await call("/api/v1/shops", {
      token: owner.token,
      body: {
        name: `Somchai Gadgets ${Date.now().toString(36)}`,
        category: "electronics",
        country: "TH",
        currency: "THB",
      },
    });
    const sku = `E2E-${Date.now().toString(36)}`;
    const product = await call("/api/v1/products", {
      token: owner.token,
      body: {
        shopId: shop.id,
        name: "สายชาร์จ USB-C",
        description: "1 m cable",
        sku,
        price: { amount: 9_900, currency: "THB" },
        stock: 3,
        status: "draft",
      },
    });

    const context = await contextAs(newContext, owner);
    const { page, errors } = await openPage(context);
    await page.goto("/account");
    await page.getByRole("link", { name: "Seller center" }).click();
    await page.waitForURL("**/seller");
    await page.getByTestId("seller-shop").filter({ hasText: shop.name }).getByRole("link").click();
    await page.waitForURL(`**/seller/${shop.id}`);
    expect(await page.getByTestId("verification-status").first().textContent()).toBe("Verification pending");

    await page.getByRole("navigation", { name: "Shop sections" }).getByRole("link", { name: "Products" }).click();
    await page.waitForURL(`**/seller/${shop.id}/products`);
    await page.getByRole("tab", { name: "Drafts" }).click();
    await page.getByTestId("seller-products").getByText(sku).waitFor();

    await page.getByLabel("CSV file").setInputFiles({
      name: "prices.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`sku,price,stock\n${sku},129.50,40\n`),
    });
    await page.getByRole("button", { name: "Upload CSV" }).click();
    await expect.poll(() => page.getByTestId("csv-report").textContent()).toBe("Done: 1 rows applied.");
    const updated = await call(`/api/v1/products/${product.id}`, { token: owner.token });
    expect(updated.price).toEqual({ amount: 12_950, currency: "THB" });
    expect(updated.available).toBe(40);

    await page.getByLabel("CSV file").setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`sku,price,stock\n${sku},99,1\nNOT-MINE,10,1\n`),
    });
    await page.getByRole("button", { name: "Upload CSV" }).click();
    const report = page.getByTestId("csv-report");
    await report.getByText("Nothing was changed: 1 rows need fixing.", { exact: false }).waitFor();
    expect(await report.getByRole("row").nth(1).textContent()).toContain(
      "No product or variant of this shop has this SKU.",
    );
    expect((await call(`/api/v1/products/${product.id}`, { token: owner.token })).price.amount).toBe(12_950);
    expect(appErrors(errors)).toEqual([]);
  });
});
