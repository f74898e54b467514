import { and, eq, inArray } from "drizzle-orm";
import { openPayments, payments } from "../../d1/schema/payments";
import {
  commitOrderStock,
  moveOrder,
  type OrderRow,
  orderById,
  ordersByIds,
  paymentStatusWrite,
  timelineWrite,
} from "../orders";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { createEvent, recordEvent, recordEventIf } from "../platform/outbox";
import type { WebhookEvent } from "./gateways/types";
import type { PaymentRow } from "./present";
import { refundOrderPayment } from "./refunds";
import { topupFailed, topupPaid } from "./topup-settlement";

// What an accepted gateway event does, whichever way it arrived (webhook, simulate, status lookup).

export async function applyOutcome(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  if (payment.walletTransactionId) return applyTopupOutcome(env, payment, event);
  switch (event.outcome) {
    case "succeeded":
      return paymentSucceeded(env, payment, event);
    case "failed":
    case "expired":
      return paymentFailed(env, payment, event);
    case "refunded":
    case "pending":
      logEvent("info", "webhook_noted", { paymentId: payment.id, outcome: event.outcome });
      return;
  }
}

/** A wallet top-up's payment (no orders): its wallet transaction is credited or failed instead. */
async function applyTopupOutcome(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  if (event.outcome === "succeeded") return topupPaid(env, payment, event);
  if (event.outcome === "failed" || event.outcome === "expired") return topupFailed(env, payment, event);
  logEvent("info", "webhook_noted", { paymentId: payment.id, outcome: event.outcome });
}

/**
 * Paid: the payment succeeds once (conditional update), each of its unpaid orders becomes paid
 * with its stock committed, and events announce it. An order that meanwhile expired, was
 * cancelled or was paid by another payment is refunded instead: money is never kept for
 * nothing.
 */
async function paymentSucceeded(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  const db = database(env);
  const stamp = nowMs();
  const announced = createEvent(
    "payment.success",
    {
      paymentId: payment.id,
      orderIds: payment.orderIds,
      amount: money(payment.amount, payment.currency as Currency),
      gateway: payment.gateway,
    },
    { actor: { type: "gateway", id: payment.gateway }, subject: { type: "payment", id: payment.id } },
  );
  // The status change and its event in one batch; the event is written only if this update applied.
  await db.batch([
    db
      .update(payments)
      .set({
        status: "succeeded",
        providerRef: event.providerRef ?? payment.providerRef,
        failureReason: null,
        updatedAt: stamp,
      })
      .where(
        and(eq(payments.id, payment.id), inArray(payments.status, ["pending", "failed", "expired", "superseded"])),
      ),
    // Money arrived: the payment is no longer open, whichever it was (a superseded one still pays).
    db.delete(openPayments).where(eq(openPayments.paymentId, payment.id)),
    recordEventIf(
      db,
      "order_events",
      announced,
      payments,
      and(eq(payments.id, payment.id), eq(payments.status, "succeeded"), eq(payments.updatedAt, stamp))!,
    ),
  ]);
  const current = await db.select().from(payments).where(eq(payments.id, payment.id)).get();
  if (
    !current ||
    (current.status !== "succeeded" && current.status !== "partially_refunded" && current.status !== "refunded")
  )
    return;
  const rows = await ordersByIds(db, payment.orderIds);
  for (const order of rows) await settleOrder(env, current, order);
}

async function settleOrder(env: Env, payment: PaymentRow, order: OrderRow): Promise<void> {
  const db = database(env);
  if (order.paidByPaymentId === payment.id) {
    // Settled by an earlier delivery of this event; finishing a commit that may not have happened.
    if (order.status === "paid") await commitOrderStock(env, db, order);
    return;
  }
  if (order.status !== "pending_payment") {
    logEvent("warn", "payment_for_closed_order", { orderId: order.id, status: order.status, paymentId: payment.id });
    await timelineWrite(db, order.id, "payment.late", "gateway", payment.gateway, {
      paymentId: payment.id,
      status: order.status,
    }).run();
    await refundOrderPayment(env, order, `paid while ${order.status}`, payment);
    return;
  }
  let paid: OrderRow;
  try {
    paid = await moveOrder(db, order, {
      to: "paid",
      actor: "gateway",
      actorId: payment.gateway,
      data: { paymentId: payment.id },
      set: { paymentStatus: "paid", paidAt: nowMs(), paidByPaymentId: payment.id },
    });
  } catch {
    // Lost a race (expired at this very moment, or paid by another payment): settle against what won.
    const now = await orderById(db, order.id);
    if (now && now.paidByPaymentId !== payment.id)
      await refundOrderPayment(env, now, `paid while ${now.status}`, payment);
    return;
  }
  const committed = await commitOrderStock(env, db, paid);
  if (!committed.ok) {
    logEvent("error", "paid_order_stock_lost", { orderId: paid.id, result: committed });
    const cancelled = await moveOrder(db, paid, {
      to: "cancelled",
      actor: "system",
      actorId: null,
      data: { reason: "stock no longer available at payment" },
    });
    await refundOrderPayment(env, cancelled, "stock no longer available", payment);
  }
}

async function paymentFailed(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
  const db = database(env);
  const failed = await db
    .update(payments)
    .set({
      status: event.outcome === "expired" ? "expired" : "failed",
      failureReason: event.outcome,
      updatedAt: nowMs(),
    })
    .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
    .returning()
    .get();
  if (!failed) return;
  await db.batch([
    db.delete(openPayments).where(eq(openPayments.paymentId, payment.id)),
    paymentStatusWrite(db, payment.orderIds, "failed", { unpaidOnly: true }),
    ...payment.orderIds.map((orderId) =>
      timelineWrite(db, orderId, "payment.failed", "gateway", payment.gateway, {
        paymentId: payment.id,
        outcome: event.outcome,
      }),
    ),
    recordEvent(
      db,
      "order_events",
      createEvent(
        "payment.failed",
        { paymentId: payment.id, orderIds: payment.orderIds, outcome: event.outcome, gateway: payment.gateway },
        {
          actor: { type: "gateway", id: payment.gateway },
          subject: { type: "payment", id: payment.id },
        },
      ),
    ),
  ]);
}
