import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { consumeOnce } from "../../workers/platform/consume";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { newAdmin } from "../catalog/helpers";
import {
  applyOrderEvent,
  availableOrder,
  balance,
  complete,
  netOf,
  newSeller,
  orderEvent,
  paidOrder,
  type Seller,
  thb,
} from "../earnings/helpers";
import { notificationsOf } from "../notifications/helpers";
import { call, expectJson, patchStatus, row, rows } from "../orders/helpers";
import { approvedReturn, orderIn, returnAction } from "../returns/helpers";

// A refund by hand of a shipped, delivered or completed order, or of part of a payment, changes
// the shop's earnings (its share off pending or available, as a return's refund does) and tells
// the buyer once; retried with its key it refunds, takes off and notifies once.

const paymentOf = async (orderId: string) =>
  (await row<{ id: string }>("SELECT paid_by_payment_id AS id FROM orders WHERE id = ?", orderId))!.id;

async function refundByHand(paymentId: string, body: Record<string, unknown>, key = crypto.randomUUID()) {
  const operator = await newAdmin();
  const send = () =>
    call("POST", `/api/v1/admin/payments/${paymentId}/refund`, { token: operator.token, idempotencyKey: key, body });
  return { send, operator };
}

/** Applies the order's event of this type as the queue would (earnings, then the buyer's notification), twice. */
async function deliverTwice(orderId: string, type: EventEnvelope["type"]) {
  const event = await orderEvent(orderId, type);
  for (const name of ["earnings.ledger", "notifications.compose"]) {
    const consumer = consumersFor(type).find((c) => c.name === name);
    expect(consumer, `${name} consumes ${type}`).toBeDefined();
    await consumeOnce(consumer!, event, env, defaultQueueDeps(env));
    await consumeOnce(consumer!, event, env, defaultQueueDeps(env));
  }
  return event;
}

const statusOf = async (orderId: string) =>
  (await row<{ status: string; payment_status: string }>(
    "SELECT status, payment_status FROM orders WHERE id = ?",
    orderId,
  ))!;

const eventCount = async (orderId: string, type: string) =>
  (await row<{ n: number }>(
    "SELECT COUNT(*) AS n FROM outbox_events WHERE type = ? AND json_extract(envelope, '$.data.orderId') = ?",
    type,
    orderId,
  ))!.n;

async function delivered(s: Seller) {
  const { buyer, order } = await paidOrder(s);
  await applyOrderEvent(order.id, "order.paid");
  for (const next of ["processing", "shipped", "delivered"]) {
    const body =
      next === "shipped" ? { status: next, trackingNumber: "KER123456789TH", courier: "Kerry" } : { status: next };
    expect((await patchStatus(s.token, order.id, body)).status).toBe(200);
  }
  return { buyer, order };
}

describe("a refund by hand changes the shop's earnings and tells the buyer", () => {
  it("delivered: the whole payment moves the order to refunded, pending back to 0, one notification, once per key", async () => {
    const s = await newSeller();
    const { buyer, order } = await delivered(s);
    expect(await balance(s)).toMatchObject({ pending: thb(netOf(order)) });
    const { send } = await refundByHand(await paymentOf(order.id), { reason: "Parcel arrived broken" });
    const first = await expectJson<{ id: string }>(await send(), 201);
    expect((await expectJson<{ id: string }>(await send(), 201)).id).toBe(first.id);
    expect(await statusOf(order.id)).toEqual({ status: "refunded", payment_status: "refunded" });
    expect(await eventCount(order.id, "order.refunded")).toBe(1);
    expect(await eventCount(order.id, "payment.refunded_by_hand")).toBe(0);
    await deliverTwice(order.id, "order.refunded");
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(0) });
    expect(await notificationsOf(buyer.userId, "order.refunded")).toHaveLength(1);
    const refunds = await rows<{ amount: number }>(
      "SELECT amount FROM refunds WHERE payment_id = ?",
      await paymentOf(order.id),
    );
    expect(refunds).toEqual([{ amount: order.total.amount }]);
  });

  it("completed: the available earnings come off (the refund is an entry of the statement)", async () => {
    const s = await newSeller();
    const order = await availableOrder(s);
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(netOf(order)) });
    const { send } = await refundByHand(await paymentOf(order.id), { reason: "Counterfeit goods" });
    await expectJson(await send(), 201);
    expect((await statusOf(order.id)).status).toBe("refunded");
    await deliverTwice(order.id, "order.refunded");
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(0) });
    const entries = await rows<{ type: string; available_delta: number }>(
      "SELECT type, available_delta FROM earning_entries WHERE order_id = ? AND type = 'refund'",
      order.id,
    );
    expect(entries).toEqual([{ type: "refund", available_delta: -netOf(order) }]);
  });

  it("shipped: the order keeps moving, its payment is refunded, its earnings and buyer follow from the by-hand event", async () => {
    const s = await newSeller();
    const { buyer, order } = await paidOrder(s);
    await applyOrderEvent(order.id, "order.paid");
    await patchStatus(s.token, order.id, { status: "processing" });
    await patchStatus(s.token, order.id, { status: "shipped", trackingNumber: "KER123456789TH", courier: "Kerry" });
    const { send } = await refundByHand(await paymentOf(order.id), { reason: "Lost in transit" });
    await expectJson(await send(), 201);
    await expectJson(await send(), 201);
    expect(await statusOf(order.id)).toEqual({ status: "shipped", payment_status: "refunded" });
    expect(await eventCount(order.id, "payment.refunded_by_hand")).toBe(1);
    const event = await deliverTwice(order.id, "payment.refunded_by_hand");
    expect(event.data).toMatchObject({ whole: true, amount: order.total });
    expect(await balance(s)).toMatchObject({ pending: thb(0) });
    const told = await notificationsOf(buyer.userId, "order.refunded");
    expect(told).toHaveLength(1);
    const timeline = await rows<{ data: string }>(
      "SELECT data FROM order_events WHERE order_id = ? AND type = 'payment.refunded_by_hand'",
      order.id,
    );
    expect(timeline).toHaveLength(1);
    // Delivered later, then completed: nothing is left to release.
    await patchStatus(s.token, order.id, { status: "delivered" });
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(0) });
  });

  it("a part refund: the status stays, its share comes off pending exactly, the buyer is told the amount, once per key", async () => {
    const s = await newSeller();
    const { buyer, order } = await paidOrder(s);
    await applyOrderEvent(order.id, "order.paid");
    const part = 30_000; // of 129,900 (1,299.00 THB)
    const { send } = await refundByHand(await paymentOf(order.id), { amount: thb(part), reason: "Late delivery" });
    const first = await expectJson<{ id: string }>(await send(), 201);
    expect((await expectJson<{ id: string }>(await send(), 201)).id).toBe(first.id);
    expect(await statusOf(order.id)).toEqual({ status: "paid", payment_status: "paid" });
    expect(await eventCount(order.id, "payment.refunded_by_hand")).toBe(1);
    const event = await deliverTwice(order.id, "payment.refunded_by_hand");
    expect(event.data).toMatchObject({ whole: false, amount: thb(part), refundId: first.id });
    const net = netOf(order);
    const share = Math.round((net * part) / order.total.amount);
    expect(await balance(s)).toMatchObject({ pending: thb(net - share) });
    const told = await notificationsOf(buyer.userId, "order.refunded");
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain("300.00");
    // Completed later: what is left of the earnings becomes available.
    await complete(s, order.id);
    await applyOrderEvent(order.id, "order.completed");
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(net - share) });
  });

  it("an admin cannot move a delivered order to refunded by a bare status change: the refund moves the money", async () => {
    const s = await newSeller();
    const { order } = await delivered(s);
    const admin = await newAdmin();
    const res = await patchStatus(admin.token, order.id, { status: "refunded" });
    expect(res.status).toBe(409);
    expect((await statusOf(order.id)).status).toBe("delivered");
  });

  it("a refund by hand racing a return's refund of the same order refunds at most what was paid", async () => {
    const d = await orderIn("delivered", 2);
    const ret = await approvedReturn(d, 2);
    const paymentId = await paymentOf(d.order.id);
    const { send } = await refundByHand(paymentId, { reason: "Operator refund" });
    const [manual, received] = await Promise.all([send(), returnAction(d.seller.token, ret.id, "received")]);
    expect([201, 422]).toContain(manual.status);
    expect(received.status).toBe(200);
    const refunded = await rows<{ amount: number }>(
      "SELECT amount FROM refunds WHERE payment_id = ? AND status = 'succeeded'",
      paymentId,
    );
    const total = refunded.reduce((sum, r) => sum + r.amount, 0);
    expect(total).toBeLessThanOrEqual(d.order.total.amount);
    expect(total).toBeGreaterThan(0);
    const payment = await row<{ refunded_amount: number; amount: number }>(
      "SELECT refunded_amount, amount FROM payments WHERE id = ?",
      paymentId,
    );
    expect(payment!.refunded_amount).toBe(total);
  });
});
