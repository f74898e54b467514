import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SearchResult } from "../../schemas/search";
import { resetClock } from "../../workers/platform/clock";
import { database } from "../../workers/platform/db";
import { bumpSearchGeneration } from "../../workers/search/cache";
import { createProduct, seller } from "../catalog/helpers";
import { postSale, saleBody } from "../flash-sales/helpers";
import { advanceTime } from "../support/clock";
import {
  call,
  deliver,
  expectJson,
  insertCategory,
  insertProduct,
  patch,
  productEvent,
  put,
  searchUrl,
  suggest,
} from "./helpers";

// Search answers kept in the isolate (workers/search/cache.ts) under the search generation and the
// whole catalog's version, both read in one D1 batch: any write to the index or to what a card shows
// (price, stock, a sale made or cancelled) is seen at once; a sale starts and ends on time on a kept
// answer with nothing written.

type Found = SearchResult["items"][number];

async function find(word: string): Promise<{ cache: string | null; item: Found | undefined }> {
  const res = await call("GET", searchUrl({ q: word }));
  const body = await expectJson<SearchResult>(res, 200);
  return { cache: res.headers.get("X-Cache"), item: body.items[0] };
}

/** A seller's product with a word no other product has, in the search index. */
async function indexedProduct() {
  const s = await seller();
  const word = `kettle${crypto.randomUUID().slice(0, 8).replace(/-/g, "")}`;
  const product = await createProduct(s.token, s.shop, { name: `Electric ${word}`, stock: 40 });
  expect((await deliver([productEvent("product.created", product.id)])).retryMessages).toEqual([]);
  return { s, product, word };
}

describe("search answers kept in the isolate", () => {
  it("answers the same search again from the isolate, and again from D1 after an index write", async () => {
    const { word } = await indexedProduct();
    expect((await find(word)).cache).toBe("MISS");
    expect((await find(word)).cache).toBe("HIT");
    const db = database(env);
    await db.batch([bumpSearchGeneration(db)]);
    expect((await find(word)).cache).toBe("MISS");
  });

  it("shows a new price and a stock-take at once, before the product is indexed again", async () => {
    const { s, product, word } = await indexedProduct();
    expect((await find(word)).item?.price.amount).toBe(product.price.amount);
    const price = { amount: 55_500, currency: "THB" };
    expect((await patch(`/api/v1/products/${product.id}`, { price }, s.token)).status).toBe(200);
    const repriced = await find(word);
    expect(repriced.cache).toBe("MISS");
    expect(repriced.item?.price).toEqual(price);
    const kept = await find(word);
    expect(kept.cache).toBe("HIT");
    expect(kept.item?.price).toEqual(price);

    expect((await put(`/api/v1/inventory/${product.id}`, { onHand: 3 }, s.token)).status).toBe(200);
    const counted = await find(word);
    expect(counted.cache).toBe("MISS");
    expect(counted.item?.available).toBe(3);
  });

  it("shows a sale made after the answer was kept, starting and ending on time on a kept answer, with live units left", async () => {
    const { s, product, word } = await indexedProduct();
    const before = await find(word);
    expect(before.cache).toBe("MISS");
    expect(before.item?.id).toBe(product.id);
    expect(before.item?.flashSale).toBeUndefined();

    const price = { amount: 99_000, currency: "THB" };
    const sale = saleBody([{ productId: product.id, salePrice: price, quota: 12 }], 2_000, 60_000);
    const created = await expectJson<{ id: string }>(await postSale(s.token, s.shop.id, sale), 201);
    const upcoming = await find(word); // the sale moved the catalog's version: answered again, kept with it
    expect(upcoming.cache).toBe("MISS");
    expect(upcoming.item?.flashSale).toBeUndefined();

    advanceTime(3_000); // into the sale's window, nothing written
    const during = await find(word);
    expect(during.cache).toBe("HIT");
    expect(during.item?.flashSale).toMatchObject({ saleId: created.id, price, remaining: 12 });

    advanceTime(60_000); // past its end
    const after = await find(word);
    expect(after.item?.flashSale).toBeUndefined();
  });

  it("drops a cancelled sale at once", async () => {
    const { s, product, word } = await indexedProduct();
    const price = { amount: 88_000, currency: "THB" };
    const body = saleBody([{ productId: product.id, salePrice: price, quota: 5 }], 2_000, 600_000);
    const created = await expectJson<{ id: string }>(await postSale(s.token, s.shop.id, body), 201);
    const kept = await find(word); // kept with the upcoming sale's item
    expect(kept.cache).toBe("MISS");
    expect(kept.item?.flashSale).toBeUndefined();

    const cancel = await call("POST", `/api/v1/flash-sales/${created.id}/cancel`, { token: s.token });
    expect(cancel.status).toBe(200);
    advanceTime(3_000); // when it would have started
    const after = await find(word);
    expect(after.cache).toBe("MISS");
    expect(after.item?.flashSale).toBeUndefined();
  });

  it("does not use sales kept at a later time after the platform clock went back", async () => {
    const { s, product, word } = await indexedProduct();
    const price = { amount: 77_000, currency: "THB" };
    await expectJson(
      await postSale(s.token, s.shop.id, saleBody([{ productId: product.id, salePrice: price, quota: 3 }], 1_000)),
      201,
    );
    advanceTime(2_000);
    expect((await find(word)).item?.flashSale).toMatchObject({ price, remaining: 3 });
    resetClock(); // as between tests: before the sale starts again
    const earlier = await find(word);
    expect(earlier.cache).toBe("MISS");
    expect(earlier.item?.flashSale).toBeUndefined();
  });
});

describe("suggestions kept in the isolate", () => {
  it("shows a product indexed and a category added at once to a prefix typed before", async () => {
    const stem = `zq${crypto.randomUUID().replace(/-/g, "").slice(0, 6)}`;
    expect(await suggest(stem)).toEqual([]);
    expect(await suggest(stem)).toEqual([]); // kept
    await insertCategory(`c-${stem}`, { en: `${stem}ware`, th: "เครื่องครัว" });
    expect(await suggest(stem)).toEqual([`${stem}ware`]);

    // The row first (the catalog's version moves), then its indexing (only the search generation moves).
    const product = await insertProduct({ name: `${stem}ware kettle`, brand: null });
    expect(await suggest(stem)).not.toContain(product.name);
    expect((await deliver([productEvent("product.created", product.id)])).retryMessages).toEqual([]);
    expect(await suggest(stem)).toContain(product.name);
  });
});
