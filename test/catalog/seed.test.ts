import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSeedCatalog } from "../../workers/catalog/seed";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, get, type Level, type Page, type Product, patch, post, type Shop } from "./helpers";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

interface SeedResult {
  ran: { name: string; summary: Record<string, number> }[];
  skipped: string[];
}

let first: SeedResult;

beforeAll(async () => {
  first = await expectJson<SeedResult>(await post("/api/v1/dev/seed", undefined), 200);
}, 120_000);

const count = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n ?? 0;

describe("demo catalog seeds", () => {
  it("produce at least 300 products in shops of at least four countries", async () => {
    expect(first.ran.map((r) => r.name)).toEqual(expect.arrayContaining(["brands", "shops", "products"]));
    expect(
      await count("SELECT COUNT(*) AS n FROM products WHERE status = 'active' AND deleted_at IS NULL"),
    ).toBeGreaterThanOrEqual(300);
    const countries = await count(
      "SELECT COUNT(DISTINCT s.country) AS n FROM products p JOIN shops s ON s.id = p.shop_id",
    );
    expect(countries).toBeGreaterThanOrEqual(4);
    for (const country of ["TH", "ID", "VN", "SG", "MY", "PH"]) {
      expect(
        await count(
          "SELECT COUNT(*) AS n FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.country = ?",
          country,
        ),
      ).toBeGreaterThan(20);
    }
    expect(await count("SELECT COUNT(*) AS n FROM brands")).toBeGreaterThanOrEqual(20);
  });

  it("write Thai, Indonesian, Vietnamese and English names, spread over the categories", async () => {
    const names = (await env.DB.prepare("SELECT name FROM products").all<{ name: string }>()).results.map(
      (r) => r.name,
    );
    expect(names.some((n) => /[\u0E00-\u0E7F]/.test(n))).toBe(true); // Thai script
    expect(names).toEqual(
      expect.arrayContaining(["เสื้อยืดคอกลม ผ้าฝ้าย 100% สีขาว", "Kopi Gayo Arabika 250g", "Nồi cơm điện Sharp 1.8L"]),
    );
    expect(names.some((n) => n.startsWith("Handphone Samsung Galaxy A55 5G"))).toBe(true);
    expect(names.some((n) => n.startsWith("Áo thun nam cổ tròn"))).toBe(true);
    expect(names.some((n) => n.startsWith("ครีมกันแดด SPF50"))).toBe(true);
    expect(
      await count("SELECT COUNT(DISTINCT category_id) AS n FROM products WHERE category_id IS NOT NULL"),
    ).toBeGreaterThanOrEqual(15);
    expect(await count("SELECT COUNT(*) AS n FROM products WHERE category_id IS NULL")).toBe(0);
  });

  it("price in each shop's currency, by its rounding policy", async () => {
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.currency != s.currency",
      ),
    ).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM products WHERE currency = 'IDR' AND price_amount % 100 != 0")).toBe(
      0,
    );
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM product_variants v JOIN products p ON p.id = v.product_id WHERE p.currency = 'IDR' AND v.price_amount % 100 != 0",
      ),
    ).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM products WHERE price_amount <= 0")).toBe(0);
    const a55 = await env.DB.prepare(
      "SELECT price_amount AS amount, currency FROM products WHERE name = 'Handphone Samsung Galaxy A55 5G 8/256GB'",
    ).first();
    expect(a55).toEqual({ amount: 649_900_000, currency: "IDR" });
  });

  it("seed each SKU's Inventory and expose it through the API", async () => {
    const list = await expectJson<Page<Product>>(await get("/api/v1/products?limit=30&sort=price_desc"), 200);
    expect(list.items).toHaveLength(30);
    for (const product of list.items.slice(0, 8)) {
      const level = await expectJson<Level>(await get(`/api/v1/inventory/${product.id}`), 200);
      expect(level.onHand).toBe(product.available);
      const read = await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200);
      expect(read.available).toBe(product.available);
    }
    const shops = await env.DB.prepare("SELECT id FROM shops").all<{ id: string }>();
    const shop = await expectJson<Shop>(await get(`/api/v1/shops/${shops.results[0].id}`), 200);
    expect(shop.verificationStatus).toMatch(/verified|pending/);
  });

  it("let seeded sellers sign in and manage their own shop", async () => {
    const login = await expectJson<{ accessToken: string; user: { id: string; roles: string[] } }>(
      await post("/api/v1/auth/login", { email: "seller.jakarta@tchat.example", password: env.SEED_ADMIN_PASSWORD }),
      200,
    );
    expect(login.user.roles).toContain("seller");
    const shop = await env.DB.prepare("SELECT id FROM shops WHERE owner_id = ?")
      .bind(login.user.id)
      .first<{ id: string }>();
    const res = await patch(`/api/v1/shops/${shop?.id}`, { description: "Updated by the seller" }, login.accessToken);
    expect(res.status).toBe(200);
  });

  it("announce every product to search (product.created events, published)", async () => {
    const products = await count("SELECT COUNT(*) AS n FROM products");
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'product.created' AND queue = 'catalog_events'",
      ),
    ).toBe(products);
    expect(
      await count("SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'product.created' AND published_at IS NULL"),
    ).toBe(0);
  });

  it("run once: a second run skips them and changes nothing", async () => {
    const before = await count("SELECT COUNT(*) AS n FROM products");
    const again = await expectJson<SeedResult>(await post("/api/v1/dev/seed", undefined), 200);
    expect(again.skipped).toEqual(expect.arrayContaining(["brands", "shops", "products"]));
    expect(await count("SELECT COUNT(*) AS n FROM products")).toBe(before);
  });

  it("are deterministic: the same ids, SKUs and prices on every machine", () => {
    const categories = new Map([["mobile-phones", "cat_x"]]);
    const a = buildSeedCatalog(categories);
    const b = buildSeedCatalog(categories);
    expect(a.products.map((p) => [p.id, p.sku, p.priceAmount])).toEqual(
      b.products.map((p) => [p.id, p.sku, p.priceAmount]),
    );
    expect(new Set(a.products.map((p) => p.id)).size).toBe(a.products.length);
    expect(new Set(a.variants.map((v) => v.id)).size).toBe(a.variants.length);
  });
});
