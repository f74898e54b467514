import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { inventoryKey, reserveStock } from "../../workers/inventory";
import {
  bulkReport,
  call,
  createProduct,
  expectJson,
  expectProblem,
  get,
  type Level,
  newAccount,
  type Product,
  productEvents,
  seller,
  uniqueSku,
  uploadCsv,
} from "./helpers";

async function productOf(id: string, token?: string): Promise<Product> {
  return expectJson<Product>(await get(`/api/v1/products/${id}`, token), 200);
}

async function onHandOf(productId: string): Promise<Level> {
  return expectJson<Level>(await get(`/api/v1/inventory/${productId}`), 200);
}

/** A Thai shop with a plain product and a product with two variants. */
async function catalog() {
  const owner = await seller("TH");
  const tee = await createProduct(owner.token, owner.shop, { price: { amount: 19_900, currency: "THB" }, stock: 5 });
  const shoe = await createProduct(owner.token, owner.shop, {
    price: { amount: 99_000, currency: "THB" },
    stock: 0,
    variants: [
      { sku: uniqueSku("SHOE-40"), name: "40", stock: 2 },
      { sku: uniqueSku("SHOE-41"), name: "41", stock: 3 },
    ],
  });
  return { owner, tee, shoe };
}

describe("POST /api/v1/shops/:id/products/bulk", () => {
  it("applies every row: prices in major units, stock on hand, variants by their own SKU", async () => {
    const { owner, tee, shoe } = await catalog();
    const [v40, v41] = shoe.variants;
    const csv = `sku,price,stock\r\n${tee.sku},249.50,40\r\n${v40.sku},1050,7\r\n"${v41.sku}",,0\r\n${shoe.sku},990.00,\r\n`;
    const report = await bulkReport(owner.shop.id, csv, owner.token);
    expect(report).toMatchObject({ status: "applied", rows: 4, applied: 4, refused: [] });

    const teeNow = await productOf(tee.id);
    expect(teeNow.price).toEqual({ amount: 24_950, currency: "THB" });
    expect(teeNow.available).toBe(40);
    const shoeNow = await productOf(shoe.id);
    expect(shoeNow.price).toEqual({ amount: 99_000, currency: "THB" });
    expect(shoeNow.variants.map((v) => [v.sku, v.price.amount, v.available])).toEqual([
      [v40.sku, 105_000, 7],
      [v41.sku, 99_000, 0],
    ]);
    expect((await productEvents(tee.id)).filter((e) => e.type === "product.updated")).toHaveLength(1);
  });

  it("refuses the whole file when any row is wrong, naming each refused row, and applies nothing", async () => {
    const { owner, tee, shoe } = await catalog();
    const before = await onHandOf(tee.id);
    const csv = [
      "SKU,Price,Stock",
      `${tee.sku},300,99`, // fine on its own
      "NO-SUCH-SKU,10,1",
      `${shoe.variants[0].sku},12.345,1`,
      `${shoe.variants[1].sku},10,-3`,
      `${shoe.sku},,5`, // a product with variants takes stock per variant
      `${tee.sku},1,1`, // listed twice
      `${shoe.variants[0].sku},,`,
    ].join("\n");
    const report = await bulkReport(owner.shop.id, csv, owner.token);
    expect(report.status).toBe("refused");
    expect(report.applied).toBe(0);
    expect(report.rows).toBe(7);
    expect(report.refused.map((r) => [r.row, r.code])).toEqual([
      [3, "unknown_sku"],
      [4, "bad_price"],
      [5, "bad_stock"],
      [6, "bad_stock"],
      [7, "duplicate_sku"],
      [8, "nothing_to_change"],
    ]);
    expect(report.refused.every((r) => r.reason.length > 10)).toBe(true);
    // Nothing half-applied: the valid first row changed nothing either.
    expect((await productOf(tee.id)).price.amount).toBe(tee.price.amount);
    expect(await onHandOf(tee.id)).toEqual(before);
  });

  it("refuses stock below the units unpaid orders hold, and applies nothing", async () => {
    const { owner, tee } = await catalog();
    const held = await reserveStock(env, {
      key: inventoryKey(tee.id, null),
      reservationId: `res-${crypto.randomUUID()}`,
      quantity: 3,
      ttlMs: 60_000,
    });
    expect(held.ok).toBe(true);
    const report = await bulkReport(owner.shop.id, `sku,price,stock\n${tee.sku},500,2\n`, owner.token);
    expect(report.refused).toEqual([expect.objectContaining({ row: 2, sku: tee.sku, code: "below_reserved" })]);
    expect(await onHandOf(tee.id)).toMatchObject({ onHand: 5, reserved: 3 });
    expect((await productOf(tee.id)).price.amount).toBe(tee.price.amount);
  });

  it("replays the report for a retry with the same Idempotency-Key, and refuses the key with another file", async () => {
    const { owner, tee } = await catalog();
    const key = crypto.randomUUID();
    const csv = `sku,stock\n${tee.sku},12\n`;
    const first = await uploadCsv(owner.shop.id, csv, owner.token, key);
    const report = await expectJson<{ uploadId: string; applied: number }>(first, 200);
    expect(report).toMatchObject({ uploadId: key, applied: 1 });
    const again = await uploadCsv(owner.shop.id, csv, owner.token, key);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await expectJson(again, 200)).toEqual(report);
    expect((await productEvents(tee.id)).filter((e) => e.type === "product.updated")).toHaveLength(1);
    await expectProblem(
      await uploadCsv(owner.shop.id, `sku,stock\n${tee.sku},13\n`, owner.token, key),
      422,
      "idempotency_key_reused",
    );
    expect((await onHandOf(tee.id)).onHand).toBe(12);
  });

  it("answers the owner only, and a clear 4xx for a bad file", async () => {
    const { owner, tee } = await catalog();
    const stranger = await newAccount();
    await expectProblem(await uploadCsv(owner.shop.id, `sku,stock\n${tee.sku},1\n`, stranger.token), 403, "forbidden");
    await expectProblem(await uploadCsv(owner.shop.id, `sku,stock\n${tee.sku},1\n`, ""), 401, "unauthorized");
    await expectProblem(await uploadCsv(owner.shop.id, "name,colour\nx,y\n", owner.token), 422, "validation_failed");
    await expectProblem(await uploadCsv(owner.shop.id, "sku,price\n", owner.token), 422, "validation_failed");
    const rows = Array.from({ length: 501 }, (_, i) => `S${i},1`).join("\n");
    await expectProblem(await uploadCsv(owner.shop.id, `sku,price\n${rows}\n`, owner.token), 422, "validation_failed");
    const big = `sku,price\n${"X".repeat(300_000)},1\n`;
    await expectProblem(await uploadCsv(owner.shop.id, big, owner.token), 413, "payload_too_large");
    const json = await expectProblem(
      await call("POST", `/api/v1/shops/${owner.shop.id}/products/bulk`, {
        body: { sku: tee.sku },
        token: owner.token,
      }),
      415,
      "unsupported_media_type",
    );
    expect(json.detail).toMatch(/text\/csv/);
  });
});
