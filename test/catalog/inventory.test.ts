import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { inventoryKey, stockLevel } from "../../workers/catalog/stock";
import {
  createProduct,
  expectJson,
  expectProblem,
  get,
  type Level,
  newAccount,
  type Page,
  type Product,
  productEvents,
  put,
  seller,
} from "./helpers";

describe("GET /api/v1/inventory/:productId", () => {
  it("reads the live level of a product without variants", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, { stock: 12 });
    const level = await expectJson<Level>(await get(`/api/v1/inventory/${product.id}`), 200);
    expect(level).toEqual({ productId: product.id, onHand: 12, reserved: 0, available: 12, variants: [] });
    expect(await stockLevel(env, product.id)).toMatchObject({ onHand: 12, available: 12 });
  });

  it("sums the variants and breaks them down", async () => {
    const { token, shop } = await seller("MY");
    const product = await createProduct(token, shop, {
      variants: [
        { sku: "BK-S", name: "S", stock: 1 },
        { sku: "BK-M", name: "M", stock: 2 },
        { sku: "BK-L", name: "L", stock: 0 },
      ],
    });
    const level = await expectJson<Level>(await get(`/api/v1/inventory/${product.id}`), 200);
    expect(level).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(level.variants).toEqual(
      product.variants.map((v, i) => ({
        variantId: v.id,
        sku: v.sku,
        onHand: [1, 2, 0][i],
        reserved: 0,
        available: [1, 2, 0][i],
      })),
    );
    // The product itself holds no stock of its own once it has variants.
    expect(await stockLevel(env, product.id)).toMatchObject({ onHand: 0 });
  });

  it("answers 404 for unknown and hidden products", async () => {
    const { token, shop } = await seller("TH");
    const draft = await createProduct(token, shop, { status: "draft" });
    await expectProblem(await get("/api/v1/inventory/prd_nope"), 404, "not_found");
    await expectProblem(await get(`/api/v1/inventory/${draft.id}`), 404, "not_found");
    await expectJson(await get(`/api/v1/inventory/${draft.id}`, token), 200);
  });
});

describe("PUT /api/v1/inventory/:productId", () => {
  it("sets on-hand stock; product reads, lists and the outbox follow", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, { stock: 5 });
    const level = await expectJson<Level>(
      await put(`/api/v1/inventory/${product.id}`, { onHand: 42, lowStockThreshold: 5 }, token),
      200,
    );
    expect(level).toMatchObject({ productId: product.id, onHand: 42, reserved: 0, available: 42 });
    expect((await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200)).available).toBe(42);
    const list = await expectJson<Page<Product>>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items[0].available).toBe(42);
    const events = await productEvents(product.id);
    expect(events.map((e) => e.type)).toEqual(["product.created", "product.updated"]);
    expect(inventoryKey(product.id)).toBe(`p:${product.id}`);
    expect(inventoryKey(product.id, "var_1")).toBe(`p:${product.id}:v:var_1`);
  });

  it("sets one variant, which it requires for a product with variants", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, {
      variants: [
        { sku: "V1", name: "One", stock: 1 },
        { sku: "V2", name: "Two", stock: 2 },
      ],
    });
    const [one, two] = product.variants;
    await expectProblem(await put(`/api/v1/inventory/${product.id}`, { onHand: 9 }, token), 422, "validation_failed");
    await expectProblem(
      await put(`/api/v1/inventory/${product.id}`, { onHand: 9, variantId: "var_other" }, token),
      422,
      "validation_failed",
    );
    const level = await expectJson<Level>(
      await put(`/api/v1/inventory/${product.id}`, { onHand: 9, variantId: two.id }, token),
      200,
    );
    expect(level).toMatchObject({ onHand: 10, available: 10 });
    expect(level.variants.find((v) => v.variantId === one.id)?.onHand).toBe(1);
    expect(level.variants.find((v) => v.variantId === two.id)?.onHand).toBe(9);
    const list = await expectJson<Page<Product>>(await get(`/api/v1/products?shopId=${shop.id}`), 200);
    expect(list.items[0].available).toBe(10);
  });

  it("refuses a variantId for a product without variants, bad counts, non-owners and anonymous callers", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, { stock: 5 });
    const path = `/api/v1/inventory/${product.id}`;
    await expectProblem(await put(path, { onHand: 1, variantId: "var_x" }, token), 422, "validation_failed");
    await expectProblem(await put(path, { onHand: -1 }, token), 422, "validation_failed");
    await expectProblem(await put(path, { onHand: 1.5 }, token), 422, "validation_failed");
    await expectProblem(await put(path, { onHand: "10" }, token), 422, "validation_failed");
    await expectProblem(await put(path, { onHand: 1, lowStockThreshold: -2 }, token), 422, "validation_failed");
    await expectProblem(await put(path, {}, token), 422, "validation_failed");
    const stranger = await newAccount();
    await expectProblem(await put(path, { onHand: 0 }, stranger.token), 403, "forbidden");
    await expectProblem(await put("/api/v1/inventory/prd_nope", { onHand: 0 }, token), 404, "not_found");
    expect((await expectJson<Level>(await get(path), 200)).onHand).toBe(5);
  });
});
