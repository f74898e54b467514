import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productVariants } from "../../d1/schema";
import { database } from "../../workers/platform/db";
import {
  addItem,
  type Cart,
  expectCart,
  expectJson,
  newAccount,
  newProduct,
  newShop,
  setPrice,
  setStatus,
  softDelete,
  stock,
  validateCart,
} from "./helpers";

interface Validation {
  valid: boolean;
  problems: {
    itemId: string;
    code: string;
    available?: number;
    previousUnitPrice?: { amount: number; currency: string };
    unitPrice?: { amount: number; currency: string };
  }[];
  cart: Cart;
}

const validate = async (who: { token?: string; cartToken?: string }) =>
  expectJson<Validation>(await validateCart(who), 200);

describe("POST /cart/validate", () => {
  it("a fresh cart is valid; a new guest gets a token", async () => {
    const res = await validateCart();
    expect(res.headers.get("X-Cart-Token")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await expectJson<Validation>(res, 200)).toMatchObject({ valid: true, problems: [] });
  });

  it("a cart that can be bought as it is is valid", async () => {
    const user = await newAccount();
    const product = await newProduct({ stock: 5 });
    await addItem({ productId: product.id, quantity: 5 }, user);
    const result = await validate(user);
    expect(result).toMatchObject({ valid: true, problems: [] });
    expect(result.cart.items[0].quantity).toBe(5);
  });

  it("detects out_of_stock when the stock falls below the line (0 or fewer than wanted)", async () => {
    const user = await newAccount();
    const shop = await newShop("TH");
    const a = await newProduct({ shop, stock: 5 });
    const b = await newProduct({ shop, stock: 5 });
    const cart = await expectCart(await addItem({ productId: a.id, quantity: 2 }, user));
    const both = await expectCart(await addItem({ productId: b.id, quantity: 3 }, user));
    const lineA = cart.items[0].id;
    const lineB = both.items.find((i) => i.productId === b.id)!.id;
    await stock(a.id, 0);
    await stock(b.id, 2);
    const result = await validate(user);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      { itemId: lineA, code: "out_of_stock", available: 0 },
      { itemId: lineB, code: "out_of_stock", available: 2 },
    ]);
  });

  it("detects price_changed once, then records the new price", async () => {
    const product = await newProduct({ price: 10_000, stock: 5 });
    const res = await addItem({ productId: product.id, quantity: 1 });
    const token = res.headers.get("X-Cart-Token")!;
    const lineId = (await expectCart(res)).items[0].id;
    await setPrice(product.id, 8_900);
    const first = await validate({ cartToken: token });
    expect(first.valid).toBe(false);
    expect(first.problems).toEqual([
      {
        itemId: lineId,
        code: "price_changed",
        previousUnitPrice: { amount: 10_000, currency: "THB" },
        unitPrice: { amount: 8_900, currency: "THB" },
      },
    ]);
    expect(first.cart.items[0]).toMatchObject({ unitPrice: { amount: 8_900 }, priceChanged: false });
    expect(first.cart.subtotal).toEqual({ amount: 8_900, currency: "THB" });

    const second = await validate({ cartToken: token });
    expect(second).toMatchObject({ valid: true, problems: [] });
  });

  it("a variant's price change counts too", async () => {
    const user = await newAccount();
    const product = await newProduct({ variants: [{ name: "XL", price: 50_000, stock: 3 }] });
    const variant = product.variants[0];
    await addItem({ productId: product.id, variantId: variant.id, quantity: 1 }, user);
    await database(env).update(productVariants).set({ priceAmount: 55_000 }).where(eq(productVariants.id, variant.id));
    const result = await validate(user);
    expect(result.problems.map((p) => p.code)).toEqual(["price_changed"]);
    expect(result.problems[0].unitPrice?.amount).toBe(55_000);
  });

  it("detects unavailable: archived, deleted, back to draft, variant deleted", async () => {
    const user = await newAccount();
    const shop = await newShop("TH");
    const archived = await newProduct({ shop });
    const deleted = await newProduct({ shop });
    const drafted = await newProduct({ shop });
    const varied = await newProduct({ shop, variants: [{ name: "M", stock: 4 }] });
    const fine = await newProduct({ shop });
    await addItem({ productId: archived.id, quantity: 1 }, user);
    await addItem({ productId: deleted.id, quantity: 1 }, user);
    await addItem({ productId: drafted.id, quantity: 1 }, user);
    await addItem({ productId: varied.id, variantId: varied.variants[0].id, quantity: 1 }, user);
    const cart = await expectCart(await addItem({ productId: fine.id, quantity: 1 }, user));
    const lineOf = (productId: string) => cart.items.find((i) => i.productId === productId)!.id;

    await setStatus(archived.id, "archived");
    await softDelete(deleted.id);
    await setStatus(drafted.id, "draft");
    await database(env)
      .update(productVariants)
      .set({ deletedAt: Date.now() })
      .where(eq(productVariants.id, varied.variants[0].id));

    const result = await validate(user);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      { itemId: lineOf(archived.id), code: "unavailable" },
      { itemId: lineOf(deleted.id), code: "unavailable" },
      { itemId: lineOf(drafted.id), code: "unavailable" },
      { itemId: lineOf(varied.id), code: "unavailable" },
    ]);
    expect(result.cart.subtotal?.amount).toBe(129_900);
  });

  it("a product removed from D1 altogether is unavailable, shown by its remembered name", async () => {
    const user = await newAccount();
    const product = await newProduct({ name: "Bánh mì", price: 3_000 });
    await addItem({ productId: product.id, quantity: 2 }, user);
    await env.DB.prepare("DELETE FROM products WHERE id = ?").bind(product.id).run();
    const result = await validate(user);
    expect(result.problems.map((p) => p.code)).toEqual(["unavailable"]);
    expect(result.cart.items[0]).toMatchObject({ name: "Bánh mì", purchasable: false, sku: null, available: 0 });
  });
});
