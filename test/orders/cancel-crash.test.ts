import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireOverdueOrders } from "../../workers/orders/expiry";
import {
  ADDRESS,
  call,
  checkout,
  consumeOrderEvent,
  crashAfterMove,
  expectConserved,
  expectProblem,
  guestOrder,
  makeOverdue,
  newAccount,
  orderStatus,
  pay,
  sellerWithProduct,
  simulate,
  timelineCount,
  userCart,
} from "./helpers";

/** The move's outbox event, run through the stock consumer the queue routes it to. */
const consumeStockEvent = (orderId: string, type: "order.cancelled" | "order.expired") =>
  consumeOrderEvent(orderId, type, "orders.stock");

describe("a cancellation or expiry killed between the order's move and the stock", () => {
  it("cancel: the retry releases the hold (still 409, as any second cancel); the event's consumer releases nothing twice", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 6 });
    const { cartToken, order } = await guestOrder(product.id, 2);
    await guestOrder(product.id, 1); // stays pending: its hold must survive every release below
    await crashAfterMove(order.id, "cancelled");
    expect(await orderStatus(order.id)).toMatchObject({ status: "cancelled" });
    expect(await expectConserved(product.id, 6)).toMatchObject({ available: 3, reserved: 3 });

    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken }),
      409,
      "invalid_transition",
    );
    expect(await expectConserved(product.id, 6)).toMatchObject({ available: 5, reserved: 1, sold: 0 });

    expect(await consumeStockEvent(order.id, "order.cancelled")).toBe("applied");
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken }),
      409,
      "invalid_transition",
    );
    expect(await expectConserved(product.id, 6)).toMatchObject({ available: 5, reserved: 1, sold: 0 });
    expect(await timelineCount(order.id, "status.cancelled")).toBe(1);
  });

  it("cancel: with no retry, the order.cancelled consumer releases the hold once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 4 });
    const { order } = await guestOrder(product.id, 3);
    await crashAfterMove(order.id, "cancelled");
    expect(await expectConserved(product.id, 4)).toMatchObject({ available: 1, reserved: 3 });
    expect(await consumeStockEvent(order.id, "order.cancelled")).toBe("applied");
    expect(await expectConserved(product.id, 4)).toMatchObject({ available: 4, reserved: 0 });
    expect(await consumeStockEvent(order.id, "order.cancelled")).toBe("duplicate");
    expect(await expectConserved(product.id, 4)).toMatchObject({ available: 4, reserved: 0 });
  });

  it("a paid order cancelled: the consumer and the retry restock its units once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const buyer = await newAccount("TH");
    await userCart(buyer.token, [{ productId: product.id, quantity: 2 }]);
    const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
    await simulate({ token: buyer.token }, (await pay({ token: buyer.token }, [order.id])).id);
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 3, sold: 2 });
    await crashAfterMove(order.id, "cancelled");

    expect(await consumeStockEvent(order.id, "order.cancelled")).toBe("applied");
    expect(await expectConserved(product.id, 7)).toMatchObject({ available: 5, reserved: 0, sold: 2 });
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token }),
      409,
      "invalid_transition",
    );
    expect(await expectConserved(product.id, 7)).toMatchObject({ available: 5, reserved: 0, sold: 2 });
  });

  it("expiry: the sweep no longer sees the order; the order.expired consumer releases the hold once", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { order } = await guestOrder(product.id, 2);
    const { order: fresh } = await guestOrder(product.id, 1);
    await makeOverdue(order.id);
    await crashAfterMove(order.id, "expired", "system");
    expect(await expireOverdueOrders(env)).toBe(0);
    expect(await orderStatus(fresh.id)).toMatchObject({ status: "pending_payment" });
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 2, reserved: 3 });

    expect(await consumeStockEvent(order.id, "order.expired")).toBe("applied");
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 4, reserved: 1, sold: 0 });
    expect(await consumeStockEvent(order.id, "order.expired")).toBe("duplicate");
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 4, reserved: 1, sold: 0 });
  });
});
