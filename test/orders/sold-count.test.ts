import { describe, expect, it } from "vitest";
import {
  ADDRESS,
  call,
  checkout,
  count,
  deliver,
  expectJson,
  guestOrder,
  newAccount,
  type Order,
  patchStatus,
  pay,
  row,
  sandboxEvent,
  sellerWithProduct,
  simulate,
  userCart,
} from "./helpers";

async function soldCount(productId: string): Promise<number> {
  return (await row<{ sold_count: number }>("SELECT sold_count FROM products WHERE id = ?", productId))!.sold_count;
}

/** product.updated events about a product, written by the system (the sold-count moves). */
const soldEvents = (productId: string) =>
  count(
    `SELECT count(*) AS n FROM outbox_events WHERE queue = 'catalog_events' AND type = 'product.updated'
       AND json_extract(envelope, '$.data.productId') = ? AND json_extract(envelope, '$.actor.type') = 'system'`,
    productId,
  );

/** A signed-in buyer's paid order of `quantity` units (sandbox gateway). */
async function paidOrder(productId: string, quantity: number) {
  const buyer = await newAccount("TH");
  await userCart(buyer.token, [{ productId, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
  const payment = await pay({ token: buyer.token }, [order.id]);
  await simulate({ token: buyer.token }, payment.id);
  return { buyer, order };
}

const move = async (token: string, id: string, body: Record<string, unknown>) =>
  expectJson<Order>(await patchStatus(token, id, body), 200);

describe("products.sold_count follows paid orders", () => {
  it("rises by the ordered quantity when the sandbox webhook pays the order, once however often it comes", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    expect(await soldCount(product.id)).toBe(0);
    const { cartToken, order } = await guestOrder(product.id, 3);
    // Checkout holds stock but sells nothing yet.
    expect(await soldCount(product.id)).toBe(0);

    const payment = await pay({ cartToken }, [order.id]);
    const event = await sandboxEvent(payment.id, payment.amount);
    expect(await expectJson(await deliver("sandbox", event), 200)).toMatchObject({ applied: true, duplicate: false });
    expect(await soldCount(product.id)).toBe(3);
    expect(await soldEvents(product.id)).toBe(1);

    // The same delivery again, a re-signed copy at once, and another event id for the same payment.
    expect(await expectJson(await deliver("sandbox", event), 200)).toMatchObject({ duplicate: true });
    await Promise.all([deliver("sandbox", event), deliver("sandbox", await sandboxEvent(payment.id, payment.amount))]);
    await deliver("sandbox", await sandboxEvent(payment.id, payment.amount, "succeeded", `evt_other_${payment.id}`));
    expect(await soldCount(product.id)).toBe(3);
    expect(await soldEvents(product.id)).toBe(1);

    // Another buyer's order adds to it.
    await paidOrder(product.id, 2);
    expect(await soldCount(product.id)).toBe(5);
    expect(await soldEvents(product.id)).toBe(2);
  });

  it("falls back when a paid order is cancelled (and refunded), and only once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { buyer, order } = await paidOrder(product.id, 4);
    expect(await soldCount(product.id)).toBe(4);
    const cancelled = await expectJson<Order>(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token, body: {} }),
      200,
    );
    // cancelled → refunded: the refund itself does not count a second time.
    expect(cancelled.status).toBe("refunded");
    expect(await soldCount(product.id)).toBe(0);
    expect(await soldEvents(product.id)).toBe(2);
    expect((await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token })).status).toBe(409);
    expect(await soldCount(product.id)).toBe(0);
  });

  it("falls back when the shop refunds a paid order, and when a delivered order is returned", async () => {
    const s = await sellerWithProduct("TH", { stock: 10 });
    const refunded = await paidOrder(s.product.id, 2);
    const returned = await paidOrder(s.product.id, 3);
    expect(await soldCount(s.product.id)).toBe(5);

    // A paid order is refunded by an admin (the shop cancels it instead).
    const admin = await newAccount("TH");
    await row(`UPDATE users SET roles = '["customer","admin"]' WHERE id = ? RETURNING id`, admin.userId);
    expect((await move(admin.token, refunded.order.id, { status: "refunded" })).status).toBe("refunded");
    expect(await soldCount(s.product.id)).toBe(3);

    await move(s.token, returned.order.id, { status: "processing" });
    await move(s.token, returned.order.id, { status: "shipped", trackingNumber: "KER123456789TH" });
    await move(s.token, returned.order.id, { status: "delivered" });
    expect(await soldCount(s.product.id)).toBe(3);
    expect((await move(s.token, returned.order.id, { status: "returned" })).status).toBe("returned");
    expect(await soldCount(s.product.id)).toBe(0);
    // returned → refunded gives the money back; the units were already taken off.
    expect((await move(s.token, returned.order.id, { status: "refunded" })).status).toBe("refunded");
    expect(await soldCount(s.product.id)).toBe(0);
  });

  it("never goes below zero", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { buyer, order } = await paidOrder(product.id, 2);
    await row("UPDATE products SET sold_count = 1 WHERE id = ? RETURNING id", product.id);
    await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token, body: {} });
    expect(await soldCount(product.id)).toBe(0);
  });

  it("an unpaid order that is cancelled never counts", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const { cartToken, order } = await guestOrder(product.id, 2);
    expect(
      (await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken, body: { reason: "changed my mind" } }))
        .status,
    ).toBe(200);
    expect(await soldCount(product.id)).toBe(0);
    expect(await soldEvents(product.id)).toBe(0);
  });
});
