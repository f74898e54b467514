import { and, eq, inArray } from "drizzle-orm";
import { paymentEvents, payments } from "../../d1/schema/payments";
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
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { createEvent, recordEvent, recordEventIf } from "../platform/outbox";
import { paymentGateway, sandboxWebhookRequest } from "./gateway-config";
import type { GatewayName, WebhookEvent, WebhookRequest } from "./gateways/types";
import type { PaymentRow } from "./present";
import { refundOrderPayment } from "./refunds";

export interface WebhookResult {
  applied: boolean;
  duplicate: boolean;
}

/**
 * One gateway callback: verified the gateway's own way before anything is read (401 otherwise,
 * nothing changes); recorded once by (gateway, event id), so a replayed delivery changes nothing
 * twice; an amount or currency that differs from the payment's is refused (422) and logged.
 */
export async function receiveWebhook(
  env: Env,
  gatewayName: GatewayName,
  request: WebhookRequest,
): Promise<WebhookResult> {
  const gateway = paymentGateway(env, gatewayName);
  const verification = await gateway.verifyWebhook(request);
  if (!verification.ok) {
    if (!verification.authentic) {
      logEvent("warn", "webhook_rejected", { gateway: gatewayName, reason: verification.reason });
      throw new ApiError("unauthorized", "The webhook signature is missing or wrong.");
    }
    return { applied: false, duplicate: false };
  }
  const event = verification.event;
  const db = database(env);
  const payment = await db.select().from(payments).where(eq(payments.id, event.paymentId)).get();
  const mismatch = payment ? amountMismatch(payment, event) : "unknown payment";
  const recorded = await db
    .insert(paymentEvents)
    .values({
      gateway: gatewayName,
      eventId: event.eventId,
      paymentId: event.paymentId,
      outcome: event.outcome,
      amount: event.amount?.amount ?? null,
      currency: event.amount?.currency ?? null,
      accepted: mismatch === null,
      note: mismatch,
      receivedAt: nowMs(),
    })
    .onConflictDoNothing()
    .returning({ accepted: paymentEvents.accepted });
  if (recorded.length === 0) {
    const earlier = await db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.gateway, gatewayName), eq(paymentEvents.eventId, event.eventId)))
      .get();
    if (earlier && !earlier.accepted) throw refused(earlier.note ?? "refused");
    // Recorded but not finished (the earlier delivery died midway): apply again; every step is idempotent.
    if (!earlier?.appliedAt && payment) {
      await applyOutcome(env, payment, event);
      await markApplied(env, gatewayName, event.eventId);
      return { applied: true, duplicate: true };
    }
    return { applied: false, duplicate: true };
  }
  if (mismatch !== null || !payment) {
    logEvent("error", "webhook_refused", {
      gateway: gatewayName,
      eventId: event.eventId,
      paymentId: event.paymentId,
      reason: mismatch,
    });
    throw refused(mismatch ?? "unknown payment");
  }
  await applyOutcome(env, payment, event);
  await markApplied(env, gatewayName, event.eventId);
  return { applied: true, duplicate: false };
}

async function markApplied(env: Env, gateway: GatewayName, eventId: string): Promise<void> {
  await database(env)
    .update(paymentEvents)
    .set({ appliedAt: nowMs() })
    .where(and(eq(paymentEvents.gateway, gateway), eq(paymentEvents.eventId, eventId)));
}

function refused(reason: string): ApiError {
  return new ApiError("validation_failed", `The event was refused: ${reason}. It has been logged for review.`, {
    errors: [{ path: "amount", message: reason }],
  });
}

function amountMismatch(payment: PaymentRow, event: WebhookEvent): string | null {
  if (!event.amount || event.outcome !== "succeeded") return null;
  if (event.amount.currency !== payment.currency)
    return `currency ${event.amount.currency} differs from the payment's ${payment.currency}`;
  if (event.amount.amount !== payment.amount)
    return `amount ${event.amount.amount} differs from the payment's ${payment.amount}`;
  return null;
}

async function applyOutcome(env: Env, payment: PaymentRow, event: WebhookEvent): Promise<void> {
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
      .where(and(eq(payments.id, payment.id), inArray(payments.status, ["pending", "failed", "expired"]))),
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

/**
 * Sandbox only: pays or fails a sandbox payment with a signed sandbox callback sent through the same
 * path as a real gateway's. Answers the payment as it is afterwards.
 */
export async function simulateSandboxPayment(
  env: Env,
  payment: PaymentRow,
  outcome: "succeeded" | "failed",
): Promise<PaymentRow> {
  if (payment.gateway !== "sandbox")
    throw new ApiError("conflict", "Only sandbox payments can be simulated; this one is handled by its gateway.");
  await receiveWebhook(env, "sandbox", await sandboxWebhookRequest(env, payment, outcome));
  return (await database(env).select().from(payments).where(eq(payments.id, payment.id)).get()) ?? payment;
}
