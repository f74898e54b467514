import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { voucherRedemptions } from "../../d1/schema/orders";
import { voucherUseWrites } from "../../workers/orders/vouchers";
import { isGuardRefusal } from "../../workers/platform/batch-guard";
import { database } from "../../workers/platform/db";
import { newAdmin } from "../catalog/helpers";
import {
  call,
  checkout,
  count,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  type Order,
  postOrders,
  row,
  sellerWithProduct,
} from "../orders/helpers";
import { platformVoucher, shopVoucher } from "./helpers";

// Issue 16: vouchers at checkout. CONTRACT.md: unknown, inactive or used up → 409 voucher_unavailable,
// below minSpend → 422 voucher_min_spend; a voucher with totalLimit N is used by at most N orders
// however many race; a cancelled or expired order gives its use back. README "Vouchers": one shop
// voucher plus one platform voucher per checkout (voucherCodes).

const used = async (code: string) =>
  (await row<{ used_count: number }>("SELECT used_count FROM vouchers WHERE code = ?", code))?.used_count;

const quote = (cartToken: string, body: Record<string, unknown>) =>
  call("POST", "/api/v1/checkout/quote", {
    cartToken,
    body: { shippingAddress: guestBody().shippingAddress, ...body },
  });

/** Expects the quote and the checkout to refuse the same way, and returns the checkout's problem. */
async function refusedBoth(cartToken: string, extra: Record<string, unknown>, status: number, code: string) {
  const q = await expectProblem(await quote(cartToken, extra), status, code);
  const c = await expectProblem(await postOrders({ cartToken }, guestBody("TH", extra)), status, code);
  expect(q.detail).toBe(c.detail);
  return c;
}

describe("checkout answers", () => {
  it("unknown, inactive, not started, ended or used up: 409 voucher_unavailable; below minSpend: 422", async () => {
    const s = await sellerWithProduct("TH", { stock: 20 });
    const cartToken = await guestCart([{ productId: s.product.id, quantity: 1 }]);
    const off = await shopVoucher(s.token, s.shop.id);
    await call("DELETE", `/api/v1/vouchers/${off.id}`, { token: s.token });
    const later = await shopVoucher(s.token, s.shop.id, { startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    const ended = await shopVoucher(s.token, s.shop.id);
    await env.DB.prepare("UPDATE vouchers SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, ended.id)
      .run();
    const usedUp = await shopVoucher(s.token, s.shop.id, { totalLimit: 1 });
    await checkout(
      { cartToken: await guestCart([{ productId: s.product.id, quantity: 1 }]) },
      guestBody("TH", { voucherCode: usedUp.code }),
    );
    for (const [code, words] of [
      ["NO-SUCH-VOUCHER", "does not exist"],
      [off.code, "no longer available"],
      [later.code, "not valid yet"],
      [ended.code, "expired"],
      [usedUp.code, "fully used"],
    ]) {
      const problem = await refusedBoth(cartToken, { voucherCode: code }, 409, "voucher_unavailable");
      expect(problem.detail).toContain(words);
      expect(problem.errors).toEqual([{ path: "voucherCode", message: problem.detail }]);
    }
    const big = await shopVoucher(s.token, s.shop.id, { minSpend: { amount: 10_000_000, currency: "THB" } });
    const problem = await refusedBoth(cartToken, { voucherCode: big.code }, 422, "voucher_min_spend");
    expect(problem.detail).toBe("Spend at least 100000 THB to use this voucher.");
    // The Thai buyer reads it in Thai.
    const th = await expectProblem(
      await call("POST", "/api/v1/orders", {
        cartToken,
        body: guestBody("TH", { voucherCode: off.code }),
        idempotencyKey: crypto.randomUUID(),
        headers: { "Accept-Language": "th" },
      }),
      409,
      "voucher_unavailable",
    );
    expect(th.detail).toBe("บัตรกำนัลนี้ไม่สามารถใช้ได้อีกต่อไป");
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", s.product.id)).toBe(1);
  });

  it("free shipping takes exactly the order's shipping cost off", async () => {
    const s = await sellerWithProduct("TH", { stock: 5 });
    const v = await shopVoucher(s.token, s.shop.id, { type: "free_shipping", value: undefined });
    const cartToken = await guestCart([{ productId: s.product.id, quantity: 2 }]);
    const [order] = await checkout({ cartToken }, guestBody("TH", { voucherCode: v.code }));
    expect(order.shippingCost.amount).toBeGreaterThan(0);
    expect(order.discount).toEqual(order.shippingCost);
    expect(order.total.amount).toBe(order.subtotal.amount + order.tax.amount);
    expect(order.voucherCode).toBe(v.code);
  });

  it("stacks one shop voucher and one platform voucher; not two of a kind", async () => {
    const a = await sellerWithProduct("TH", { stock: 5, price: { amount: 100_000, currency: "THB" } });
    const b = await sellerWithProduct("TH", { stock: 5, price: { amount: 300_000, currency: "THB" } });
    const admin = await newAdmin();
    const ofShop = await shopVoucher(a.token, a.shop.id, { type: "fixed", value: 10_000 });
    const ofShop2 = await shopVoucher(a.token, a.shop.id, { type: "fixed", value: 1_000 });
    const ofPlatform = await platformVoucher(admin.token, { type: "percent", value: 10 });
    const lines = [
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 1 },
    ];
    const twoShops = await guestCart(lines);
    await refusedBoth(twoShops, { voucherCodes: [ofShop.code, ofShop2.code] }, 422, "validation_failed");
    const stacked = { voucherCode: ofShop.code, voucherCodes: [ofPlatform.code] };
    const quoted = await expectJson<{
      discount: { amount: number };
      vouchers: { code: string; discount: { amount: number } }[];
    }>(await quote(twoShops, stacked), 200);
    // The shop's 100 off its 1,000 order, then 10% of what is left of the whole: (900 + 3,000) × 10% = 390.
    expect(quoted.vouchers).toEqual([
      { code: ofShop.code, applied: true, discount: { amount: 10_000, currency: "THB" } },
      { code: ofPlatform.code, applied: true, discount: { amount: 39_000, currency: "THB" } },
    ]);
    const orders = await checkout({ cartToken: twoShops }, guestBody("TH", stacked));
    const total = orders.reduce((n, o) => n + o.discount.amount, 0);
    expect(total).toBe(49_000);
    expect(quoted.discount.amount).toBe(49_000);
    expect(orders.find((o) => o.shopId === a.shop.id)?.discount.amount).toBe(19_000);
    expect(await used(ofShop.code)).toBe(1);
    expect(await used(ofPlatform.code)).toBe(1);
  });
});

describe("limits under races", () => {
  it("100 concurrent checkouts with a 10-use voucher: exactly 10 discounted orders, 90 answered 409", async () => {
    const s = await sellerWithProduct("TH", { stock: 200 });
    const v = await shopVoucher(s.token, s.shop.id, { type: "fixed", value: 5_000, totalLimit: 10 });
    const carts = await Promise.all(
      Array.from({ length: 100 }, () => guestCart([{ productId: s.product.id, quantity: 1 }])),
    );
    const results = await Promise.all(
      carts.map(async (cartToken) => {
        const res = await postOrders({ cartToken }, guestBody("TH", { voucherCode: v.code }));
        return { status: res.status, body: (await res.json()) as { orders?: Order[]; code?: string } };
      }),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(10);
    for (const r of won) expect(r.body.orders?.[0].discount.amount).toBe(5_000);
    const lost = results.filter((r) => r.status !== 201);
    expect(lost.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(90).fill("409 voucher_unavailable"));
    expect(await used(v.code)).toBe(10);
    expect(await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = ?", v.code)).toBe(10);
    // The losers hold no stock and wrote no order.
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", s.product.id)).toBe(10);
  }, 300_000); // 100 carts and 100 checkouts on a shared machine: slow, never timed

  it("per-user limit: concurrent uses by one buyer pass the limit never", async () => {
    const s = await sellerWithProduct("TH", { stock: 5 });
    const v = await shopVoucher(s.token, s.shop.id, { perUserLimit: 3 });
    const db = database(env);
    const buyer = `user:${crypto.randomUUID()}`;
    // Ten checkouts of one buyer reach the commit point at once: each batch is the guard, the count
    // and the redemption, as the checkout writes them (checkout.ts, checkout-writes.ts).
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => {
        const checkoutId = `chk_race_${crypto.randomUUID()}`;
        return db.batch([
          ...voucherUseWrites(db, v.code, buyer),
          db.insert(voucherRedemptions).values({
            id: `vrd_${crypto.randomUUID()}`,
            code: v.code,
            userKey: buyer,
            orderId: `ord_race_${i}_${checkoutId}`,
            checkoutId,
            createdAt: Date.now(),
          }),
        ]);
      }),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const o of outcomes) if (o.status === "rejected") expect(isGuardRefusal(o.reason)).toBe(true);
    expect(await used(v.code)).toBe(3);
    expect(await count("SELECT count(*) AS n FROM voucher_redemptions WHERE user_key = ?", buyer)).toBe(3);
  });
});

describe("uses given back", () => {
  it("a platform voucher's use comes back once, with the last cancelled order of its checkout", async () => {
    const a = await sellerWithProduct("TH", { stock: 5 });
    const b = await sellerWithProduct("TH", { stock: 5 });
    const admin = await newAdmin();
    const v = await platformVoucher(admin.token, { type: "fixed", value: 10_000, totalLimit: 2, perUserLimit: 5 });
    const cartToken = await guestCart([
      { productId: a.product.id, quantity: 1 },
      { productId: b.product.id, quantity: 1 },
    ]);
    const orders = await checkout({ cartToken }, guestBody("TH", { voucherCode: v.code }));
    expect(orders.every((o) => o.discount.amount > 0)).toBe(true);
    await checkout(
      { cartToken: await guestCart([{ productId: a.product.id, quantity: 1 }]) },
      guestBody("TH", { voucherCode: v.code }),
    );
    expect(await used(v.code)).toBe(2);
    // A limit below the uses made is refused.
    await expectProblem(
      await call("PATCH", `/api/v1/vouchers/${v.id}`, { token: admin.token, body: { totalLimit: 1 } }),
      422,
      "validation_failed",
    );

    const cancel = (o: Order) => call("POST", `/api/v1/orders/${o.id}/cancel`, { cartToken, body: {} });
    expect((await cancel(orders[0])).status).toBe(200);
    expect(await used(v.code)).toBe(2); // its other order still holds the use
    expect((await cancel(orders[1])).status).toBe(200);
    expect(await used(v.code)).toBe(1);
    expect((await cancel(orders[1])).status).toBe(409);
    expect(await used(v.code)).toBe(1);
    // The use given back is usable again.
    await checkout(
      { cartToken: await guestCart([{ productId: b.product.id, quantity: 1 }]) },
      guestBody("TH", { voucherCode: v.code }),
    );
    expect(await used(v.code)).toBe(2);
  });
});
