import { describe, expect, it } from "vitest";
import { newAdmin } from "../catalog/helpers";
import {
  type Account,
  ADDRESS,
  call,
  checkout,
  count,
  expectConserved,
  expectJson,
  expectProblem,
  getOrder,
  guestOrder,
  newAccount,
  type Order,
  orderStatus,
  outboxCount,
  patchStatus,
  pay,
  paymentRow,
  rows,
  sellerWithProduct,
  simulate,
  timeline,
  userCart,
} from "./helpers";

interface Setup {
  seller: Account;
  productId: string;
  buyer: Account;
  order: Order;
}

/** A signed-in buyer's order of `quantity` units (stock 5), optionally paid. */
async function buyerOrder(quantity = 1, paid = true): Promise<Setup> {
  const s = await sellerWithProduct("TH", { stock: 5 });
  const buyer = await newAccount("TH");
  await userCart(buyer.token, [{ productId: s.product.id, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
  if (paid) {
    const payment = await pay({ token: buyer.token }, [order.id]);
    await simulate({ token: buyer.token }, payment.id);
  }
  return { seller: s, productId: s.product.id, buyer, order };
}

const move = async (token: string, id: string, body: Record<string, unknown>) =>
  expectJson<Order>(await patchStatus(token, id, body), 200);

describe("the order state machine", () => {
  it("walks paid → processing → shipped → delivered by the shop owner and completed by an admin, each move on the timeline with actor and time", async () => {
    const { seller, buyer, order } = await buyerOrder();
    const started = Date.now();
    expect((await move(seller.token, order.id, { status: "processing" })).status).toBe("processing");
    const shipped = await move(seller.token, order.id, {
      status: "shipped",
      trackingNumber: "KER123456789TH",
      courier: "Kerry Express",
    });
    expect(shipped).toMatchObject({
      status: "shipped",
      shipping: { trackingNumber: "KER123456789TH", courier: "Kerry Express" },
    });
    expect((await move(seller.token, order.id, { status: "delivered" })).status).toBe("delivered");
    // The seller cannot close it early (it would end the buyer's return window); the completion
    // cron does after RETURN_WINDOW_DAYS, or an admin.
    await expectProblem(await patchStatus(seller.token, order.id, { status: "completed" }), 409, "invalid_transition");
    expect((await move((await newAdmin()).token, order.id, { status: "completed" })).status).toBe("completed");

    const items = await timeline({ token: buyer.token }, order.id);
    expect(items.map((e) => e.type)).toEqual([
      "created",
      "payment.started",
      "status.paid",
      "status.processing",
      "status.shipped",
      "status.delivered",
      "status.completed",
    ]);
    expect(items[0].actor).toEqual({ type: "customer", id: buyer.userId });
    expect(items[2]).toMatchObject({
      actor: { type: "gateway", id: "sandbox" },
      data: { from: "pending_payment", to: "paid" },
    });
    for (const e of items.slice(3, 6)) expect(e.actor).toEqual({ type: "seller", id: seller.userId });
    expect(items[6].actor.type).toBe("admin");
    expect(items[4].data).toMatchObject({ from: "processing", to: "shipped", trackingNumber: "KER123456789TH" });
    const times = items.map((e) => Date.parse(e.at));
    for (const [i, t] of times.entries()) {
      expect(new Date(t).toISOString()).toBe(items[i].at);
      if (i > 0) expect(t).toBeGreaterThanOrEqual(times[i - 1]);
    }
    expect(times.at(-1)).toBeGreaterThanOrEqual(started);
    for (const type of ["order.paid", "order.processing", "order.shipped", "order.delivered", "order.completed"]) {
      expect(await outboxCount(order.id, type), type).toBe(1);
    }
    // Nothing moves a completed order.
    await expectProblem(await patchStatus(seller.token, order.id, { status: "returned" }), 409, "invalid_transition");
  });

  it("illegal moves are 409 invalid_transition and change nothing", async () => {
    const unpaid = await buyerOrder(1, false);
    const t = unpaid.seller.token;
    // Only the gateway marks an order paid, only the system expires it.
    await expectProblem(await patchStatus(t, unpaid.order.id, { status: "paid" }), 409, "invalid_transition");
    await expectProblem(await patchStatus(t, unpaid.order.id, { status: "expired" }), 409, "invalid_transition");
    await expectProblem(await patchStatus(t, unpaid.order.id, { status: "processing" }), 409, "invalid_transition");
    await expectProblem(
      await patchStatus(t, unpaid.order.id, { status: "shipped", trackingNumber: "KER123456789TH" }),
      409,
      "invalid_transition",
    );
    await expectProblem(
      await patchStatus(t, unpaid.order.id, { status: "pending_payment" }),
      409,
      "invalid_transition",
    );
    expect(await orderStatus(unpaid.order.id)).toMatchObject({ status: "pending_payment" });

    const { seller, order } = await buyerOrder();
    const problem = await expectProblem(
      await patchStatus(seller.token, order.id, { status: "delivered" }),
      409,
      "invalid_transition",
    );
    expect(problem.detail).toContain("processing");
    await expectProblem(await patchStatus(seller.token, order.id, { status: "completed" }), 409, "invalid_transition");
    await expectProblem(await patchStatus(seller.token, order.id, { status: "returned" }), 409, "invalid_transition");
    await move(seller.token, order.id, { status: "processing" });
    await expectProblem(await patchStatus(seller.token, order.id, { status: "paid" }), 409, "invalid_transition");
    await expectProblem(await patchStatus(seller.token, order.id, { status: "processing" }), 409, "invalid_transition");
    expect(await orderStatus(order.id)).toMatchObject({ status: "processing" });
    expect(
      await count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND type LIKE 'status.%'", order.id),
    ).toBe(2);
  });

  it("only the shop owner (or an admin) moves an order: buyer and strangers 403, unknown 404", async () => {
    const { seller, buyer, order } = await buyerOrder();
    const stranger = await newAccount("TH");
    const otherSeller = await sellerWithProduct("TH");
    for (const token of [buyer.token, stranger.token, otherSeller.token]) {
      await expectProblem(await patchStatus(token, order.id, { status: "processing" }), 403, "forbidden");
      await expectProblem(await patchStatus(token, order.id, { status: "cancelled" }), 403, "forbidden");
    }
    await expectProblem(
      await patchStatus(seller.token, "ord_does_not_exist", { status: "processing" }),
      404,
      "not_found",
    );
    expect(await orderStatus(order.id)).toMatchObject({ status: "paid" });
    // An admin may.
    const admin = await newAdmin();
    const moved = await move(admin.token, order.id, { status: "processing" });
    expect(moved.status).toBe("processing");
    const last = (await timeline({ token: seller.token }, order.id)).at(-1);
    expect(last?.actor).toEqual({ type: "admin", id: admin.userId });
  });

  it("shipped needs a trackingNumber (422); bad statuses are 422", async () => {
    const { seller, order } = await buyerOrder();
    await move(seller.token, order.id, { status: "processing" });
    const problem = await expectProblem(
      await patchStatus(seller.token, order.id, { status: "shipped" }),
      422,
      "validation_failed",
    );
    expect(problem.errors?.[0].path).toBe("trackingNumber");
    await expectProblem(await patchStatus(seller.token, order.id, { status: "teleported" }), 422, "validation_failed");
    await expectProblem(
      await patchStatus(seller.token, order.id, { status: "shipped", trackingNumber: "x" }),
      422,
      "validation_failed",
    );
    expect(await orderStatus(order.id)).toMatchObject({ status: "processing" });
  });

  it("cancel before payment releases the stock", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 5 });
    const { cartToken, order } = await guestOrder(product.id, 2);
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 3, reserved: 2 });
    const cancelled = await expectJson<Order>(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken, body: { reason: "changed my mind" } }),
      200,
    );
    expect(cancelled).toMatchObject({ status: "cancelled", paymentStatus: "unpaid" });
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 5, reserved: 0, sold: 0 });
    const last = (await timeline({ cartToken }, order.id)).at(-1);
    expect(last).toMatchObject({
      type: "status.cancelled",
      actor: { type: "guest", id: null },
      data: { reason: "changed my mind" },
    });
    expect(await outboxCount(order.id, "order.cancelled")).toBe(1);
    // Twice: 409, nothing moves.
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { cartToken }),
      409,
      "invalid_transition",
    );
    expect(await expectConserved(product.id, 5)).toMatchObject({ available: 5, reserved: 0 });
  });

  it("cancel after payment restocks and refunds: the order ends refunded, the payment refunded", async () => {
    const { productId, buyer, order } = await buyerOrder(2);
    expect(await expectConserved(productId, 5)).toMatchObject({ available: 3, sold: 2 });
    const payment = (
      await rows<{ id: string }>("SELECT id FROM payments WHERE json_extract(order_ids, '$[0]') = ?", order.id)
    )[0];
    const res = await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token, body: {} });
    const after = await expectJson<Order>(res, 200);
    expect(after).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "refunded", refunded_amount: order.total.amount });
    expect(await rows("SELECT payment_id, amount, status FROM refunds WHERE order_id = ?", order.id)).toEqual([
      { payment_id: payment.id, amount: order.total.amount, status: "succeeded" },
    ]);
    // Sold stays sold; the two units came back as new stock, so 5 are available again.
    const l = await expectConserved(productId, 7);
    expect(l).toMatchObject({ available: 5, reserved: 0, sold: 2 });
    const types = (await timeline({ token: buyer.token }, order.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["status.cancelled", "status.refunded"]);
    expect(await outboxCount(order.id, "order.refunded")).toBe(1);
    // Cancelling again: 409; no second refund.
    await expectProblem(
      await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token }),
      409,
      "invalid_transition",
    );
    expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(1);
  });

  it("two cancels at once refund once", async () => {
    const { productId, buyer, order } = await buyerOrder(1);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expect(r.status).toBe(409);
    const payment = await rows<{ refunded_amount: number; status: string }>(
      "SELECT refunded_amount, status FROM payments WHERE json_extract(order_ids, '$[0]') = ?",
      order.id,
    );
    expect(payment).toEqual([{ refunded_amount: order.total.amount, status: "refunded" }]);
    expect(await count("SELECT count(*) AS n FROM refunds WHERE order_id = ?", order.id)).toBe(1);
    expect(await expectConserved(productId, 6)).toMatchObject({ available: 5, sold: 1 });
  });

  it("the seller cancels in processing (refunded); the buyer can't cancel once processing; nobody after shipping", async () => {
    const a = await buyerOrder(1);
    await move(a.seller.token, a.order.id, { status: "processing" });
    await expectProblem(
      await call("POST", `/api/v1/orders/${a.order.id}/cancel`, { token: a.buyer.token }),
      409,
      "invalid_transition",
    );
    const cancelled = await move(a.seller.token, a.order.id, {
      status: "cancelled",
      reason: "out of stock in the shop",
    });
    expect(cancelled).toMatchObject({ status: "refunded", paymentStatus: "refunded" });

    const b = await buyerOrder(1);
    await move(b.seller.token, b.order.id, { status: "processing" });
    await move(b.seller.token, b.order.id, { status: "shipped", trackingNumber: "KER0000000001" });
    const problem = await expectProblem(
      await call("POST", `/api/v1/orders/${b.order.id}/cancel`, { token: b.buyer.token }),
      409,
      "invalid_transition",
    );
    expect(problem.detail).toContain("return");
    await expectProblem(
      await patchStatus(b.seller.token, b.order.id, { status: "cancelled" }),
      409,
      "invalid_transition",
    );
    expect(await orderStatus(b.order.id)).toMatchObject({ status: "shipped", payment_status: "paid" });
  });

  it("a return ends refunded with the money back and the goods in stock", async () => {
    const { seller, productId, buyer, order } = await buyerOrder(1);
    await move(seller.token, order.id, { status: "processing" });
    await move(seller.token, order.id, { status: "shipped", trackingNumber: "KER0000000002" });
    await move(seller.token, order.id, { status: "delivered" });
    expect((await move(seller.token, order.id, { status: "returned", reason: "wrong size" })).status).toBe("returned");
    const refunded = await move(seller.token, order.id, { status: "refunded" });
    expect(refunded).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    const payment = await rows<{ status: string; refunded_amount: number }>(
      "SELECT status, refunded_amount FROM payments WHERE json_extract(order_ids, '$[0]') = ?",
      order.id,
    );
    expect(payment).toEqual([{ status: "refunded", refunded_amount: order.total.amount }]);
    expect(await expectConserved(productId, 6)).toMatchObject({ available: 5, sold: 1 });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("refunded");
  });

  it("the shop owner lists the shop's orders; nobody else can", async () => {
    const { seller, buyer, order } = await buyerOrder(1, false);
    const shopId = order.shopId;
    const page = await expectJson<{ items: Order[]; nextCursor: string | null }>(
      await call("GET", `/api/v1/shops/${shopId}/orders`, { token: seller.token }),
      200,
    );
    expect(page.items.map((o) => o.id)).toEqual([order.id]);
    await expectProblem(await call("GET", `/api/v1/shops/${shopId}/orders`, { token: buyer.token }), 403, "forbidden");
    // The buyer's own list.
    const mine = await expectJson<{ items: Order[] }>(await call("GET", "/api/v1/orders", { token: buyer.token }), 200);
    expect(mine.items.map((o) => o.id)).toEqual([order.id]);
    expect(order.number).toMatch(/^TH-\d{6}-[23456789A-HJKMNP-Z]{6}$/);
  });
});
