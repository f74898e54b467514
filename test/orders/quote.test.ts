import { describe, expect, it } from "vitest";
import { uniqueIp, withVars } from "../platform/limits";
import {
  ADDRESS,
  type Caller,
  call,
  checkout,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  type Money,
  newAccount,
  type Order,
  postOrders,
  sellerWithProduct,
  userCart,
} from "./helpers";
import { holdings, voucher } from "./probed";

// POST /api/v1/checkout/quote (beyond the contract): the checkout's prices without the checkout.

interface QuotedOrder {
  shopId: string;
  shopName?: string;
  items: Order["items"];
  shipping: { optionId: string; courier: string; service: string; etd?: string };
  subtotal: Money;
  shippingCost: Money;
  tax: Money;
  discount: Money;
  total: Money;
  currency: string;
}

interface Quote {
  orders: QuotedOrder[];
  subtotal: Money;
  shippingCost: Money;
  tax: Money;
  discount: Money;
  total: Money;
  currency: string;
  voucher?: { code: string; applied: boolean };
}

const quote = (who: Caller, body: unknown, headers?: Record<string, string>) =>
  call("POST", "/api/v1/checkout/quote", { ...who, body, headers });

const MONEY_PARTS = ["subtotal", "shippingCost", "tax", "discount", "total"] as const;

/** A guest cart with two shops' products and a 10% platform voucher. */
async function twoShopCart() {
  const a = await sellerWithProduct("TH", { stock: 10, weightGrams: 700 });
  const b = await sellerWithProduct("TH", { stock: 10, weightGrams: 300 });
  const code = await voucher({ code: `Q-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, usageLimit: 3 });
  const cartToken = await guestCart([
    { productId: a.product.id, quantity: 2 },
    { productId: b.product.id, quantity: 1 },
  ]);
  return { a, b, code, cartToken, products: [a.product.id, b.product.id] };
}

describe("POST /checkout/quote", () => {
  it("answers exactly what the checkout then charges, and takes nothing", async () => {
    const { a, b, code, cartToken, products } = await twoShopCart();
    const before = await holdings({ cartToken }, products, code);
    // Without contactEmail: a quote sends no confirmation.
    const body = { shippingAddress: ADDRESS.TH, voucherCode: code.toLowerCase() };
    const quoted = await expectJson<Quote>(await quote({ cartToken }, body), 200);

    // Nothing was taken: the cart, the stock, the voucher's uses and the orders are as they were.
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
    expect(quoted.voucher).toEqual({ code, applied: true });
    expect(quoted.orders.map((o) => o.shopId)).toEqual([a.shop.id, b.shop.id]);
    expect(quoted.orders[0]).toMatchObject({ shopName: a.shop.name, currency: "THB" });
    for (const part of MONEY_PARTS) {
      expect(quoted[part].amount).toBe(quoted.orders.reduce((n, o) => n + o[part].amount, 0));
    }

    const orders = await checkout({ cartToken }, guestBody("TH", { voucherCode: code }));
    expect(orders).toHaveLength(2);
    for (const [i, order] of orders.entries()) {
      const q = quoted.orders[i];
      expect(q.shopId).toBe(order.shopId);
      for (const part of MONEY_PARTS) expect(q[part]).toEqual(order[part]);
      expect(q.items).toEqual(order.items);
      expect(q.shipping).toEqual({
        optionId: order.shipping.optionId,
        courier: order.shipping.courier,
        service: order.shipping.service,
        ...(order.shipping.etd ? { etd: order.shipping.etd } : {}),
        book: { courier: "flash", service: "standard" },
      });
      expect(order.shipping.book).toEqual({ courier: "flash", service: "standard" });
    }
  });

  it("a signed-in buyer quotes with a saved address; another buyer's address id is refused as at checkout", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const buyer = await newAccount("TH");
    const address = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/users/me/addresses", {
        token: buyer.token,
        body: { ...ADDRESS.TH, isPrimary: true },
      }),
      201,
    );
    await userCart(buyer.token, [{ productId: product.id, quantity: 3 }]);
    const mine = await expectJson<Quote>(await quote({ token: buyer.token }, { shippingAddressId: address.id }), 200);
    expect(mine.orders).toHaveLength(1);
    expect(mine.orders[0].items).toMatchObject([{ productId: product.id, quantity: 3 }]);
    expect(mine.voucher).toBeUndefined();

    const other = await newAccount("TH");
    await userCart(other.token, [{ productId: product.id, quantity: 1 }]);
    const refused = await expectProblem(
      await quote({ token: other.token }, { shippingAddressId: address.id }),
      422,
      "validation_failed",
    );
    const atCheckout = await expectProblem(
      await postOrders({ token: other.token }, { shippingAddressId: address.id }),
      422,
      "validation_failed",
    );
    expect(refused.detail).toBe(atCheckout.detail);
    expect(refused.errors).toEqual(atCheckout.errors);
  });

  it("quotes only the caller's own cart: another guest's token or a signed-in caller's own (empty) cart", async () => {
    const { cartToken } = await twoShopCart();
    const stranger = await newAccount("TH");
    // A signed-in caller is quoted their own cart, whatever X-Cart-Token they send.
    await expectProblem(
      await quote({ token: stranger.token, cartToken }, { shippingAddress: ADDRESS.TH }),
      422,
      "validation_failed",
    );
    // A guest without a token has no cart: the checkout's empty-cart answer, in the caller's language.
    const problem = await expectProblem(
      await quote({}, { shippingAddress: ADDRESS.TH }, { "Accept-Language": "th" }),
      422,
      "validation_failed",
    );
    expect(problem.errors).toEqual([{ path: "cart", message: "empty" }]);
    expect(problem.detail).not.toMatch(/Your cart is empty/);
    // A token of a cart that was never filled.
    await expectProblem(
      await quote({ cartToken: "x".repeat(43) }, { shippingAddress: ADDRESS.TH }),
      422,
      "validation_failed",
    );
  });

  it("refuses a voucher as the checkout does, and changes nothing", async () => {
    const { code, cartToken, products } = await twoShopCart();
    const usedUp = await voucher({ code: `${code}-X`, usageLimit: 0 });
    const before = await holdings({ cartToken }, products, code);
    for (const voucherCode of ["NO-SUCH-CODE", usedUp]) {
      const q = await expectProblem(
        await quote({ cartToken }, { shippingAddress: ADDRESS.TH, voucherCode }),
        409,
        "voucher_unavailable",
      );
      const c = await expectProblem(
        await postOrders({ cartToken }, guestBody("TH", { voucherCode })),
        409,
        "voucher_unavailable",
      );
      expect(q.detail).toBe(c.detail);
      expect(q.errors).toEqual([{ path: "voucherCode", message: q.detail }]);
    }
    expect(await holdings({ cartToken }, products, code)).toEqual(before);
  });

  it("a shop voucher discounts only its shop's order", async () => {
    const { a, b, cartToken } = await twoShopCart();
    const code = await voucher({
      code: `S-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
      shopId: b.shop.id,
      type: "fixed",
      value: 100,
    });
    const quoted = await expectJson<Quote>(
      await quote({ cartToken }, { shippingAddress: ADDRESS.TH, voucherCode: code }),
      200,
    );
    const [ofA, ofB] = quoted.orders;
    expect(ofA.shopId).toBe(a.shop.id);
    expect(ofA.discount.amount).toBe(0);
    expect(ofB.discount.amount).toBe(100);
    expect(quoted.discount.amount).toBe(100);
  });

  it("checks its body like the checkout: an address is required", async () => {
    const { cartToken } = await twoShopCart();
    await expectProblem(await quote({ cartToken }, {}), 422, "validation_failed");
    await expectProblem(
      await quote({ cartToken }, { shippingAddress: ADDRESS.TH, extra: 1 }),
      422,
      "validation_failed",
    );
  });

  it("is rate limited like cart changes, so voucher codes cannot be guessed at speed", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    // Its line was added before the cart had a token, so only the quotes count: two, then 429.
    const limited = withVars({ WRITE_LIMIT_CART: "2,1000,600" });
    const ip = uniqueIp();
    const ask = (voucherCode: string) =>
      limited("POST", "/api/v1/checkout/quote", { cartToken, ip, body: { shippingAddress: ADDRESS.TH, voucherCode } });
    await expectProblem(await ask("GUESS-1"), 409, "voucher_unavailable");
    await expectProblem(await ask("GUESS-2"), 409, "voucher_unavailable");
    const refused = await expectProblem(await ask("GUESS-3"), 429, "rate_limited");
    expect(refused.detail).toMatch(/Try again/);
  });
});
