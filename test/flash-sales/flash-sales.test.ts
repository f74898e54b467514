import { describe, expect, it } from "vitest";
import { createProduct, newAccount, seller } from "../catalog/helpers";
import { advanceTime } from "../support/clock";
import { call, expectJson, expectProblem } from "../support/http";
import { type FlashSale, getSale, liveSale, postSale, saleBody } from "./helpers";

interface ProductRead {
  id: string;
  price: { amount: number; currency: string };
  flashSale?: { saleId: string; price: { amount: number; currency: string }; endsAt: string; remaining: number };
  variants: { id: string; flashSale?: { price: { amount: number } } }[];
}

const readProduct = async (id: string) => expectJson<ProductRead>(await call("GET", `/api/v1/products/${id}`), 200);

describe("creating a flash sale", () => {
  it("schedules a sale of the owner's product and lists it", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    const body = saleBody([
      { productId: product.id, salePrice: { amount: 99_000, currency: "THB" }, quota: 20, perUserLimit: 2 },
    ]);
    const sale = await expectJson<FlashSale>(await postSale(s.token, s.shop.id, body), 201);
    expect(sale).toMatchObject({ shopId: s.shop.id, name: "Payday sale", status: "upcoming" });
    expect(sale.items).toEqual([
      {
        productId: product.id,
        salePrice: { amount: 99_000, currency: "THB" },
        quota: 20,
        perUserLimit: 2,
        sold: 0,
        remaining: 20,
      },
    ]);
    expect((await getSale(sale.id)).id).toBe(sale.id);
    const page = await expectJson<{ items: FlashSale[] }>(
      await call("GET", `/api/v1/shops/${s.shop.id}/flash-sales`),
      200,
    );
    expect(page.items.map((x) => x.id)).toEqual([sale.id]);
  });

  it("is for the shop's owner only, about the shop's own products", async () => {
    const s = await seller();
    const other = await seller();
    const product = await createProduct(s.token, s.shop);
    const foreign = await createProduct(other.token, other.shop);
    const item = (productId: string) => ({ productId, salePrice: { amount: 1000, currency: "THB" }, quota: 1 });
    await expectProblem(await postSale(other.token, s.shop.id, saleBody([item(product.id)])), 403, "forbidden");
    await expectProblem(await postSale("", s.shop.id, saleBody([item(product.id)])), 401, "unauthorized");
    const wrong = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item(foreign.id)])),
      422,
      "validation_failed",
    );
    expect(wrong.errors?.[0].path).toBe("items.0.productId");
  });

  it("refuses a price not below the product's, another currency, a past or reversed window, an overlap", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    const item = (extra: Record<string, unknown> = {}) => ({
      productId: product.id,
      salePrice: { amount: 100_000, currency: "THB" },
      quota: 5,
      ...extra,
    });
    const tooHigh = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item({ salePrice: { amount: 129_900, currency: "THB" } })])),
      422,
      "validation_failed",
    );
    expect(tooHigh.errors?.[0].path).toBe("items.0.salePrice.amount");
    const currency = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item({ salePrice: { amount: 100, currency: "SGD" } })])),
      422,
      "validation_failed",
    );
    expect(currency.errors?.[0].path).toBe("items.0.salePrice.currency");
    const past = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item()], -60_000)),
      422,
      "validation_failed",
    );
    expect(past.errors?.map((e) => e.path)).toEqual(["startsAt"]);
    const reversed = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item()], 60_000, -1000)),
      422,
      "validation_failed",
    );
    expect(reversed.errors?.map((e) => e.path)).toEqual(["endsAt"]);
    const limit = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item({ perUserLimit: 6 })])),
      422,
      "validation_failed",
    );
    expect(limit.errors?.[0].path).toBe("items.0.perUserLimit");

    await expectJson(await postSale(s.token, s.shop.id, saleBody([item()], 60_000, 3_600_000)), 201);
    const overlap = await expectProblem(
      await postSale(s.token, s.shop.id, saleBody([item()], 1_800_000, 3_600_000)),
      422,
      "validation_failed",
    );
    expect(overlap.detail).toMatch(/overlaps/);
    // Right after the first one ends is fine.
    await expectJson(await postSale(s.token, s.shop.id, saleBody([item()], 3_660_000, 60_000)), 201);
  });

  it("cancels an upcoming sale (owner only), not a started one", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop);
    const items = [{ productId: product.id, salePrice: { amount: 1000, currency: "THB" }, quota: 3 }];
    const upcoming = await expectJson<FlashSale>(await postSale(s.token, s.shop.id, saleBody(items)), 201);
    const stranger = await newAccount();
    await expectProblem(
      await call("POST", `/api/v1/flash-sales/${upcoming.id}/cancel`, { token: stranger.token }),
      403,
      "forbidden",
    );
    const cancelled = await expectJson<FlashSale>(
      await call("POST", `/api/v1/flash-sales/${upcoming.id}/cancel`, { token: s.token }),
      200,
    );
    expect(cancelled.status).toBe("cancelled");
    await expectProblem(await call("GET", `/api/v1/flash-sales/${upcoming.id}`), 404, "not_found");
    // The cancelled sale no longer blocks its window.
    const started = await liveSale(s.token, s.shop.id, items);
    const refused = await expectProblem(
      await call("POST", `/api/v1/flash-sales/${started.id}/cancel`, { token: s.token }),
      409,
      "conflict",
    );
    expect(refused.detail).toMatch(/already started/);
  });
});

describe("a product in its flash sale", () => {
  it("reads with flashSale in the window, lists under /flash-sales/live, and is back to normal after", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop, { stock: 50 });
    expect((await readProduct(product.id)).flashSale).toBeUndefined();
    const sale = await liveSale(s.token, s.shop.id, [
      { productId: product.id, salePrice: { amount: 79_900, currency: "THB" }, quota: 20 },
    ]);
    const during = await readProduct(product.id);
    expect(during.price.amount).toBe(129_900);
    expect(during.flashSale).toEqual({
      saleId: sale.id,
      price: { amount: 79_900, currency: "THB" },
      endsAt: sale.endsAt,
      remaining: 20,
    });
    const live = await expectJson<{ items: FlashSale[] }>(await call("GET", "/api/v1/flash-sales/live?limit=100"), 200);
    expect(live.items.find((x) => x.id === sale.id)?.status).toBe("live");

    advanceTime(3_600_000);
    const after = await readProduct(product.id);
    expect(after.flashSale).toBeUndefined();
    expect(after.price.amount).toBe(129_900);
    expect((await getSale(sale.id)).status).toBe("ended");
  });

  it("shows a variant's sale on that variant", async () => {
    const s = await seller();
    const product = await createProduct(s.token, s.shop, {
      variants: [
        { sku: `V-${crypto.randomUUID()}`, name: "S", stock: 5, attributes: { size: "S" } },
        { sku: `V-${crypto.randomUUID()}`, name: "M", stock: 5, attributes: { size: "M" } },
      ],
    });
    const [small, medium] = (await readProduct(product.id)).variants;
    await expectProblem(
      await postSale(
        s.token,
        s.shop.id,
        saleBody([{ productId: product.id, salePrice: { amount: 1, currency: "THB" }, quota: 1 }]),
      ),
      422,
      "validation_failed",
    );
    await liveSale(s.token, s.shop.id, [
      { productId: product.id, variantId: medium.id, salePrice: { amount: 50_000, currency: "THB" }, quota: 2 },
    ]);
    const read = await readProduct(product.id);
    expect(read.flashSale).toBeUndefined();
    expect(read.variants.find((v) => v.id === small.id)?.flashSale).toBeUndefined();
    expect(read.variants.find((v) => v.id === medium.id)?.flashSale?.price.amount).toBe(50_000);
  });
});
