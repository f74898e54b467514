import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { guestOrder, pay, simulate } from "../orders/helpers";
import { createProduct, expectJson, get, type Page, type Product, patch, put, seller } from "./helpers";

// Sold counts are out of the catalog version (migration catalog_version_sold_counts): a paid order
// keeps every kept page and detail (workers/catalog/read-cache.ts), which read the live sold counts
// in their version check; best-selling pages are kept under the sold counts' own version too.

const version = async (key: string) =>
  (await env.DB.prepare("SELECT value FROM catalog_versions WHERE key = ?").bind(key).first<{ value: number }>())
    ?.value ?? 0;

const page = async (shopId: string, query = "") =>
  expectJson<Page<Product>>(await get(`/api/v1/products?shopId=${shopId}${query}`), 200);

async function detail(id: string) {
  const res = await get(`/api/v1/products/${id}`);
  return { cache: res.headers.get("X-Cache"), product: await expectJson<Product>(res, 200) };
}

/** A guest's order of `quantity` units, paid through the sandbox gateway. */
async function sell(productId: string, quantity: number) {
  const { cartToken, order } = await guestOrder(productId, quantity);
  const payment = await pay({ cartToken }, [order.id]);
  await simulate({ cartToken }, payment.id);
}

describe("sold counts on kept reads", () => {
  it("shows a paid order's sold count at once on the list and the detail, which stay kept", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop, { stock: 10 });
    expect((await page(s.shop.id)).items[0]?.soldCount).toBe(0);
    expect((await detail(product.id)).product.soldCount).toBe(0);
    // Renamed behind the triggers' back (versions put back): only a kept read still shows the old name.
    const before = { catalog: await version(""), product: await version(product.id) };
    await env.DB.batch([
      env.DB.prepare("UPDATE products SET name = 'behind the version' WHERE id = ?").bind(product.id),
      env.DB.prepare("UPDATE catalog_versions SET value = ? WHERE key = ''").bind(before.catalog),
      env.DB.prepare("UPDATE catalog_versions SET value = ? WHERE key = ?").bind(before.product, product.id),
    ]);

    await sell(product.id, 3);
    expect({ catalog: await version(""), product: await version(product.id) }).toEqual(before);
    expect((await page(s.shop.id)).items[0]).toMatchObject({ name: product.name, soldCount: 3 });
    const kept = await detail(product.id);
    expect(kept.cache).toBe("HIT");
    expect(kept.product).toMatchObject({ name: product.name, soldCount: 3 });

    await sell(product.id, 2);
    expect((await page(s.shop.id)).items[0]?.soldCount).toBe(5);
    expect((await detail(product.id)).product.soldCount).toBe(5);
  });

  it("still shows a price change and a stock-take at once after sales", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop, { stock: 10 });
    await page(s.shop.id);
    await detail(product.id);
    await sell(product.id, 1);
    expect((await page(s.shop.id)).items[0]?.soldCount).toBe(1);

    await expectJson(
      await patch(`/api/v1/products/${product.id}`, { price: { amount: 54_321, currency: "THB" } }, s.token),
      200,
    );
    expect((await page(s.shop.id)).items[0]).toMatchObject({ price: { amount: 54_321 }, soldCount: 1 });
    expect((await detail(product.id)).product).toMatchObject({ price: { amount: 54_321 }, soldCount: 1 });

    await expectJson(await put(`/api/v1/inventory/${product.id}`, { onHand: 4 }, s.token), 200);
    expect((await page(s.shop.id)).items[0]?.available).toBe(4);
    expect((await detail(product.id)).product.available).toBe(4);
  });

  it("reorders best-selling pages when sales change, without moving the catalog version", async () => {
    const s = await seller();
    const first = await createProduct(s.token, s.shop, { stock: 10 });
    const second = await createProduct(s.token, s.shop, { stock: 10 });
    const bestSelling = async () => (await page(s.shop.id, "&sort=best_selling")).items.map((p) => p.id);
    // No sales: ties go by id, descending.
    const [leader, follower] = (await bestSelling()).slice();
    expect([leader, follower].sort()).toEqual([first.id, second.id].sort());
    const soldBefore = await version("#sold");
    const catalogBefore = await version("");

    await sell(follower, 2);
    expect(await version("#sold")).toBeGreaterThan(soldBefore);
    expect(await bestSelling()).toEqual([follower, leader]);
    await sell(leader, 3);
    expect(await bestSelling()).toEqual([leader, follower]);
    const counts = Object.fromEntries(
      (await page(s.shop.id, "&sort=best_selling")).items.map((p) => [p.id, p.soldCount]),
    );
    expect(counts).toEqual({ [leader]: 3, [follower]: 2 });
    expect(await version("")).toBe(catalogBefore);
  });
});
