import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  call,
  createProduct,
  del,
  expectJson,
  expectProblem,
  get,
  type Level,
  newAccount,
  type Product,
  patch,
  post,
  productEvents,
  productInput,
  seller,
  uniqueSku,
} from "./helpers";

describe("POST /api/v1/products", () => {
  it("creates a product with the contract's fields, seeding its stock", async () => {
    const { token, shop } = await seller("TH");
    await env.DB.prepare(
      "INSERT OR IGNORE INTO brands (id, slug, name, created_at) VALUES ('brd_t1', 'samsung', 'Samsung', 0)",
    ).run();
    const category = await env.DB.prepare(
      "INSERT INTO categories (id, slug, parent_id, names, position, created_at, updated_at) VALUES ('cat_phones', 'phones-t', NULL, '{\"en\":\"Phones\"}', 0, 0, 0) RETURNING id",
    ).first<{ id: string }>();
    const res = await post(
      "/api/v1/products",
      {
        shopId: shop.id,
        name: "โทรศัพท์มือถือ Samsung Galaxy A55 5G 8/256GB",
        description: "ประกันศูนย์ไทย 1 ปี",
        categoryId: category?.id,
        brand: "samsung",
        sku: "SM-A556-256",
        price: { amount: 1_499_000, currency: "THB" },
        stock: 25,
        attributes: { storage: "256GB" },
        weightGrams: 213,
        dimensions: { lengthMm: 162, widthMm: 78, heightMm: 9 },
      },
      token,
    );
    const product = await expectJson<Product>(res, 201);
    expect(product).toMatchObject({
      shopId: shop.id,
      name: "โทรศัพท์มือถือ Samsung Galaxy A55 5G 8/256GB",
      slug: "โทรศัพท์มือถือ-samsung-galaxy-a55-5g-8-256gb",
      description: "ประกันศูนย์ไทย 1 ปี",
      categoryId: "cat_phones",
      brand: "Samsung",
      sku: "SM-A556-256",
      price: { amount: 1_499_000, currency: "THB" },
      status: "active",
      images: [],
      variants: [],
      rating: { average: 0, count: 0 },
      available: 25,
      attributes: { storage: "256GB" },
      weightGrams: 213,
      dimensions: { lengthMm: 162, widthMm: 78, heightMm: 9 },
    });
    expect(product.id).toMatch(/^prd_/);
    expect(product.createdAt).toBe(product.updatedAt);

    const read = await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200);
    expect(read).toMatchObject({ id: product.id, available: 25, price: product.price });
    const level = await expectJson<Level>(await get(`/api/v1/inventory/${product.id}`), 200);
    expect(level).toEqual({ productId: product.id, onHand: 25, reserved: 0, available: 25, variants: [] });
  });

  it("creates variants, each with its own SKU, price and stock", async () => {
    const { token, shop } = await seller("VN");
    const product = await createProduct(token, shop, {
      name: "Áo thun nam cổ tròn",
      price: { amount: 149_000, currency: "VND" },
      stock: 999,
      variants: [
        { sku: uniqueSku("AT-M"), name: "M", stock: 4, attributes: { size: "M" } },
        { sku: uniqueSku("AT-XL"), name: "XL", price: { amount: 169_000, currency: "VND" }, stock: 6 },
      ],
    });
    expect(product.slug).toBe("ao-thun-nam-co-tron");
    expect(product.available).toBe(10);
    expect(product.variants).toEqual([
      expect.objectContaining({
        name: "M",
        price: { amount: 149_000, currency: "VND" },
        available: 4,
        attributes: { size: "M" },
      }),
      expect.objectContaining({ name: "XL", price: { amount: 169_000, currency: "VND" }, available: 6 }),
    ]);
    const level = await expectJson<Level>(await get(`/api/v1/inventory/${product.id}`), 200);
    expect(level).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(level.variants.map((v) => [v.variantId, v.onHand])).toEqual(
      product.variants.map((v) => [v.id, v.available]),
    );
  });

  it("refuses a price in another currency than the shop's (422)", async () => {
    const { token, shop } = await seller("TH");
    const problem = await expectProblem(
      await post("/api/v1/products", productInput(shop, { price: { amount: 1000, currency: "USD" } }), token),
      422,
      "validation_failed",
    );
    expect(problem.errors).toEqual([{ path: "price.currency", message: expect.stringContaining("THB") }]);
    const variant = await expectProblem(
      await post(
        "/api/v1/products",
        productInput(shop, {
          variants: [{ sku: uniqueSku(), name: "Red", stock: 1, price: { amount: 100, currency: "SGD" } }],
        }),
        token,
      ),
      422,
      "validation_failed",
    );
    expect(variant.errors?.[0].path).toBe("variants.0.price.currency");
  });

  it("holds IDR prices to whole rupiah (multiples of 100 minor units)", async () => {
    const { token, shop } = await seller("ID");
    const problem = await expectProblem(
      await post("/api/v1/products", productInput(shop, { price: { amount: 1_500_050, currency: "IDR" } }), token),
      422,
      "validation_failed",
    );
    expect(problem.errors).toEqual([{ path: "price.amount", message: expect.stringContaining("100") }]);
    await expectProblem(
      await post(
        "/api/v1/products",
        productInput(shop, {
          variants: [{ sku: uniqueSku(), name: "L", stock: 1, price: { amount: 99, currency: "IDR" } }],
        }),
        token,
      ),
      422,
      "validation_failed",
    );
    const ok = await createProduct(token, shop, {
      name: "Kopi Gayo Arabika 250g",
      price: { amount: 8_500_000, currency: "IDR" },
    });
    expect(ok.price).toEqual({ amount: 8_500_000, currency: "IDR" });
  });

  it("refuses non-owners (403) and unknown shops (404)", async () => {
    const { shop } = await seller("TH");
    const stranger = await newAccount();
    await expectProblem(await post("/api/v1/products", productInput(shop), stranger.token), 403, "forbidden");
    await expectProblem(
      await post("/api/v1/products", { ...productInput(shop), shopId: "shp_nope" }, stranger.token),
      404,
      "not_found",
    );
  });

  it("keeps SKUs unique within a shop (409), across variants too, and distinct within a request (422)", async () => {
    const { token, shop } = await seller("TH");
    const first = await createProduct(token, shop, {
      sku: "TEE-001",
      variants: [{ sku: "TEE-001-M", name: "M", stock: 1 }],
    });
    await expectProblem(await post("/api/v1/products", productInput(shop, { sku: "TEE-001" }), token), 409, "conflict");
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { sku: "tee-001-m" }), token),
      409,
      "conflict",
    );
    const same = await expectProblem(
      await post(
        "/api/v1/products",
        productInput(shop, { sku: "TEE-002", variants: [{ sku: "TEE-002", name: "M", stock: 1 }] }),
        token,
      ),
      422,
      "validation_failed",
    );
    expect(same.errors?.[0].path).toBe("variants.0.sku");
    // Another shop may use the same SKU.
    const other = await seller("TH");
    await createProduct(other.token, other.shop, { sku: "TEE-001" });
    // A variant's SKU, once removed from its product, is free again.
    await expectJson(await patch(`/api/v1/products/${first.id}`, { variants: [] }, token), 200);
    await createProduct(token, shop, { sku: "TEE-001-M" });
  });

  it("validates input: unknown category, bad SKU, negative stock, unknown fields, wrong content type", async () => {
    const { token, shop } = await seller("TH");
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { categoryId: "cat_nope" }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { sku: "has space" }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { stock: -1 }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { stock: 1.5 }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { price: { amount: 10.5, currency: "THB" } }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { price: { amount: 0, currency: "THB" } }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { status: "archived" }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { rating: 5 }), token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await call("POST", "/api/v1/products", {
        raw: "{not json",
        token,
        headers: { "Content-Type": "application/json" },
      }),
      400,
      "bad_request",
    );
    await expectProblem(
      await call("POST", "/api/v1/products", { raw: "name=x", token, headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
  });
});

describe("visibility of drafts, archived and deleted products", () => {
  it("shows a draft to its owner only (404 to others), and never lists it", async () => {
    const { token, shop } = await seller("TH");
    const draft = await createProduct(token, shop, { status: "draft" });
    expect(draft.status).toBe("draft");
    const stranger = await newAccount();
    await expectProblem(await get(`/api/v1/products/${draft.id}`), 404, "not_found");
    await expectProblem(await get(`/api/v1/products/${draft.id}`, stranger.token), 404, "not_found");
    await expectProblem(await get(`/api/v1/inventory/${draft.id}`, stranger.token), 404, "not_found");
    const own = await get(`/api/v1/products/${draft.id}`, token);
    expect((await expectJson<Product>(own, 200)).status).toBe("draft");
    expect(own.headers.get("Cache-Control")).toContain("no-store");
    // A stranger cannot even learn a draft exists by writing to it.
    await expectProblem(
      await patch(`/api/v1/products/${draft.id}`, { name: "Mine" }, stranger.token),
      404,
      "not_found",
    );
    await expectProblem(await del(`/api/v1/products/${draft.id}`, stranger.token), 404, "not_found");
    const list = await expectJson<{ items: Product[] }>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items.map((p) => p.id)).not.toContain(draft.id);

    const archived = await expectJson<Product>(
      await patch(`/api/v1/products/${draft.id}`, { status: "archived" }, token),
      200,
    );
    expect(archived.status).toBe("archived");
    await expectProblem(await get(`/api/v1/products/${draft.id}`, stranger.token), 404, "not_found");
    const active = await expectJson<Product>(
      await patch(`/api/v1/products/${draft.id}`, { status: "active" }, token),
      200,
    );
    expect(active.status).toBe("active");
    await expectJson(await get(`/api/v1/products/${draft.id}`, stranger.token), 200);
  });
});

describe("PATCH /api/v1/products/:id", () => {
  it("lets the owner change fields; the slug follows the name", async () => {
    const { token, shop } = await seller("ID");
    const product = await createProduct(token, shop);
    const updated = await expectJson<Product>(
      await patch(
        `/api/v1/products/${product.id}`,
        {
          name: "Kopi Gayo Arabika 500g",
          description: "Single origin Aceh",
          price: { amount: 16_000_000, currency: "IDR" },
          brand: null,
          attributes: { roast: "medium" },
          weightGrams: 520,
          dimensions: null,
        },
        token,
      ),
      200,
    );
    expect(updated).toMatchObject({
      name: "Kopi Gayo Arabika 500g",
      slug: "kopi-gayo-arabika-500g",
      description: "Single origin Aceh",
      price: { amount: 16_000_000, currency: "IDR" },
      brand: null,
      attributes: { roast: "medium" },
      weightGrams: 520,
      dimensions: null,
      available: 10,
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(product.updatedAt));
  });

  it("refuses non-owners (403 on a visible product), bad prices and empty patches", async () => {
    const { token, shop } = await seller("ID");
    const product = await createProduct(token, shop);
    const stranger = await newAccount();
    await expectProblem(
      await patch(`/api/v1/products/${product.id}`, { name: "Hacked" }, stranger.token),
      403,
      "forbidden",
    );
    await expectProblem(await del(`/api/v1/products/${product.id}`, stranger.token), 403, "forbidden");
    await expectProblem(
      await patch(`/api/v1/products/${product.id}`, { price: { amount: 100, currency: "THB" } }, token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await patch(`/api/v1/products/${product.id}`, { price: { amount: 1_000_001, currency: "IDR" } }, token),
      422,
      "validation_failed",
    );
    await expectProblem(await patch(`/api/v1/products/${product.id}`, {}, token), 422, "validation_failed");
    await expectProblem(
      await patch(`/api/v1/products/${product.id}`, { shopId: "shp_x" }, token),
      422,
      "validation_failed",
    );
    await expectProblem(await patch("/api/v1/products/prd_nope", { name: "x1" }, token), 404, "not_found");
    expect((await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200)).name).toBe(product.name);
  });

  it("replaces the variant list: keeps listed ones, adds new ones with stock, removes the rest", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, {
      variants: [
        { sku: "V-S", name: "S", stock: 3 },
        { sku: "V-M", name: "M", stock: 4 },
      ],
    });
    const [small, medium] = product.variants;
    const updated = await expectJson<Product>(
      await patch(
        `/api/v1/products/${product.id}`,
        {
          variants: [
            { id: medium.id, sku: "V-M", name: "Medium", price: { amount: 139_900, currency: "THB" } },
            { sku: "V-S", name: "S (new)", stock: 7 },
          ],
        },
        token,
      ),
      200,
    );
    expect(updated.variants.map((v) => [v.name, v.sku, v.price.amount, v.available])).toEqual([
      ["Medium", "V-M", 139_900, 4],
      ["S (new)", "V-S", 129_900, 7],
    ]);
    expect(updated.variants.map((v) => v.id)).not.toContain(small.id);
    expect(updated.available).toBe(11);
    await expectProblem(
      await patch(`/api/v1/products/${product.id}`, { variants: [{ id: small.id, sku: "V-X", name: "X" }] }, token),
      422,
      "validation_failed",
    );
    const list = await expectJson<{ items: Product[] }>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items[0].available).toBe(11);

    // Only new variants: the old ones (and the product's own stock key) no longer count.
    const replaced = await expectJson<Product>(
      await patch(`/api/v1/products/${product.id}`, { variants: [{ sku: "V-Z", name: "Z", stock: 2 }] }, token),
      200,
    );
    expect(replaced.variants.map((v) => [v.sku, v.available])).toEqual([["V-Z", 2]]);
    expect(replaced.available).toBe(2);
    const again = await expectJson<{ items: Product[] }>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(again.items[0].available).toBe(2);

    // No variants at all: the product's own SKU holds the stock (never stocked for this product).
    const plain = await expectJson<Product>(
      await patch(`/api/v1/products/${product.id}`, { variants: [] }, token),
      200,
    );
    expect(plain.variants).toEqual([]);
    expect(plain.available).toBe(0);
    await expectJson(await call("PUT", `/api/v1/inventory/${product.id}`, { body: { onHand: 6 }, token }), 200);
    expect((await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200)).available).toBe(6);
  });
});

describe("DELETE /api/v1/products/:id", () => {
  it("soft-deletes: 404 to everyone but the owner, gone from lists, no more writes", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const res = await del(`/api/v1/products/${product.id}`, token);
    expect(res.status).toBe(204);
    await expectProblem(await get(`/api/v1/products/${product.id}`), 404, "not_found");
    const own = await expectJson<Product>(await get(`/api/v1/products/${product.id}`, token), 200);
    expect(own.deletedAt).toBeDefined();
    const list = await expectJson<{ items: Product[] }>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items).toEqual([]);
    await expectProblem(await patch(`/api/v1/products/${product.id}`, { name: "Back" }, token), 404, "not_found");
    await expectProblem(await del(`/api/v1/products/${product.id}`, token), 404, "not_found");
    // Deleted products keep their SKU.
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { sku: product.sku }), token),
      409,
      "conflict",
    );
    const row = await env.DB.prepare("SELECT deleted_at FROM products WHERE id = ?")
      .bind(product.id)
      .first<{ deleted_at: number }>();
    expect(row?.deleted_at).toBeGreaterThan(0);
  });
});

describe("catalog events", () => {
  it("records product.created, product.updated and product.deleted in the outbox, with productId and shopId", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    await expectJson(await patch(`/api/v1/products/${product.id}`, { name: "Renamed tee" }, token), 200);
    await expectJson(await call("PUT", `/api/v1/inventory/${product.id}`, { body: { onHand: 3 }, token }), 200);
    expect((await del(`/api/v1/products/${product.id}`, token)).status).toBe(204);
    const events = await productEvents(product.id);
    expect(events).toEqual([
      { type: "product.created", queue: "catalog_events", data: { productId: product.id, shopId: shop.id } },
      { type: "product.updated", queue: "catalog_events", data: { productId: product.id, shopId: shop.id } },
      { type: "product.updated", queue: "catalog_events", data: { productId: product.id, shopId: shop.id } },
      { type: "product.deleted", queue: "catalog_events", data: { productId: product.id, shopId: shop.id } },
    ]);
  });

  it("writes nothing when a request fails", async () => {
    const { token, shop } = await seller("TH");
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox_events").first<{ n: number }>();
    await expectProblem(
      await post("/api/v1/products", productInput(shop, { price: { amount: 1, currency: "USD" } }), token),
      422,
      "validation_failed",
    );
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox_events").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });
});
