import { describe, expect, it } from "vitest";
import {
  call,
  checkout,
  count,
  expectConserved,
  expectJson,
  expectProblem,
  guestBody,
  guestCart,
  newAccount,
  type Order,
  outboxCount,
  type Payment,
  postOrders,
  postPayment,
  sellerWithProduct,
  sha256Hex,
  userCart,
} from "./helpers";

const PAYMENTS_OF =
  "SELECT count(*) AS n FROM payments WHERE EXISTS (SELECT 1 FROM json_each(order_ids) WHERE value = ?)";

describe("POST /orders with an Idempotency-Key", () => {
  it("50 concurrent requests with one key and one body create one order set; all 50 get the same 201", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 2 }]);
    const key = crypto.randomUUID();
    const body = guestBody();
    const responses = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await postOrders({ cartToken }, body, key);
        return { status: res.status, text: await res.text(), replayed: res.headers.get("Idempotent-Replayed") };
      }),
    );
    for (const r of responses) expect(r.status, r.text).toBe(201);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(responses.filter((r) => r.replayed === "true")).toHaveLength(49);

    const { orders } = JSON.parse(responses[0].text) as { orders: Order[] };
    expect(orders).toHaveLength(1);
    const hash = await sha256Hex(cartToken);
    expect(await count("SELECT count(*) AS n FROM orders WHERE guest_token_hash = ?", hash)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM order_items WHERE order_id = ?", orders[0].id)).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND type = 'created'", orders[0].id),
    ).toBe(1);
    expect(await outboxCount(orders[0].id, "order.created")).toBe(1);
    // Stock held once, for 2 units.
    expect(await expectConserved(product.id, 10)).toMatchObject({ reserved: 2, available: 8 });

    // Later, the same key and body replay the original answer (the cart is empty by now).
    const again = await postOrders({ cartToken }, { ...body }, key);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(responses[0].text);
    // Key order and spacing do not make a different body.
    const reordered = JSON.parse(
      `{"shippingAddress":${JSON.stringify(body.shippingAddress)},"contactEmail":"guest@example.com"}`,
    );
    expect((await postOrders({ cartToken }, reordered, key)).status).toBe(201);
    expect(await count("SELECT count(*) AS n FROM orders WHERE guest_token_hash = ?", hash)).toBe(1);
  });

  it("the same key with a different body is 422 idempotency_key_reused; without a key 400 idempotency_key_required", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const key = crypto.randomUUID();
    expect((await postOrders({ cartToken }, guestBody(), key)).status).toBe(201);
    await expectProblem(
      await postOrders({ cartToken }, guestBody("TH", { contactEmail: "other@example.com" }), key),
      422,
      "idempotency_key_reused",
    );
    await expectProblem(await postOrders({ cartToken }, guestBody(), null), 400, "idempotency_key_required");
    await expectProblem(await postOrders({ cartToken }, guestBody(), "has spaces in it"), 400, "bad_request");
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(1);
    expect(await expectConserved(product.id, 10)).toMatchObject({ reserved: 1 });
  });

  it("keys belong to their caller: another buyer with the same key gets their own order", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const key = "order-attempt-1";
    const a = await guestCart([{ productId: product.id, quantity: 1 }]);
    const b = await guestCart([{ productId: product.id, quantity: 1 }]);
    const buyer = await newAccount("TH");
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const ra = await expectJson<{ orders: Order[] }>(await postOrders({ cartToken: a }, guestBody(), key), 201);
    const rb = await expectJson<{ orders: Order[] }>(await postOrders({ cartToken: b }, guestBody(), key), 201);
    const rc = await expectJson<{ orders: Order[] }>(
      await postOrders({ token: buyer.token }, { shippingAddress: guestBody().shippingAddress }, key),
      201,
    );
    expect(new Set([ra.orders[0].id, rb.orders[0].id, rc.orders[0].id]).size).toBe(3);
    expect(await expectConserved(product.id, 10)).toMatchObject({ reserved: 3 });
  });

  it("a validation failure is not kept: the caller fixes the body and retries with the same key", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const key = crypto.randomUUID();
    await expectProblem(
      await postOrders({ cartToken }, { shippingAddress: guestBody().shippingAddress }, key),
      422,
      "validation_failed",
    );
    expect((await postOrders({ cartToken }, guestBody(), key)).status).toBe(201);
  });
});

describe("POST /payments with an Idempotency-Key", () => {
  it("50 concurrent requests with one key create one payment; all 50 get the same 201", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const cartToken = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [order] = await checkout({ cartToken });
    const key = crypto.randomUUID();
    const body = { orderIds: [order.id], gateway: "sandbox", method: "promptpay" };
    const responses = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await postPayment({ cartToken }, body, key);
        return { status: res.status, text: await res.text() };
      }),
    );
    for (const r of responses) expect(r.status, r.text).toBe(201);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    const payment = JSON.parse(responses[0].text) as Payment;
    expect(payment).toMatchObject({
      status: "pending",
      gateway: "sandbox",
      amount: order.total,
      nextAction: { type: "qr" },
    });
    expect(await count(PAYMENTS_OF, order.id)).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND type = 'payment.started'", order.id),
    ).toBe(1);

    await expectProblem(
      await postPayment({ cartToken }, { ...body, method: "qris" }, key),
      422,
      "idempotency_key_reused",
    );
    await expectProblem(await postPayment({ cartToken }, body, null), 400, "idempotency_key_required");
    expect(await count(PAYMENTS_OF, order.id)).toBe(1);
    const replay = await postPayment({ cartToken }, body, key);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.text()).toBe(responses[0].text);
  });

  it("paying for someone else's order is 404 and creates nothing", async () => {
    const { product } = await sellerWithProduct("TH", { stock: 10 });
    const owner = await guestCart([{ productId: product.id, quantity: 1 }]);
    const [order] = await checkout({ cartToken: owner });
    const thief = await guestCart([{ productId: product.id, quantity: 1 }]);
    await expectProblem(
      await postPayment({ cartToken: thief }, { orderIds: [order.id], gateway: "sandbox", method: "qris" }),
      404,
      "not_found",
    );
    const stranger = await newAccount("TH");
    await expectProblem(
      await postPayment({ token: stranger.token }, { orderIds: [order.id], gateway: "sandbox", method: "qris" }),
      404,
      "not_found",
    );
    expect(await count(PAYMENTS_OF, order.id)).toBe(0);
    const res = await call("GET", `/api/v1/orders/${order.id}`, { cartToken: owner });
    expect((await expectJson<Order>(res, 200)).paymentStatus).toBe("unpaid");
  });
});
