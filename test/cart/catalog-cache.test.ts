import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productVariants } from "../../d1/schema";
import { cachedCartCatalog, cartLineKey } from "../../workers/catalog";
import { database } from "../../workers/platform/db";
import { postSale, saleBody } from "../flash-sales/helpers";
import { sellerWithProduct } from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { addItem, expectCart, expectJson, expectProblem, newProduct, setPrice, setStatus, softDelete } from "./helpers";

/*
 * The cart's catalog rows kept in the isolate (workers/catalog/cart-pricing-cache.ts): kept while
 * the product's catalog version holds, and seen changed by the very next add once it moves.
 */

const entryOf = async (productId: string, variantId: string | null = null) =>
  (await cachedCartCatalog(env, [{ productId, variantId }])).get(cartLineKey({ productId, variantId }));

describe("the cart's catalog rows kept per isolate", () => {
  it("are kept while the product is unchanged, and read again once its price changes", async () => {
    const product = await newProduct({ price: 10_000 });
    const first = await entryOf(product.id);
    expect(first?.unitPrice).toBe(10_000);
    expect(await entryOf(product.id)).toBe(first);

    await setPrice(product.id, 12_500);
    const after = await entryOf(product.id);
    expect(after).not.toBe(first);
    expect(after?.unitPrice).toBe(12_500);
  });

  it("a price change is seen by the next add", async () => {
    const product = await newProduct({ price: 10_000, stock: 20 });
    const res = await addItem({ productId: product.id, quantity: 1 });
    const cartToken = res.headers.get("X-Cart-Token")!;
    expect((await expectCart(res)).items[0]?.unitPrice.amount).toBe(10_000);
    await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken }));

    await setPrice(product.id, 9_000);
    const cart = await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken }));
    expect(cart.items[0]).toMatchObject({ quantity: 3, unitPrice: { amount: 9_000 }, priceChanged: false });
    expect(cart.subtotal?.amount).toBe(27_000);
  });

  it("a variant's new price is seen by the next add (the variant's write moves its product's version)", async () => {
    const product = await newProduct({ price: 10_000, variants: [{ name: "Red", price: 11_000, stock: 5 }] });
    const variantId = product.variants[0]!.id;
    await expectCart(await addItem({ productId: product.id, variantId, quantity: 1 }));
    await database(env).update(productVariants).set({ priceAmount: 11_500 }).where(eq(productVariants.id, variantId));
    const cart = await expectCart(await addItem({ productId: product.id, variantId, quantity: 1 }));
    expect(cart.items[0]?.unitPrice.amount).toBe(11_500);
  });

  it("an unpublished, archived or deleted product is 404 at the next add", async () => {
    for (const change of [
      (id: string) => setStatus(id, "draft"),
      (id: string) => setStatus(id, "archived"),
      (id: string) => softDelete(id),
    ]) {
      const product = await newProduct({ stock: 5 });
      const res = await addItem({ productId: product.id, quantity: 1 });
      const cartToken = res.headers.get("X-Cart-Token")!;
      await expectCart(res);
      await change(product.id);
      await expectProblem(await addItem({ productId: product.id, quantity: 1 }, { cartToken }), 404, "not_found");
    }
  });

  it("a flash sale's price shows from its start and is gone at its end, with nothing written then", async () => {
    const { token, shop, product } = await sellerWithProduct("TH", { stock: 50 });
    const price = product.price.amount;
    const salePrice = { amount: price - 1_000, currency: product.price.currency };
    // A minute ahead, for an hour: the add before its start keeps the row with the sale still to come.
    const body = saleBody([{ productId: product.id, salePrice, quota: 10 }], 60_000, 3_600_000);
    await expectJson(await postSale(token, shop.id, body), 201);
    const res = await addItem({ productId: product.id, quantity: 1 });
    const cartToken = res.headers.get("X-Cart-Token")!;
    expect((await expectCart(res)).items[0]?.unitPrice.amount).toBe(price);

    advanceTime(61_000);
    const during = await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken }));
    expect(during.items[0]?.unitPrice.amount).toBe(salePrice.amount);

    advanceTime(3_600_000);
    const after = await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken }));
    expect(after.items[0]?.unitPrice.amount).toBe(price);
  });
});
