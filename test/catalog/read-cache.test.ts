import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { postSale, saleBody } from "../flash-sales/helpers";
import { advanceTime } from "../support/clock";
import { createProduct, expectJson, get, type Page, type Product, patch, put, seller } from "./helpers";

// Product reads kept in the isolate under the catalog version (workers/catalog/read-cache.ts):
// used while the version is unchanged, and every write to what a read shows moves the version,
// whichever code (or SQL) makes it.

type Read = Product & { flashSale?: { price: { amount: number }; remaining: number } };

const version = async (key: string) =>
  (await env.DB.prepare("SELECT value FROM catalog_versions WHERE key = ?").bind(key).first<{ value: number }>())
    ?.value ?? 0;

const page = async (shopId: string, query = "") =>
  expectJson<Page<Read>>(await get(`/api/v1/products?shopId=${shopId}${query}`), 200);

describe("product reads kept in the isolate", () => {
  it("answers a list page from the isolate while the catalog version is unchanged", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    expect((await page(s.shop.id)).items.map((p) => p.name)).toEqual([product.name]);
    // Changed behind the triggers' back (the version put back as it was): the kept page still answers.
    const before = await version("");
    await env.DB.batch([
      env.DB.prepare("UPDATE products SET name = 'behind the version' WHERE id = ?").bind(product.id),
      env.DB.prepare("UPDATE catalog_versions SET value = ? WHERE key = ''").bind(before),
    ]);
    expect((await page(s.shop.id)).items[0]?.name).toBe(product.name);
    // A sold count does not move it (read live instead): still the kept page, with the live count.
    await env.DB.prepare("UPDATE products SET sold_count = 7 WHERE id = ?").bind(product.id).run();
    expect(await version("")).toBe(before);
    expect((await page(s.shop.id)).items[0]).toMatchObject({ name: product.name, soldCount: 7 });
    // Any other write moves it: the next read is D1's.
    await env.DB.prepare("UPDATE products SET rating_count = 1 WHERE id = ?").bind(product.id).run();
    expect(await version("")).toBeGreaterThan(before);
    const fresh = (await page(s.shop.id)).items[0];
    expect(fresh?.name).toBe("behind the version");
    expect(fresh?.soldCount).toBe(7);
  });

  it("answers a kept page with the bytes and headers of a fresh one, and shows a stock-take and a price at once", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    const path = `/api/v1/products?shopId=${s.shop.id}`;
    const first = await get(path);
    const kept = await get(path);
    expect(kept.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
    expect(kept.headers.get("Content-Type")).toBe("application/json");
    const body = await kept.text();
    expect(body).toBe(await first.text());
    expect((JSON.parse(body) as Page<Read>).items.map((p) => p.id)).toEqual([product.id]);

    await expectJson(await put(`/api/v1/inventory/${product.id}`, { onHand: 3 }, s.token), 200);
    expect((await page(s.shop.id)).items[0]?.available).toBe(3);
    await expectJson(
      await patch(`/api/v1/products/${product.id}`, { price: { amount: 12_345, currency: "THB" } }, s.token),
      200,
    );
    expect((await page(s.shop.id)).items[0]?.price.amount).toBe(12_345);
    expect((await expectJson<Read>(await get(`/api/v1/products/${product.id}`), 200)).price.amount).toBe(12_345);
  });

  it("moves the product's and the catalog's version with each write: edit, variants, price, SQL, categories", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    await page(s.shop.id);
    const seen = { catalog: await version(""), product: await version(product.id) };
    expect(seen.product).toBeGreaterThan(0);
    const moved = async () => {
      const now = { catalog: await version(""), product: await version(product.id) };
      const both = now.catalog > seen.catalog && now.product > seen.product;
      Object.assign(seen, now);
      return both;
    };
    await expectJson(await patch(`/api/v1/products/${product.id}`, { name: "Renamed" }, s.token), 200);
    expect(await moved()).toBe(true);
    expect((await page(s.shop.id)).items[0]?.name).toBe("Renamed");
    expect((await expectJson<Read>(await get(`/api/v1/products/${product.id}`), 200)).name).toBe("Renamed");

    await env.DB.prepare("UPDATE products SET price_amount = 99900 WHERE id = ?").bind(product.id).run();
    expect(await moved()).toBe(true);
    expect((await page(s.shop.id)).items[0]?.price.amount).toBe(99_900);

    await env.DB.prepare(
      "INSERT INTO product_variants (id, product_id, sku, name, attributes, position, created_at, updated_at) VALUES (?, ?, 'RC-V', 'Blue', '{}', 0, 0, 0)",
    )
      .bind(`var_rc_${product.id}`, product.id)
      .run();
    expect(await moved()).toBe(true);
    expect((await page(s.shop.id)).items[0]?.variants.map((v) => v.name)).toEqual(["Blue"]);

    // A category changes what category pages hold: the whole catalog's version moves.
    const catalogBefore = seen.catalog;
    await env.DB.prepare(
      "INSERT INTO categories (id, slug, parent_id, names, position, created_at, updated_at) VALUES (?, ?, NULL, '{}', 0, 0, 0)",
    )
      .bind(`cat_rc_${product.id}`, `rc-${product.id}`.toLowerCase())
      .run();
    expect(await version("")).toBeGreaterThan(catalogBefore);
  });

  it("starts and ends a flash sale on time on kept reads, with live units left", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop, { stock: 50 });
    await expectJson(
      await postSale(
        s.token,
        s.shop.id,
        saleBody([{ productId: product.id, salePrice: { amount: 79_900, currency: "THB" }, quota: 20 }]),
      ),
      201,
    );
    // Read (and kept) while the sale is still to come.
    const detail = async () => {
      const res = await get(`/api/v1/products/${product.id}`);
      return { cache: res.headers.get("X-Cache"), product: await expectJson<Read>(res, 200) };
    };
    expect((await detail()).product.flashSale).toBeUndefined();
    expect((await page(s.shop.id)).items[0]?.flashSale).toBeUndefined();
    const kept = await detail();
    expect(kept.cache).toBe("HIT");

    advanceTime(61_000); // into the sale's window, with nothing written
    const during = await detail();
    expect(during.cache).toBe("HIT");
    expect(during.product.flashSale).toMatchObject({ price: { amount: 79_900 }, remaining: 20 });
    expect((await page(s.shop.id)).items[0]?.flashSale).toMatchObject({ price: { amount: 79_900 }, remaining: 20 });

    advanceTime(3_600_000); // past its end
    const after = await detail();
    expect(after.cache).toBe("HIT");
    expect(after.product.flashSale).toBeUndefined();
    expect((await page(s.shop.id)).items[0]?.flashSale).toBeUndefined();
  });
});
