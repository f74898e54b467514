import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { setOnHand } from "../../workers/catalog/stock";
import {
  bytes,
  call,
  createProduct,
  del,
  expectJson,
  expectProblem,
  get,
  PNG_HEADER,
  type Product,
  patch,
  put,
  seller,
} from "./helpers";

async function read(id: string, token?: string, query = ""): Promise<{ cache: string | null; product: Product }> {
  const res = await get(`/api/v1/products/${id}${query}`, token);
  const cache = res.headers.get("X-Cache");
  return { cache, product: await expectJson<Product>(res, 200) };
}

describe("product reads through the Cache API", () => {
  it("answers the first read from D1 (MISS) and the next from the cache (HIT)", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const first = await read(product.id);
    expect(first.cache).toBe("MISS");
    const second = await read(product.id);
    expect(second.cache).toBe("HIT");
    expect(second.product).toEqual(first.product);
    // The owner of an active product reads the same public view, from the cache too.
    expect((await read(product.id, token)).cache).toBe("HIT");
  });

  it("keys by locale", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    expect((await read(product.id, undefined, "?locale=th")).cache).toBe("MISS");
    expect((await read(product.id, undefined, "?locale=th")).cache).toBe("HIT");
    expect((await read(product.id, undefined, "?locale=vi")).cache).toBe("MISS");
    expect((await read(product.id, undefined, "?locale=vi")).cache).toBe("HIT");
  });

  it("costs no D1 query on a hit: the cached product is served even with D1's row gone", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    expect((await read(product.id)).cache).toBe("MISS");
    await env.DB.prepare("UPDATE products SET name = 'changed behind the cache' WHERE id = ?").bind(product.id).run();
    const hit = await read(product.id);
    expect(hit.cache).toBe("HIT");
    expect(hit.product.name).toBe(product.name);
  });

  it("is invalidated by every change to the product: update, stock, media, delete", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    await read(product.id);
    expect((await read(product.id)).cache).toBe("HIT");

    await expectJson(await patch(`/api/v1/products/${product.id}`, { name: "New name" }, token), 200);
    const afterUpdate = await read(product.id);
    expect(afterUpdate.cache).toBe("MISS");
    expect(afterUpdate.product.name).toBe("New name");
    expect((await read(product.id)).cache).toBe("HIT");

    await expectJson(await put(`/api/v1/inventory/${product.id}`, { onHand: 4 }, token), 200);
    const afterStock = await read(product.id);
    expect(afterStock.cache).toBe("MISS");
    expect(afterStock.product.available).toBe(4);

    await read(product.id);
    await expectJson(
      await call("POST", `/api/v1/products/${product.id}/media`, {
        raw: bytes(PNG_HEADER),
        token,
        headers: { "Content-Type": "image/png" },
      }),
      201,
    );
    const afterMedia = await read(product.id);
    expect(afterMedia.cache).toBe("MISS");
    expect(afterMedia.product.images).toHaveLength(1);

    await read(product.id);
    expect((await del(`/api/v1/products/${product.id}`, token)).status).toBe(204);
    await expectProblem(await get(`/api/v1/products/${product.id}`), 404, "not_found");
  });

  it("keeps `available` live on a hit (merged from Inventory after the cache read)", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, { stock: 10 });
    expect((await read(product.id)).product.available).toBe(10);
    // Stock moves without touching the catalog (as an order's reservation would).
    await setOnHand(env, product.id, null, 3);
    const hit = await read(product.id);
    expect(hit.cache).toBe("HIT");
    expect(hit.product.available).toBe(3);

    const withVariants = await createProduct(token, shop, {
      variants: [
        { sku: "C-V1", name: "One", stock: 1 },
        { sku: "C-V2", name: "Two", stock: 2 },
      ],
    });
    await read(withVariants.id);
    await setOnHand(env, withVariants.id, withVariants.variants[1].id, 9);
    const variantHit = await read(withVariants.id);
    expect(variantHit.cache).toBe("HIT");
    expect(variantHit.product.available).toBe(10);
    expect(variantHit.product.variants.map((v) => v.available)).toEqual([1, 9]);
  });

  it("never caches owner-only views (drafts)", async () => {
    const { token, shop } = await seller("TH");
    const draft = await createProduct(token, shop, { status: "draft" });
    expect((await read(draft.id, token)).cache).toBe("MISS");
    expect((await read(draft.id, token)).cache).toBe("MISS");
    await expectProblem(await get(`/api/v1/products/${draft.id}`), 404, "not_found");
    // Published, then unpublished: the public copy goes with it.
    await expectJson(await patch(`/api/v1/products/${draft.id}`, { status: "active" }, token), 200);
    await read(draft.id);
    expect((await read(draft.id)).cache).toBe("HIT");
    await expectJson(await patch(`/api/v1/products/${draft.id}`, { status: "draft" }, token), 200);
    await expectProblem(await get(`/api/v1/products/${draft.id}`), 404, "not_found");
  });
});
