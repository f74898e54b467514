import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createProduct,
  del,
  expectJson,
  expectProblem,
  get,
  type Page,
  type Product,
  patch,
  type Shop,
  seller,
} from "./helpers";

/**
 * One shop with 17 products: prices with ties, ratings and sales set in D1 (reviews and orders
 * own those), categories in a small tree, a draft and a deleted product that must never show.
 */
let owner: { token: string; shop: Shop };
let products: Product[] = [];
const PRICES = [500, 300, 300, 900, 100, 300, 700, 700, 200, 800, 400, 600, 300, 1000, 150, 250, 350];

async function category(id: string, parentId: string | null) {
  await env.DB.prepare(
    'INSERT INTO categories (id, slug, parent_id, names, position, created_at, updated_at) VALUES (?, ?, ?, \'{"en":"x"}\', 0, 0, 0)',
  )
    .bind(id, id.replace("_", "-"), parentId)
    .run();
}

beforeAll(async () => {
  await category("cat_root", null);
  await category("cat_child", "cat_root");
  await category("cat_grandchild", "cat_child");
  await category("cat_other", null);
  owner = await seller("TH");
  const categories = ["cat_root", "cat_child", "cat_grandchild", "cat_other"];
  for (const [i, price] of PRICES.entries()) {
    const product = await createProduct(owner.token, owner.shop, {
      name: `Product ${i}`,
      price: { amount: price * 100, currency: "THB" },
      categoryId: categories[i % 4],
      variants: i % 5 === 0 ? [{ sku: `L-${i}-A`, name: "A", stock: 2 }] : undefined,
    });
    products.push(product);
  }
  // Ratings and sales come from reviews and orders; set them directly, with ties.
  for (const [i, p] of products.entries()) {
    await env.DB.prepare("UPDATE products SET rating_average = ?, rating_count = ?, sold_count = ? WHERE id = ?")
      .bind([4.5, 3.2, 4.5, 5][i % 4], i % 3, (i * 7) % 5, p.id)
      .run();
  }
  // Neither a draft nor a deleted product is ever listed.
  const draft = await createProduct(owner.token, owner.shop, { status: "draft", name: "Hidden draft" });
  const gone = await createProduct(owner.token, owner.shop, { name: "Deleted" });
  expect((await del(`/api/v1/products/${gone.id}`, owner.token)).status).toBe(204);
  expect(draft.status).toBe("draft");
  const fresh = await expectJson<Page<Product>>(await get(`/api/v1/products?shopId=${owner.shop.id}&limit=100`), 200);
  products = fresh.items;
});

async function all(
  query: string,
  limit: number,
  from: string | null = null,
): Promise<{ items: Product[]; pages: number }> {
  const items: Product[] = [];
  let cursor: string | null = from;
  let pages = 0;
  do {
    const page: Page<Product> = await expectJson<Page<Product>>(
      await get(`/api/v1/products?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
      200,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  return { items, pages };
}

type Row = { id: string; createdAt: number; price: number; rating: number; ratingCount: number; sold: number };

async function rows(): Promise<Map<string, Row>> {
  const { results } = await env.DB.prepare(
    "SELECT id, created_at AS createdAt, price_amount AS price, rating_average AS rating, rating_count AS ratingCount, sold_count AS sold FROM products WHERE shop_id = ?",
  )
    .bind(owner.shop.id)
    .all<Row>();
  return new Map(results.map((r) => [r.id, r]));
}

const desc = (a: number | string, b: number | string) => (a < b ? 1 : a > b ? -1 : 0);
const asc = (a: number | string, b: number | string) => -desc(a, b);

describe("GET /api/v1/products", () => {
  it("lists only active, undeleted products", () => {
    expect(products).toHaveLength(PRICES.length);
    expect(products.map((p) => p.name)).not.toContain("Hidden draft");
    expect(products.map((p) => p.name)).not.toContain("Deleted");
    expect(products.every((p) => p.status === "active")).toBe(true);
  });

  it("gives list items the Product shape, with their variants (no N+1: batched per page)", () => {
    const withVariant = products.find((p) => p.name === "Product 5");
    expect(withVariant?.variants).toEqual([expect.objectContaining({ sku: "L-5-A", name: "A" })]);
    expect(withVariant?.available).toBe(2);
    expect(products.find((p) => p.name === "Product 1")?.variants).toEqual([]);
    for (const p of products) {
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining([
          "id",
          "shopId",
          "name",
          "price",
          "status",
          "images",
          "variants",
          "rating",
          "available",
        ]),
      );
    }
  });

  const SORTS: [string, (a: Row, b: Row) => number][] = [
    ["newest", (a, b) => desc(a.createdAt, b.createdAt) || desc(a.id, b.id)],
    ["price_asc", (a, b) => asc(a.price, b.price) || asc(a.id, b.id)],
    ["price_desc", (a, b) => desc(a.price, b.price) || desc(a.id, b.id)],
    ["rating", (a, b) => desc(a.rating, b.rating) || desc(a.ratingCount, b.ratingCount) || desc(a.id, b.id)],
    ["best_selling", (a, b) => desc(a.sold, b.sold) || desc(a.id, b.id)],
  ];

  it.each(SORTS)("sort=%s orders correctly and its cursor visits every product exactly once", async (sort, compare) => {
    const byId = await rows();
    for (const limit of [1, 4, 5, 100]) {
      const { items, pages } = await all(`shopId=${owner.shop.id}&sort=${sort}`, limit);
      const ids = items.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(PRICES.length);
      expect(pages).toBe(Math.ceil(PRICES.length / limit));
      const expected = [...byId.values()]
        .filter((r) => ids.includes(r.id))
        .sort(compare)
        .map((r) => r.id);
      expect(ids).toEqual(expected);
    }
  });

  it("pages stay stable when products are added while paging", async () => {
    const first = await expectJson<Page<Product>>(
      await get(`/api/v1/products?shopId=${owner.shop.id}&sort=price_asc&limit=5`),
      200,
    );
    const extra = await createProduct(owner.token, owner.shop, {
      price: { amount: 100, currency: "THB" },
      name: "Cheap",
    });
    const rest = await all(`shopId=${owner.shop.id}&sort=price_asc`, 5, first.nextCursor);
    const ids = [...first.items, ...rest.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(extra.id); // cheaper than the first page: behind the cursor
    expect(ids.length).toBe(PRICES.length);
    expect((await del(`/api/v1/products/${extra.id}`, owner.token)).status).toBe(204);
  });

  it("filters by price range (minor units), inclusive", async () => {
    const { items } = await all(`shopId=${owner.shop.id}&minPrice=30000&maxPrice=70000&sort=price_asc`, 100);
    const expected = PRICES.filter((p) => p >= 300 && p <= 700).length;
    expect(items).toHaveLength(expected);
    expect(items.every((p) => p.price.amount >= 30000 && p.price.amount <= 70000)).toBe(true);
    expect((await all(`shopId=${owner.shop.id}&minPrice=100000`, 100)).items.map((p) => p.price.amount)).toEqual([
      100000,
    ]);
    expect((await all(`shopId=${owner.shop.id}&currency=VND`, 100)).items).toEqual([]);
    expect((await all(`shopId=${owner.shop.id}&currency=THB`, 100)).items).toHaveLength(PRICES.length);
  });

  it("filters by category, including every descendant", async () => {
    const count = (cats: string[]) => products.filter((p) => cats.includes(p.categoryId ?? "")).length;
    const root = await all("categoryId=cat_root", 100);
    expect(root.items).toHaveLength(count(["cat_root", "cat_child", "cat_grandchild"]));
    const child = await all("categoryId=cat_child", 100);
    expect(child.items).toHaveLength(count(["cat_child", "cat_grandchild"]));
    expect(child.items.every((p) => ["cat_child", "cat_grandchild"].includes(p.categoryId ?? ""))).toBe(true);
    expect((await all("categoryId=cat_other", 100)).items).toHaveLength(count(["cat_other"]));
    expect((await all("categoryId=cat_nothing", 100)).items).toEqual([]);
  });

  it("filters by shop", async () => {
    const other = await seller("TH");
    const theirs = await createProduct(other.token, other.shop);
    const list = await all(`shopId=${other.shop.id}`, 100);
    expect(list.items.map((p) => p.id)).toEqual([theirs.id]);
    const everyone = await all("sort=newest", 100);
    expect(everyone.items.map((p) => p.id)).toEqual(expect.arrayContaining([theirs.id, products[0].id]));
    await expectJson(await patch(`/api/v1/products/${theirs.id}`, { status: "draft" }, other.token), 200);
    expect((await all(`shopId=${other.shop.id}`, 100)).items).toEqual([]);
  });

  it("refuses bad queries with 422", async () => {
    const page = await expectJson<Page<Product>>(await get(`/api/v1/products?sort=newest&limit=2`), 200);
    await expectProblem(
      await get(`/api/v1/products?sort=price_asc&cursor=${page.nextCursor}`),
      422,
      "validation_failed",
    );
    await expectProblem(await get("/api/v1/products?cursor=garbage!"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?sort=cheapest"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?limit=101"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?limit=0"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?minPrice=-1"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?minPrice=abc"), 422, "validation_failed");
    await expectProblem(await get("/api/v1/products?minPrice=500&maxPrice=100"), 422, "validation_failed");
  });
});
