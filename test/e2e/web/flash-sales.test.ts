import { describe, expect, inject, it } from "vitest";
import { openPage, useBrowser } from "./browser";
import { appErrors, call, contextAs, signIn } from "./people";

// A seller schedules a flash sale from the seller center; a buyer sees a live one on the product page.

const base = inject("baseUrl");
const newContext = useBrowser(base);

async function sellerWithProduct() {
  const seller = await signIn("Flash Seller");
  const shop = await call("/api/v1/shops", {
    token: seller.token,
    body: { name: `Flash ${crypto.randomUUID().slice(0, 6)}`, category: "fashion", country: "TH", currency: "THB" },
  });
  const product = await call("/api/v1/products", {
    token: seller.token,
    body: {
      shopId: shop.id,
      name: `Flash tee ${crypto.randomUUID().slice(0, 6)}`,
      description: "Cotton tee",
      sku: `FL-${crypto.randomUUID()}`,
      price: { amount: 29_900, currency: "THB" },
      stock: 30,
    },
  });
  return { seller, shop, product };
}

describe("web app: flash sales", () => {
  it("the seller schedules a sale with the form and sees it listed as upcoming", async () => {
    const { seller, shop, product } = await sellerWithProduct();
    const context = await contextAs(newContext, seller);
    const { page, errors } = await openPage(context);
    await page.goto(`/seller/${shop.id}/flash-sales`);
    await page.getByRole("heading", { level: 1, name: "Flash sales" }).waitFor();
    await page.getByText("No flash sales yet. Schedule one below.").waitFor();
    // datetime-local takes the browser's local time, to the minute.
    const [start, end] = await page.evaluate(() => {
      const local = (ms: number) => {
        const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
        return d.toISOString().slice(0, 16);
      };
      return [local(Date.now() + 3_600_000), local(Date.now() + 7_200_000)];
    });
    await page.getByLabel("Sale name").fill("Payday");
    await page.getByLabel("Starts").fill(start);
    await page.getByLabel("Ends").fill(end);
    await page.locator(`#flash-product-0 option[value="${product.id}"]`).waitFor({ state: "attached" });
    await page.getByLabel("Product", { exact: true }).selectOption(product.id);
    await page.getByLabel("Sale price (THB)").fill("199");
    await page.getByLabel("Quota (units at the sale price)").fill("10");
    await page.getByRole("button", { name: "Schedule sale" }).click();
    await page.getByText("Flash sale scheduled.").waitFor();
    const list = page.getByTestId("flash-sales");
    await list.getByText("Payday").waitFor();
    expect(await list.innerText()).toContain("Upcoming");
    const sales = await call(`/api/v1/shops/${shop.id}/flash-sales`);
    expect(sales.items[0].items[0]).toMatchObject({ salePrice: { amount: 19_900, currency: "THB" }, quota: 10 });
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("a buyer sees a live sale's price, countdown and units left on the product page", async () => {
    const { seller, shop, product } = await sellerWithProduct();
    const startsAt = Date.now() + 2_000;
    await call(`/api/v1/shops/${shop.id}/flash-sales`, {
      token: seller.token,
      body: {
        name: "Now",
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
        items: [{ productId: product.id, salePrice: { amount: 14_900, currency: "THB" }, quota: 5 }],
      },
    });
    // Wait until the server reads it as live (no timing assertion: poll the product).
    for (let i = 0; i < 50; i++) {
      if ((await call(`/api/v1/products/${product.id}`)).flashSale) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const context = await newContext("en-US");
    const { page, errors } = await openPage(context);
    await page.goto(`/p/${product.id}`);
    const box = page.getByTestId("flash-sale");
    await box.waitFor();
    expect(await page.getByTestId("flash-price").innerText()).toMatch(/149\.00/);
    expect(await box.innerText()).toMatch(/Ends in \d/);
    expect(await page.getByTestId("flash-remaining").innerText()).toBe("5 left at this price");
    expect(errors).toEqual([]);
    await context.close();
  });
});
