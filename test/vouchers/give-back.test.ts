import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireOverdueOrders } from "../../workers/orders";
import { getSale, liveSale } from "../flash-sales/helpers";
import {
  call,
  checkout,
  consumeOrderEvent,
  expectJson,
  guestBody,
  guestCart,
  makeOverdue,
  type Order,
  orderStatus,
  pay,
  row,
  sellerWithProduct,
  simulate,
} from "../orders/helpers";
import { shopVoucher } from "./helpers";

// Issue 16: a paid-then-cancelled or an expired order gives its voucher use and its flash-sale
// units back exactly once, whatever runs again (a retried cancel, a second expiry sweep, the
// order event's stock consumer). Another buyer's use is in each figure, so a second give-back
// would show (the counts never go below zero by themselves).

const SALE = { amount: 79_900, currency: "THB" };

const used = async (code: string) =>
  (await row<{ used_count: number }>("SELECT used_count FROM vouchers WHERE code = ?", code))?.used_count;
const released = async (orderId: string) =>
  (await row<{ released_at: number | null }>("SELECT released_at FROM voucher_redemptions WHERE order_id = ?", orderId))
    ?.released_at;

/** A live sale of 3 units and a 2-use voucher; buyer A takes 2 sale units and a use, buyer B 1 unit and a use (paid). */
async function twoBuyers() {
  const s = await sellerWithProduct("TH", { stock: 20 });
  const sale = await liveSale(s.token, s.shop.id, [{ productId: s.product.id, salePrice: SALE, quota: 3 }]);
  const voucher = await shopVoucher(s.token, s.shop.id, { type: "fixed", value: 10_000, totalLimit: 2 });
  const buy = async (quantity: number) => {
    const cartToken = await guestCart([{ productId: s.product.id, quantity }]);
    const [order] = await checkout({ cartToken }, guestBody("TH", { voucherCode: voucher.code }));
    expect(order.discount.amount).toBe(10_000);
    expect(order.items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([[quantity, SALE.amount]]);
    return { cartToken, order };
  };
  const a = await buy(2);
  const b = await buy(1);
  await simulate({ cartToken: b.cartToken }, (await pay({ cartToken: b.cartToken }, [b.order.id])).id);
  expect(await used(voucher.code)).toBe(2);
  expect((await getSale(sale.id)).items[0]).toMatchObject({ remaining: 0 });
  return { s, sale, voucher, a, b };
}

describe("an ended order gives its voucher use and flash-sale units back once", () => {
  it("paid, then cancelled: refunded; the use and the 2 sale units come back once however often the cancel runs", async () => {
    const { sale, voucher, a } = await twoBuyers();
    await simulate({ cartToken: a.cartToken }, (await pay({ cartToken: a.cartToken }, [a.order.id])).id);
    expect((await getSale(sale.id)).items[0]).toMatchObject({ sold: 3, remaining: 0 });

    const cancel = () => call("POST", `/api/v1/orders/${a.order.id}/cancel`, { cartToken: a.cartToken, body: {} });
    expect((await expectJson<Order>(await cancel(), 200)).status).toBe("refunded");
    expect(await released(a.order.id)).toEqual(expect.any(Number));
    for (let i = 0; i < 2; i++) expect((await cancel()).status).toBe(409);
    expect(["applied", "duplicate"]).toContain(await consumeOrderEvent(a.order.id, "order.cancelled", "orders.stock"));

    expect(await used(voucher.code)).toBe(1);
    expect((await getSale(sale.id)).items[0]).toMatchObject({ sold: 1, remaining: 2 });
  });

  it("unpaid past its reservation: expired by the sweep; a second sweep and the event's consumer give nothing more", async () => {
    const { sale, voucher, a } = await twoBuyers();
    await makeOverdue(a.order.id);
    expect(await expireOverdueOrders(env)).toBeGreaterThanOrEqual(1);
    expect(await orderStatus(a.order.id)).toMatchObject({ status: "expired" });
    const firstRelease = await released(a.order.id);
    expect(firstRelease).toEqual(expect.any(Number));
    await expireOverdueOrders(env);
    expect(["applied", "duplicate"]).toContain(await consumeOrderEvent(a.order.id, "order.expired", "orders.stock"));
    expect(await released(a.order.id)).toBe(firstRelease);

    expect(await used(voucher.code)).toBe(1);
    expect((await getSale(sale.id)).items[0]).toMatchObject({ sold: 1, remaining: 2 });
    // The use and the units are usable again, by someone else.
    const cartToken = await guestCart([{ productId: sale.items[0].productId, quantity: 2 }]);
    const [again] = await checkout({ cartToken }, guestBody("TH", { voucherCode: voucher.code }));
    expect(again.discount.amount).toBe(10_000);
    expect(again.items.map((i) => [i.quantity, i.unitPrice.amount])).toEqual([[2, SALE.amount]]);
    expect(await used(voucher.code)).toBe(2);
  });
});
