import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { orderById } from "../../workers/orders/order-rows";
import { refundOrderPayment } from "../../workers/payments";
import { database } from "../../workers/platform/db";
import {
  ADDRESS,
  call,
  checkout,
  consumeOrderEvent,
  count,
  crashAfterMove,
  expectJson,
  newAccount,
  orderStatus,
  pay,
  paymentRow,
  sellerWithProduct,
  simulate,
  userCart,
} from "../orders/helpers";

/** A signed-in buyer's paid order of `quantity` units of a fresh product. */
async function paidOrder(quantity = 2) {
  const { product } = await sellerWithProduct("TH", { stock: 5 });
  const buyer = await newAccount("TH");
  await userCart(buyer.token, [{ productId: product.id, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
  const payment = await pay({ token: buyer.token }, [order.id]);
  await simulate({ token: buyer.token }, payment.id);
  return { buyer, order, payment };
}

const refundRows = (orderId: string) => count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", orderId);

/*
 * A cancellation of a paid order killed after its commit point (the move to `cancelled`, with its
 * `order.cancelled` outbox event) and before the refund row existed: nothing but the event's
 * payments.refund consumer knows the money is owed.
 */
describe("a paid order's cancellation killed before its refund", () => {
  it("the payments.refund consumer refunds it once; a second delivery refunds nothing", async () => {
    const { buyer, order, payment } = await paidOrder();
    await crashAfterMove(order.id, "cancelled");
    expect(await orderStatus(order.id)).toMatchObject({ status: "cancelled", payment_status: "paid" });
    expect(await refundRows(order.id)).toBe(0);

    expect(await consumeOrderEvent(order.id, "order.cancelled", "payments.refund")).toBe("applied");
    expect(await orderStatus(order.id)).toMatchObject({ status: "refunded", payment_status: "refunded" });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "refunded", refunded_amount: order.total.amount });
    expect(await refundRows(order.id)).toBe(1);

    expect(await consumeOrderEvent(order.id, "order.cancelled", "payments.refund")).toBe("duplicate");
    expect(await refundRows(order.id)).toBe(1);
    const seen = await expectJson<{ status: string }>(
      await call("GET", `/api/v1/orders/${order.id}`, { token: buyer.token }),
      200,
    );
    expect(seen.status).toBe("refunded");
  });

  it("the consumer racing the inline refund: the money goes back once", async () => {
    const { order, payment } = await paidOrder(1);
    await crashAfterMove(order.id, "cancelled");
    const cancelled = await orderById(database(env), order.id);
    if (!cancelled) throw new Error("order vanished");
    await Promise.all([
      refundOrderPayment(env, cancelled, "order cancelled"),
      consumeOrderEvent(order.id, "order.cancelled", "payments.refund"),
      refundOrderPayment(env, cancelled, "order cancelled"),
    ]);
    expect(await refundRows(order.id)).toBe(1);
    expect(await paymentRow(payment.id)).toMatchObject({ status: "refunded", refunded_amount: order.total.amount });
    expect(await orderStatus(order.id)).toMatchObject({ status: "refunded" });
  });

  it("an unpaid order's cancellation: the consumer applies it and refunds nothing", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 3 });
    const buyer = await newAccount("TH");
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
    await crashAfterMove(order.id, "cancelled");
    expect(await consumeOrderEvent(order.id, "order.cancelled", "payments.refund")).toBe("applied");
    expect(await refundRows(order.id)).toBe(0);
    expect(await orderStatus(order.id)).toMatchObject({ status: "cancelled" });
  });
});
