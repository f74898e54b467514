import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orders } from "../../d1/schema";
import { cancelOrder } from "../../workers/orders/cancel";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import type { OrderRow } from "../../workers/orders/present";
import { orderTotals, splitDiscount } from "../../workers/orders/pricing";
import { DEFAULT_TAX_RATES_BPS } from "../../workers/orders/tax";
import { voucherDiscountOn } from "../../workers/orders/vouchers";
import { refundOrderPayment } from "../../workers/payments";
import { database } from "../../workers/platform/db";
import { CURRENCIES, type Currency, money } from "../../workers/platform/money";
import {
  ADDRESS,
  type Country,
  CURRENCY,
  call,
  checkout,
  count,
  createProduct,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  makeOverdue,
  newAccount,
  type Order,
  pay,
  postOrders,
  row,
  seller,
  sellerWithProduct,
  simulate,
  userCart,
} from "./helpers";

const COUNTRIES: Country[] = ["TH", "SG", "ID", "MY", "PH", "VN"];
const RATES: Record<Country, number> = { TH: 700, SG: 900, ID: 1100, MY: 1000, PH: 1200, VN: 1000 };

/** Rounds half away from zero to the currency's step, computed here independently of the code under test. */
function roundStep(amount: number, currency: Currency): number {
  const step = CURRENCIES[currency].step;
  return Math.sign(amount) * Math.round(Math.abs(amount) / step) * step;
}

/** Every part of an order adds up, every amount is whole in its currency. */
function expectBalanced(o: Order, country: Country) {
  const currency = o.currency as Currency;
  const step = CURRENCIES[currency].step;
  for (const m of [
    o.subtotal,
    o.discount,
    o.shippingCost,
    o.tax,
    o.total,
    ...o.items.flatMap((i) => [i.unitPrice, i.lineTotal]),
  ]) {
    expect(m.currency).toBe(currency);
    expect(Number.isSafeInteger(m.amount)).toBe(true);
    expect(m.amount % step, `${m.amount} ${currency}`).toBe(0);
  }
  expect(o.subtotal.amount).toBe(o.items.reduce((n, i) => n + i.lineTotal.amount, 0));
  for (const i of o.items) expect(i.lineTotal.amount).toBe(i.unitPrice.amount * i.quantity);
  const base = o.subtotal.amount - o.discount.amount + o.shippingCost.amount;
  // The tax rate of the destination country, rounded once.
  expect(o.tax.amount).toBe(roundStep((base * RATES[country]) / 10_000, currency));
  expect(o.total.amount).toBe(o.subtotal.amount - o.discount.amount + o.shippingCost.amount + o.tax.amount);
}

describe("order totals in every country", () => {
  const prices: Record<Country, number> = {
    TH: 129_951, // ฿1,299.51
    SG: 1_999, // S$19.99
    ID: 1_499_900, // Rp14,999
    MY: 4_995, // RM49.95
    PH: 99_975, // ₱999.75
    VN: 149_999, // ₫149,999
  };

  for (const country of COUNTRIES) {
    it(`${country}: subtotal − discount + shipping + ${RATES[country] / 100}% tax, in ${CURRENCY[country]}`, async () => {
      expect(DEFAULT_TAX_RATES_BPS[country]).toBe(RATES[country]);
      const s = await seller(country);
      const a = await createProduct(s.token, s.shop, {
        price: { amount: prices[country], currency: CURRENCY[country] },
        stock: 20,
        weightGrams: 700,
      });
      const b = await createProduct(s.token, s.shop, {
        price: { amount: prices[country] * 3, currency: CURRENCY[country] },
        stock: 20,
        weightGrams: 1300,
      });
      const cartToken = await guestCart([
        { productId: a.id, quantity: 3 },
        { productId: b.id, quantity: 1 },
      ]);
      // The rates the buyer was shown are what the order charges.
      const quote = await expectJson<{ options: { id: string; cost: { amount: number } }[] }>(
        await call("POST", "/api/v1/shipping/rates", {
          cartToken,
          body: { destination: { country, postalCode: ADDRESS[country].postalCode } },
        }),
        200,
      );
      const [order] = await checkout({ cartToken }, guestBody(country));
      expect(order.currency).toBe(CURRENCY[country]);
      expect(order.subtotal.amount).toBe(prices[country] * 6);
      expect(order.shippingCost.amount).toBe(quote.options[0].cost.amount);
      expect(order.shipping.optionId).toBe(quote.options[0].id);
      expect(order.number.startsWith(`${country}-`)).toBe(true);
      expectBalanced(order, country);
      expect(order.tax.amount).toBeGreaterThan(0);
      if (country === "ID") expect(order.total.amount % 100).toBe(0);
      // The payment asks for exactly the total.
      const payment = await pay({ cartToken }, [order.id]);
      expect(payment.amount).toEqual(order.total);
    });
  }

  it("a chosen shipping option is honoured; an unknown one falls back to the cheapest", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 5 });
    const a = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [yes] = await checkout({ cartToken: a }, guestBody("ID", { shippingOptionId: "id-jne-yes" }));
    expect(yes.shipping).toMatchObject({ optionId: "id-jne-yes", courier: "JNE", service: "YES" });
    expect(yes.shippingCost).toEqual({ amount: 1_900_000, currency: "IDR" });
    expectBalanced(yes, "ID");
    const b = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [cheap] = await checkout({ cartToken: b }, guestBody("ID", { shippingOptionId: "xx-nope" }));
    expect(cheap.shipping.optionId).toBe("id-sicepat-reg");
  });

  it("a shop cannot ship abroad: 422 naming the shop, nothing reserved", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const problem = await expectProblem(await postOrders({ cartToken }, guestBody("SG")), 422, "validation_failed");
    expect(problem.errors?.[0].path).toBe("shippingAddress.country");
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(0);
  });
});

describe("orderTotals (property)", () => {
  const currencies = Object.keys(CURRENCIES) as Currency[];
  const amountIn = (currency: Currency, max: number) =>
    fc.integer({ min: 0, max }).map((n) => n * CURRENCIES[currency].step);

  it("the parts always add up exactly, in whole steps, for random carts, discounts and countries", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies).chain((currency) =>
          fc.record({
            currency: fc.constant(currency),
            lines: fc.array(
              fc.record({ unit: amountIn(currency, 5_000_000), quantity: fc.integer({ min: 1, max: 99 }) }),
              {
                minLength: 1,
                maxLength: 12,
              },
            ),
            shipping: amountIn(currency, 100_000),
            discount: amountIn(currency, 50_000_000),
            country: fc.constantFrom(...COUNTRIES),
          }),
        ),
        ({ currency, lines, shipping, discount, country }) => {
          const t = orderTotals(
            lines.map((l) => ({ unitPrice: money(l.unit, currency), quantity: l.quantity })),
            money(shipping, currency),
            money(discount, currency),
            country,
            DEFAULT_TAX_RATES_BPS,
          );
          const step = CURRENCIES[currency].step;
          const subtotal = lines.reduce((n, l) => n + l.unit * l.quantity, 0);
          expect(t.subtotal.amount).toBe(subtotal);
          // Capped at what the order costs before tax: a free shipping voucher takes the shipping off too.
          expect(t.discount.amount).toBe(Math.min(discount, subtotal + shipping));
          expect(t.shippingCost.amount).toBe(shipping);
          const base = subtotal - t.discount.amount + shipping;
          expect(t.tax.amount).toBe(roundStep((base * RATES[country]) / 10_000, currency));
          expect(t.total.amount).toBe(t.subtotal.amount - t.discount.amount + t.shippingCost.amount + t.tax.amount);
          for (const m of Object.values(t)) {
            expect(m.currency).toBe(currency);
            expect(m.amount % step).toBe(0);
            expect(m.amount).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a checkout-wide discount split across shops adds up to the discount, in whole steps", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Currency>("THB", "IDR", "VND", "SGD"),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (currency, weights, steps) => {
          const step = CURRENCIES[currency].step;
          const discount = money(steps * step, currency);
          const parts = splitDiscount(
            discount,
            weights.map((w) => money(w * step, currency)),
          );
          expect(parts.reduce((n, p) => n + p.amount, 0)).toBe(discount.amount);
          for (const p of parts) expect(p.amount % step).toBe(0);
        },
      ),
    );
  });
});

describe("voucher discount rounding (property)", () => {
  const currencies = Object.keys(CURRENCIES) as Currency[];

  it("round(min(face, cap, eligible)) half away from zero to the step, once: whole steps, never above the subtotal", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.oneof(
          fc.record({ type: fc.constant("percentage" as const), value: fc.integer({ min: 1, max: 10_000 }) }),
          fc.record({ type: fc.constant("fixed" as const), value: fc.integer({ min: 0, max: 2_000_000_000 }) }),
        ),
        fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null }),
        (currency, eligibleSteps, face, maxDiscount) => {
          const step = CURRENCIES[currency].step;
          const eligible = money(eligibleSteps * step, currency);
          const discount = voucherDiscountOn({ ...face, maxDiscount }, eligible);
          // The rule, computed here independently: every figure ×10,000 (exact integers), the least
          // of them divided once and rounded half up (all figures are non-negative).
          const faceX = face.type === "percentage" ? eligible.amount * face.value : face.value * 10_000;
          const least = Math.min(
            faceX,
            eligible.amount * 10_000,
            ...(maxDiscount === null ? [] : [maxDiscount * 10_000]),
          );
          expect(discount.currency).toBe(currency);
          expect(discount.amount).toBe(Math.round(least / (10_000 * step)) * step);
          expect(discount.amount % step).toBe(0);
          expect(discount.amount).toBeLessThanOrEqual(eligible.amount);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("odd minor units in a rupiah voucher round half away from zero to whole rupiah", () => {
    const eligible = money(1_499_900, "IDR");
    expect(voucherDiscountOn({ type: "fixed", value: 1_234_567, maxDiscount: null }, eligible).amount).toBe(1_234_600);
    expect(voucherDiscountOn({ type: "fixed", value: 1_234_549, maxDiscount: null }, eligible).amount).toBe(1_234_500);
    expect(voucherDiscountOn({ type: "fixed", value: 1_234_550, maxDiscount: null }, eligible).amount).toBe(1_234_600);
    // 12.34% of Rp14,999 is Rp1,850.8766: capped at 99,999 minor units, which round to Rp1,000.
    expect(voucherDiscountOn({ type: "percentage", value: 1234, maxDiscount: 99_999 }, eligible).amount).toBe(100_000);
  });
});

// --- Vouchers ------------------------------------------------------------------------------------

interface VoucherSpec {
  code: string;
  type: "percentage" | "fixed";
  value: number;
  shopId?: string | null;
  currency?: string | null;
  maxDiscount?: number | null;
  minSpend?: number;
  perUserLimit?: number;
  usageLimit?: number | null;
  startsAt?: number | null;
  expiresAt?: number | null;
}

async function voucher(spec: VoucherSpec): Promise<string> {
  await env.DB.prepare(
    `INSERT INTO vouchers (code, shop_id, type, value, currency, max_discount, min_spend, per_user_limit, usage_limit, used_count, starts_at, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  )
    .bind(
      spec.code,
      spec.shopId ?? null,
      spec.type,
      spec.value,
      spec.currency ?? null,
      spec.maxDiscount ?? null,
      spec.minSpend ?? 0,
      spec.perUserLimit ?? 1,
      spec.usageLimit ?? null,
      spec.startsAt ?? null,
      spec.expiresAt ?? null,
      Date.now(),
    )
    .run();
  return spec.code;
}

const usedCount = async (code: string) =>
  (await row<{ used_count: number }>("SELECT used_count FROM vouchers WHERE code = ?", code))?.used_count;

describe("vouchers", () => {
  it("percentage with a maximum discount, and fixed amounts", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50, price: { amount: 129_900, currency: "THB" } });
    await voucher({ code: "TEN50", type: "percentage", value: 1000, maxDiscount: 5_000, perUserLimit: 5 });
    await voucher({ code: "TEN", type: "percentage", value: 1000, perUserLimit: 5 });
    await voucher({ code: "FLAT100", type: "fixed", value: 10_000, currency: "THB", perUserLimit: 5 });

    const capped = await checkout(
      { cartToken: await guestCart([{ productId: product.id, quantity: 1 }]) },
      guestBody("TH", { voucherCode: "ten50" }),
    );
    expect(capped[0]).toMatchObject({ discount: { amount: 5_000, currency: "THB" }, voucherCode: "TEN50" });
    expectBalanced(capped[0], "TH");

    const ten = await checkout(
      { cartToken: await guestCart([{ productId: product.id, quantity: 1 }]) },
      guestBody("TH", { voucherCode: "TEN" }),
    );
    expect(ten[0].discount.amount).toBe(12_990);
    expectBalanced(ten[0], "TH");

    const flat = await checkout(
      { cartToken: await guestCart([{ productId: product.id, quantity: 2 }]) },
      guestBody("TH", { voucherCode: "FLAT100" }),
    );
    expect(flat[0].discount.amount).toBe(10_000);
    expectBalanced(flat[0], "TH");
    expect(await usedCount("TEN50")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = 'FLAT100'")).toBe(1);
  });

  it("refuses an unknown, expired, not-yet-valid, below-minimum or wrong-currency voucher (409/422, nothing reserved)", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    await voucher({ code: "OLD", type: "fixed", value: 1_000, expiresAt: Date.now() - 1_000 });
    await voucher({ code: "SOON", type: "fixed", value: 1_000, startsAt: Date.now() + 86_400_000 });
    await voucher({ code: "BIGSPEND", type: "fixed", value: 1_000, minSpend: 1_000_000 });
    await voucher({ code: "RUPIAH", type: "fixed", value: 1_000_000, currency: "IDR" });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    // CONTRACT.md: unknown, inactive or used up → 409 voucher_unavailable; below minSpend → 422 voucher_min_spend.
    for (const [code, words, status, problemCode] of [
      ["NOPE", "does not exist", 409, "voucher_unavailable"],
      ["OLD", "expired", 409, "voucher_unavailable"],
      ["SOON", "not valid yet", 409, "voucher_unavailable"],
      ["BIGSPEND", "Spend at least", 422, "voucher_min_spend"],
      ["RUPIAH", "IDR", 409, "voucher_unavailable"],
    ] as const) {
      const problem = await expectProblem(
        await postOrders({ cartToken }, guestBody("TH", { voucherCode: code })),
        status,
        problemCode,
      );
      expect(problem.errors?.[0].path).toBe("voucherCode");
      expect(problem.detail).toContain(words);
    }
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(0);
    expect(
      await count("SELECT sum(used_count) AS n FROM vouchers WHERE code IN ('OLD','SOON','BIGSPEND','RUPIAH')"),
    ).toBe(0);
  });

  it("per-user limit: once per signed-in buyer; given back when the order is cancelled", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    await voucher({ code: "ONCE", type: "fixed", value: 2_000, perUserLimit: 1 });
    const buyer = await newAccount("TH");
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const [first] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH, voucherCode: "ONCE" });
    expect(first.discount.amount).toBe(2_000);
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const problem = await expectProblem(
      await postOrders({ token: buyer.token }, { shippingAddress: ADDRESS.TH, voucherCode: "ONCE" }),
      409,
      "voucher_unavailable",
    );
    expect(problem.detail).toContain("already used");
    // Someone else may.
    const other = await newAccount("TH");
    await userCart(other.token, [{ productId: product.id, quantity: 1 }]);
    expect(
      (await checkout({ token: other.token }, { shippingAddress: ADDRESS.TH, voucherCode: "ONCE" }))[0].discount.amount,
    ).toBe(2_000);
    // Cancelled: the use comes back.
    expect((await call("POST", `/api/v1/orders/${first.id}/cancel`, { token: buyer.token })).status).toBe(200);
    expect(
      (await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH, voucherCode: "ONCE" }))[0].discount.amount,
    ).toBe(2_000);
    expect(await usedCount("ONCE")).toBe(2);
  });

  it("an expired order gives its voucher use back", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 50 });
    await voucher({ code: "LAPSE", type: "fixed", value: 2_000, usageLimit: 1 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [order] = await checkout({ cartToken }, guestBody("TH", { voucherCode: "LAPSE" }));
    expect(await usedCount("LAPSE")).toBe(1);
    await makeOverdue(order.id);
    await expireOverdueOrders(env);
    expect(await usedCount("LAPSE")).toBe(0);
    expect(
      await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = 'LAPSE' AND released_at IS NOT NULL"),
    ).toBe(1);
  });

  it("a shop voucher discounts only that shop's order; for a shop not in the cart it is refused", async () => {
    const a = await sellerWithProduct("TH", { stock: 10, price: { amount: 100_000, currency: "THB" } });
    const b = await sellerWithProduct("TH", { stock: 10, price: { amount: 300_000, currency: "THB" } });
    await voucher({ code: "SHOPA", type: "percentage", value: 2000, shopId: a.shop.id });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 1 },
    ]);
    const orders = await checkout({ cartToken }, guestBody("TH", { voucherCode: "SHOPA" }));
    const ofA = orders.find((o) => o.shopId === a.shop.id)!;
    const ofB = orders.find((o) => o.shopId === b.shop.id)!;
    expect(ofA).toMatchObject({ discount: { amount: 20_000 }, voucherCode: "SHOPA" });
    expect(ofB.discount.amount).toBe(0);
    expect(ofB.voucherCode).toBeUndefined();
    expectBalanced(ofA, "TH");
    expectBalanced(ofB, "TH");

    const onlyB = await guestCart([{ productId: b.product.id, quantity: 1 }]);
    const problem = await expectProblem(
      await postOrders({ cartToken: onlyB }, guestBody("TH", { voucherCode: "SHOPA" })),
      409,
      "voucher_unavailable",
    );
    expect(problem.detail).toContain("shop");
  });

  it("a platform voucher across two shops is split in proportion and adds up to the discount", async () => {
    const a = await sellerWithProduct("TH", { stock: 10, price: { amount: 100_001, currency: "THB" } });
    const b = await sellerWithProduct("TH", { stock: 10, price: { amount: 200_003, currency: "THB" } });
    await voucher({ code: "SPLIT", type: "fixed", value: 10_001 });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 1 },
    ]);
    const orders = await checkout({ cartToken }, guestBody("TH", { voucherCode: "SPLIT" }));
    expect(orders.reduce((n, o) => n + o.discount.amount, 0)).toBe(10_001);
    for (const o of orders) expectBalanced(o, "TH");
  });

  it("IDR vouchers never make a total that is not whole rupiah", async () => {
    const { product } = await sellerWithProduct("ID", { stock: 10, price: { amount: 1_499_900, currency: "IDR" } });
    // A voucher row written with odd minor units (e.g. by hand): the discount is still whole rupiah.
    await voucher({ code: "ODDIDR", type: "fixed", value: 1_234_567, currency: "IDR" });
    await voucher({ code: "PCTIDR", type: "percentage", value: 1234, maxDiscount: 99_999 });
    for (const code of ["ODDIDR", "PCTIDR"]) {
      const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
      const [order] = await checkout({ cartToken }, guestBody("ID", { voucherCode: code }));
      expect(order.discount.amount).toBeGreaterThan(0);
      expectBalanced(order, "ID");
    }
  });

  it("usage limit under concurrency: 20 buyers race for 5 uses, exactly 5 get the discount", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 100 });
    await voucher({ code: "FLASH5", type: "fixed", value: 5_000, usageLimit: 5 });
    const carts = await Promise.all(
      Array.from({ length: 20 }, () => guestCart([{ productId: product.id, quantity: 1 }])),
    );
    const results = await Promise.all(
      carts.map(async (cartToken) => {
        const res = await postOrders({ cartToken }, guestBody("TH", { voucherCode: "FLASH5" }));
        return { status: res.status, body: (await res.json()) as { orders?: Order[]; code?: string } };
      }),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(5);
    for (const r of won) expect(r.body.orders?.[0].discount.amount).toBe(5_000);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe("voucher_unavailable");
    }
    expect(await usedCount("FLASH5")).toBe(5);
    expect(await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = 'FLASH5'")).toBe(5);
    // The losers reserved nothing.
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(5);
  });

  it("a cancel that loses its race to a payment gives no voucher use back", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    await voucher({ code: "RACE1", type: "fixed", value: 1_000, usageLimit: 1 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [order] = await checkout({ cartToken }, guestBody("TH", { voucherCode: "RACE1" }));
    // The canceller read the order while it was unpaid...
    const stale = await readOrderRow(order.id);
    // ...then the payment landed first.
    const payment = await pay({ cartToken }, [order.id]);
    await simulate({ cartToken }, payment.id);
    await expect(cancelOrder(env, stale, "customer", null, undefined, refundOrderPayment)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await usedCount("RACE1")).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = 'RACE1' AND released_at IS NULL"),
    ).toBe(1);
    expect((await row<{ status: string }>("SELECT status FROM orders WHERE id = ?", order.id))?.status).toBe("paid");
  });
});

async function readOrderRow(id: string): Promise<OrderRow> {
  return (await database(env).select().from(orders).where(eq(orders.id, id)).get())!;
}
