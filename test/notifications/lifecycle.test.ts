import { describe, expect, it } from "vitest";
import { createEvent } from "../../workers/platform/outbox";
import {
  call,
  deliverToQueue,
  eventually,
  expectJson,
  type Frame,
  NOTIFICATIONS_QUEUE,
  notificationsOf,
  openStream,
  payOrders,
  placeOrder,
  recordingDeps,
  register,
  shopWithProduct,
} from "./helpers";

const ofType = (type: string) => (f: Frame) => (f.notification as { type: string }).type === type;

describe("the order's life, as buyer and seller see it", () => {
  it("low stock reaches the seller live; shipping and delivery reach the buyer with the tracking number", async () => {
    const seller = await register("en");
    const buyer = await register("ms", "MY");
    const { product } = await shopWithProduct(seller);
    await expectJson(
      await call("PUT", `/api/v1/inventory/${product.id}`, {
        token: seller.token,
        body: { onHand: 10, lowStockThreshold: 5 },
      }),
      200,
    );
    const sellerStream = await openStream({ token: seller.token });
    const buyerStream = await openStream({ token: buyer.token });

    const order = await placeOrder(buyer, product.id, 6);
    const low = await sellerStream.next("notification", ofType("seller.stock_low"));
    expect(low.notification).toMatchObject({
      title: `Low stock: ${product.name}`,
      body: "only 4 units left (alert below 5). Restock to keep selling.",
      data: { productId: product.id },
    });

    await payOrders(buyer, [order.id]);
    await sellerStream.next("notification", ofType("seller.order_paid"));
    const move = (body: Record<string, unknown>) =>
      call("PATCH", `/api/v1/orders/${order.id}/status`, { token: seller.token, body });
    await expectJson(await move({ status: "processing" }), 200);
    await expectJson(
      await move({ status: "shipped", trackingNumber: "KEX260000123TH", courier: "Kerry Express" }),
      200,
    );
    const shipped = await buyerStream.next("notification", ofType("order.shipped"));
    expect(shipped.notification).toMatchObject({
      title: `Pesanan ${order.number} dalam penghantaran`,
      body: expect.stringContaining("Nombor penjejakan: KEX260000123TH."),
    });
    await expectJson(await move({ status: "delivered" }), 200);
    await buyerStream.next("notification", ofType("order.delivered"));
    // The buyer's inbox: created, paid, shipped, delivered; nothing for processing.
    const types = (await notificationsOf(buyer.userId)).map((n) => n.type);
    expect(types).toEqual(["order.created", "order.paid", "order.shipped", "order.delivered"]);
    sellerStream.close();
    buyerStream.close();
  });

  it("a cancelled paid order tells the buyer about the refund and the seller not to ship; a failed payment tells the buyer", async () => {
    const seller = await register("en");
    const buyer = await register("en");
    const { shop, product: p } = await shopWithProduct(seller);
    const product = { ...p, shopName: shop.name };
    const paid = await placeOrder(buyer, product.id);
    await payOrders(buyer, [paid.id]);
    await eventually(
      async () => (await notificationsOf(seller.userId, "seller.order_paid")).length === 1,
      "the paid order",
    );
    await expectJson(await call("POST", `/api/v1/orders/${paid.id}/cancel`, { token: buyer.token, body: {} }), 200);
    const cancelled = await eventually(
      async () => (await notificationsOf(buyer.userId, "order.cancelled"))[0],
      "the buyer's cancellation notice",
    );
    const total = new Intl.NumberFormat("en-SG", { style: "currency", currency: "THB" }).format(
      paid.total.amount / 100,
    );
    expect(cancelled.body).toBe(
      `Your order from ${product.shopName} was cancelled. Your payment of ${total} will be refunded.`,
    );
    const sellerNotice = await eventually(
      async () => (await notificationsOf(seller.userId, "seller.order_cancelled"))[0],
      "the seller's cancellation notice",
    );
    expect(sellerNotice.title).toBe(`Order ${paid.number} cancelled`);

    const unpaid = await placeOrder(buyer, product.id);
    await payOrders(buyer, [unpaid.id], "failure");
    const failed = await eventually(
      async () => (await notificationsOf(buyer.userId, "payment.failed"))[0],
      "payment.failed",
    );
    expect(failed.title).toBe(`Payment failed for order ${unpaid.number}`);
    expect(failed.category).toBe("payments");

    // An unpaid order that expires (the expiry sweep announces order.expired).
    const expired = createEvent("order.expired", {
      orderId: unpaid.id,
      shopId: unpaid.shopId,
      customerId: buyer.userId,
      number: unpaid.number,
      from: "pending_payment",
      to: "expired",
    });
    await deliverToQueue(NOTIFICATIONS_QUEUE, [{ body: expired }], recordingDeps().deps);
    const [gone] = await notificationsOf(buyer.userId, "order.expired");
    expect(gone.body).toMatch(/was not paid in time/);
    // Cancelling before payment does not bother the seller.
    expect(await notificationsOf(seller.userId, "seller.order_cancelled")).toHaveLength(1);
  });
});
