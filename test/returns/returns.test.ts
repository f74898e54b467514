import { describe, expect, it } from "vitest";
import { newAccount } from "../catalog/helpers";
import { call, count, expectJson, expectProblem, level, type Order, rows, timeline } from "../orders/helpers";
import { advanceTime } from "../support/clock";
import { approvedReturn, orderIn, type Return, requestReturn, returnAction, uploadPicture } from "./helpers";

const DAY = 86_400_000;

const refundsOf = (orderId: string) =>
  rows<{ amount: number; status: string }>(
    "SELECT r.amount, r.status FROM refunds r JOIN returns t ON r.order_id = 'return:' || t.id WHERE t.order_id = ?",
    orderId,
  );

describe("returns", () => {
  it("a full return: approved, received, restocked, refunded the whole total; the order goes returned then refunded", async () => {
    const d = await orderIn("delivered", 2);
    const before = await level(d.productId);
    const ret = await approvedReturn(d, 2);
    expect(ret.status).toBe("approved");
    expect(ret.note).toBe("Send it back");
    expect(ret.fullReturn).toBe(true);
    expect(ret.refundAmount).toEqual(d.order.total);
    const received = await expectJson<Return>(await returnAction(d.seller.token, ret.id, "received"), 200);
    expect(received.status).toBe("refunded");
    const order = await expectJson<Order>(
      await call("GET", `/api/v1/orders/${d.order.id}`, { token: d.buyer.token }),
      200,
    );
    expect(order.status).toBe("refunded");
    expect(order.paymentStatus).toBe("refunded");
    const types = (await timeline({ token: d.buyer.token }, d.order.id)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "return.requested",
        "return.approved",
        "return.received",
        "status.returned",
        "status.refunded",
      ]),
    );
    expect((await level(d.productId)).onHand).toBe(before.onHand + 2);
    expect(await refundsOf(d.order.id)).toEqual([{ amount: d.order.total.amount, status: "succeeded" }]);
    const notified = await count(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE json_extract(envelope, '$.data.returnId') = ?",
      ret.id,
    );
    expect(notified).toBe(4);
  });

  it("partial returns keep the order and record the refund; returning the rest refunds exactly the total", async () => {
    const d = await orderIn("delivered", 3, { price: { amount: 10_001, currency: "THB" } });
    const first = await approvedReturn(d, 1);
    expect(first.fullReturn).toBe(false);
    const r1 = await expectJson<Return>(await returnAction(d.seller.token, first.id, "received"), 200);
    expect(r1.status).toBe("refunded");
    let order = await expectJson<Order>(
      await call("GET", `/api/v1/orders/${d.order.id}`, { token: d.buyer.token }),
      200,
    );
    expect(order.status).toBe("delivered");
    expect(order.paymentStatus).toBe("partially_refunded");
    expect((await timeline({ token: d.buyer.token }, d.order.id)).some((e) => e.type === "return.refunded")).toBe(true);
    const second = await approvedReturn(d, 2);
    expect(second.fullReturn).toBe(true);
    expect(first.refundAmount.amount + second.refundAmount.amount).toBe(d.order.total.amount);
    await expectJson<Return>(await returnAction(d.seller.token, second.id, "received"), 200);
    order = await expectJson<Order>(await call("GET", `/api/v1/orders/${d.order.id}`, { token: d.buyer.token }), 200);
    expect(order.status).toBe("refunded");
    const refunds = await refundsOf(d.order.id);
    expect(refunds.reduce((a, r) => a + r.amount, 0)).toBe(d.order.total.amount);
    const listed = await expectJson<{ items: Return[] }>(
      await call("GET", `/api/v1/orders/${d.order.id}/returns`, { token: d.seller.token }),
      200,
    );
    expect(listed.items.map((r) => r.status)).toEqual(["refunded", "refunded"]);
  });

  it("only delivered orders within RETURN_WINDOW_DAYS can be returned", async () => {
    const shipped = await orderIn("shipped", 1);
    const items = [{ productId: shipped.productId, quantity: 1 }];
    await expectProblem(
      await requestReturn(shipped.buyer.token, shipped.order.id, { items, reason: "x" }),
      409,
      "invalid_transition",
    );
    const d = await orderIn("delivered", 1);
    advanceTime(7 * DAY + 60_000);
    await expectProblem(
      await requestReturn(d.buyer.token, d.order.id, {
        items: [{ productId: d.productId, quantity: 1 }],
        reason: "late",
      }),
      409,
      "invalid_transition",
    );
  });

  it("refuses more units than bought and not yet returned (422), and items not in the order", async () => {
    const d = await orderIn("delivered", 2);
    const ask = (quantity: number, productId = d.productId) =>
      requestReturn(d.buyer.token, d.order.id, { items: [{ productId, quantity }], reason: "Broken" });
    await expectProblem(await ask(3), 422, "validation_failed");
    await expectProblem(await ask(1, "prd_not_in_order"), 422, "validation_failed");
    await expectJson<Return>(await ask(2), 201);
    await expectProblem(await ask(1), 422, "validation_failed");
  });

  it("a rejected return gives its units back to be returned again", async () => {
    const d = await orderIn("delivered", 1);
    const ret = await expectJson<Return>(
      await requestReturn(d.buyer.token, d.order.id, {
        items: [{ productId: d.productId, quantity: 1 }],
        reason: "Meh",
      }),
      201,
    );
    const rejected = await expectJson<Return>(
      await returnAction(d.seller.token, ret.id, "reject", { note: "Used" }),
      200,
    );
    expect(rejected.status).toBe("rejected");
    await expectProblem(await returnAction(d.seller.token, ret.id, "approve"), 409, "invalid_transition");
    await expectProblem(await returnAction(d.seller.token, ret.id, "received"), 409, "invalid_transition");
    await expectJson<Return>(
      await requestReturn(d.buyer.token, d.order.id, {
        items: [{ productId: d.productId, quantity: 1 }],
        reason: "Again",
      }),
      201,
    );
  });

  it("only the buyer asks and only the shop's owner decides", async () => {
    const d = await orderIn("delivered", 1);
    const stranger = await newAccount("TH");
    const body = { items: [{ productId: d.productId, quantity: 1 }], reason: "Broken" };
    await expectProblem(await requestReturn(stranger.token, d.order.id, body), 403, "forbidden");
    await expectProblem(await requestReturn(d.seller.token, d.order.id, body), 403, "forbidden");
    const ret = await expectJson<Return>(await requestReturn(d.buyer.token, d.order.id, body), 201);
    await expectProblem(await returnAction(stranger.token, ret.id, "approve"), 403, "forbidden");
    await expectProblem(await returnAction(d.buyer.token, ret.id, "approve"), 403, "forbidden");
    const other = await orderIn("delivered", 1);
    await expectProblem(await returnAction(other.seller.token, ret.id, "approve"), 403, "forbidden");
    await expectProblem(
      await call("GET", `/api/v1/orders/${d.order.id}/returns`, { token: stranger.token }),
      403,
      "forbidden",
    );
    await expectProblem(
      await call("GET", `/api/v1/shops/${d.seller.shop.id}/returns`, { token: stranger.token }),
      403,
      "forbidden",
    );
    const page = await expectJson<{ items: Return[] }>(
      await call("GET", `/api/v1/shops/${d.seller.shop.id}/returns?status=requested`, { token: d.seller.token }),
      200,
    );
    expect(page.items.map((r) => r.id)).toEqual([ret.id]);
  });

  it("takes the buyer's own pictures and refuses someone else's", async () => {
    const d = await orderIn("delivered", 1);
    const stranger = await newAccount("TH");
    const theirs = await uploadPicture(stranger.token);
    const mine = await uploadPicture(d.buyer.token);
    const items = [{ productId: d.productId, quantity: 1 }];
    await expectProblem(
      await requestReturn(d.buyer.token, d.order.id, { items, reason: "Broken", mediaIds: [mine, theirs] }),
      422,
      "validation_failed",
    );
    const ret = await expectJson<Return>(
      await requestReturn(d.buyer.token, d.order.id, { items, reason: "Broken", mediaIds: [mine] }),
      201,
    );
    expect(ret.mediaIds).toEqual([mine]);
  });

  it("a return received ten times at once, then retried, restocks and refunds once", async () => {
    const d = await orderIn("delivered", 2);
    const before = await level(d.productId);
    const ret = await approvedReturn(d, 1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => returnAction(d.seller.token, ret.id, "received")),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    for (let i = 0; i < 3; i++) {
      const again = await returnAction(d.seller.token, ret.id, "received");
      expect([200, 409]).toContain(again.status);
    }
    const refunds = await refundsOf(d.order.id);
    expect(refunds).toEqual([{ amount: ret.refundAmount.amount, status: "succeeded" }]);
    expect((await level(d.productId)).onHand).toBe(before.onHand + 1);
    const payment = await rows<{ refunded_amount: number }>(
      "SELECT refunded_amount FROM payments WHERE EXISTS (SELECT 1 FROM json_each(order_ids) WHERE value = ?)",
      d.order.id,
    );
    expect(payment).toEqual([{ refunded_amount: ret.refundAmount.amount }]);
  });

  it("the same Idempotency-Key asks for one return", async () => {
    const d = await orderIn("delivered", 2);
    const key = crypto.randomUUID();
    const body = { items: [{ productId: d.productId, quantity: 1 }], reason: "Broken" };
    const [a, b] = await Promise.all([
      requestReturn(d.buyer.token, d.order.id, body, key),
      requestReturn(d.buyer.token, d.order.id, body, key),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await count("SELECT COUNT(*) AS n FROM returns WHERE order_id = ?", d.order.id)).toBe(1);
  });
});

describe("return notifications", () => {
  it("plans one notification for the buyer and one for the seller at each step, in their templates", async () => {
    const { env } = await import("cloudflare:test");
    const { planFor } = await import("../../workers/notifications/compose");
    const { readConfig } = await import("../../workers/platform/config");
    const { database } = await import("../../workers/platform/db");
    const d = await orderIn("delivered", 1);
    const ret = await approvedReturn(d, 1);
    const { results } = await env.DB.prepare(
      "SELECT envelope FROM outbox_events WHERE json_extract(envelope, '$.data.returnId') = ? ORDER BY id",
    )
      .bind(ret.id)
      .all<{ envelope: string }>();
    const events = results.map((r) => JSON.parse(r.envelope));
    expect(events.map((e) => e.type)).toEqual(["return.requested", "return.approved"]);
    const ctx = { env, db: database(env), config: readConfig(env), now: Date.now() };
    const plan = await planFor(events[1], ctx);
    expect(plan.notifications.map((n) => [n.recipient.userId, n.template, n.params.step])).toEqual([
      [d.buyer.userId, "return.update", "approved"],
      [d.seller.userId, "seller.return_update", "approved"],
    ]);
  });
});
