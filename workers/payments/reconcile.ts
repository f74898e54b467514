import { and, asc, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import { openPayments, payments } from "../../d1/schema/payments";
import { type OrderRow, ordersByIds } from "../orders";
import { readConfig } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { cancelAtGateway, referenceOf } from "./gateway-calls";
import { paymentGateway } from "./gateway-config";
import type { GatewayName, PaymentStatus, WebhookEvent } from "./gateways/types";
import { PAYMENT_START_TIMEOUT_MS } from "./open-payments";
import type { PaymentRow } from "./present";
import { failTopupOf } from "./topup-settlement";
import { settleWalletPayment } from "./wallet-status";
import { applyGatewayEvent } from "./webhooks";

// A lost webhook must never leave a paid order to expire: before an unpaid order expires, and for
// payments pending longer than PAYMENT_STATUS_CHECK_AFTER_SECONDS, the gateway is asked.

/** paid: the gateway took the money (now applied); unpaid: it did not; unknown: it could not say. */
export type StatusAnswer = "paid" | "unpaid" | "unknown";

const STALE_BATCH = 20;

/**
 * Asks the payment's gateway where it stands. A final answer (paid, failed, expired, or no such
 * payment there) is applied exactly as its webhook would be: through applyGatewayEvent, recorded
 * once, its amount checked. A gateway that cannot be reached or answers unreadably is "unknown":
 * nothing changes.
 */
export async function checkPaymentStatus(env: Env, payment: PaymentRow, fetchFn?: typeof fetch): Promise<StatusAnswer> {
  // Its request is still waiting for the gateway's first answer: not ours to judge yet.
  if (!payment.nextAction && nowMs() - payment.createdAt < PAYMENT_START_TIMEOUT_MS) return "unknown";
  const db = database(env);
  if (payment.gateway === "wallet") {
    // Its request may still be between its record and its debit: not ours to judge yet.
    if (nowMs() - payment.createdAt < PAYMENT_START_TIMEOUT_MS) return "unknown";
    await db.update(payments).set({ statusCheckedAt: nowMs() }).where(eq(payments.id, payment.id));
    return settleWalletPayment(env, payment);
  }
  await db.update(payments).set({ statusCheckedAt: nowMs() }).where(eq(payments.id, payment.id));
  let status: PaymentStatus;
  try {
    status = await paymentGateway(env, payment.gateway, fetchFn).fetchStatus(referenceOf(payment));
  } catch (err) {
    logEvent("warn", "payment_status_unknown", {
      paymentId: payment.id,
      gateway: payment.gateway,
      error: err instanceof Error ? err.message : String(err),
    });
    return "unknown";
  }
  const event = eventOf(payment, status);
  if (event.outcome === "pending") return "unpaid";
  try {
    await applyGatewayEvent(env, payment.gateway as GatewayName, event);
  } catch {
    // Refused (e.g. the gateway reports another amount): logged and kept for review by applyGatewayEvent.
    return "unknown";
  }
  return event.outcome === "succeeded" ? "paid" : "unpaid";
}

/** The gateway's answer as an event; a payment it has never heard of can never be paid: failed. */
function eventOf(payment: PaymentRow, status: PaymentStatus): WebhookEvent {
  if (status.found) return status.event;
  return {
    eventId: `status:${payment.id}:not_found`,
    paymentId: payment.id,
    outcome: "failed",
    amount: referenceOf(payment).amount,
    raw: { reason: status.reason },
  };
}

/**
 * Asked before an unpaid order expires (the composition root hands it to the orders' sweep): every
 * pending payment for the order is checked with its gateway first. A paid one keeps the order
 * (it is now paid). When a gateway cannot say, the order is not expired on this pass, but only
 * until PAYMENT_STATUS_MAX_WAIT_SECONDS past reservationExpiresAt: its stock hold lapses at the
 * inventory's own expiry meanwhile, and after the wait the order expires anyway (a payment found
 * later is refunded by the late-payment path).
 */
export async function orderMayExpire(env: Env, order: OrderRow, fetchFn?: typeof fetch): Promise<boolean> {
  const pending = await database(env)
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, "pending"),
        sql`EXISTS (SELECT 1 FROM json_each(${payments.orderIds}) WHERE value = ${order.id})`,
      ),
    );
  let unknown = false;
  for (const payment of pending) {
    const answer = await checkPaymentStatus(env, payment, fetchFn);
    if (answer === "paid") return false;
    if (answer === "unknown") unknown = true;
  }
  if (!unknown) return true;
  const waitUntil = order.reservationExpiresAt + readConfig(env).payments.statusMaxWaitSeconds * 1000;
  if (nowMs() < waitUntil) {
    logEvent("warn", "order_expiry_deferred", { orderId: order.id, until: new Date(waitUntil).toISOString() });
    return false;
  }
  logEvent("error", "order_expired_unconfirmed", { orderId: order.id });
  return true;
}

/**
 * The minute cron: payments pending longer than PAYMENT_STATUS_CHECK_AFTER_SECONDS (and not asked
 * about within as long) are checked with their gateways. One still unpaid whose orders all ended
 * (expired, cancelled) is stopped at its gateway and closed as expired.
 */
export async function checkStalePayments(env: Env, fetchFn?: typeof fetch): Promise<number> {
  const db = database(env);
  const cutoff = nowMs() - readConfig(env).payments.statusCheckAfterSeconds * 1000;
  const due = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, "pending"),
        // Cash on delivery has no gateway to ask: the courier's delivery settles it (logistics).
        ne(payments.gateway, "cod"),
        lte(payments.createdAt, cutoff),
        or(isNull(payments.statusCheckedAt), lte(payments.statusCheckedAt, cutoff)),
      ),
    )
    .orderBy(asc(sql`coalesce(${payments.statusCheckedAt}, 0)`), asc(payments.createdAt))
    .limit(STALE_BATCH);
  let paid = 0;
  for (const payment of due) {
    const answer = await checkPaymentStatus(env, payment, fetchFn);
    if (answer === "paid") paid += 1;
    if (answer === "unpaid") await closeIfOrdersEnded(env, payment, fetchFn);
  }
  return paid;
}

async function closeIfOrdersEnded(env: Env, payment: PaymentRow, fetchFn?: typeof fetch): Promise<void> {
  if (payment.walletTransactionId) return closeTopupIfExpired(env, payment, fetchFn);
  const db = database(env);
  const orders = await ordersByIds(db, payment.orderIds);
  if (orders.some((o) => o.status === "pending_payment")) return;
  const [closed] = await db.batch([
    db
      .update(payments)
      .set({ status: "expired", failureReason: "its orders ended unpaid", updatedAt: nowMs() })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning(),
    db.delete(openPayments).where(eq(openPayments.paymentId, payment.id)),
  ]);
  if (closed.length > 0) await cancelAtGateway(env, payment, fetchFn);
}

/**
 * A top-up's payment that its gateway still calls unpaid: once its validity has passed (an order's
 * reservation time, which is what the gateway was told), it is closed as expired, stopped at its
 * gateway, and its wallet transaction fails. Paid later after all, it is refunded (settleTopup).
 */
async function closeTopupIfExpired(env: Env, payment: PaymentRow, fetchFn?: typeof fetch): Promise<void> {
  const validUntil = payment.createdAt + readConfig(env).orders.reservationSeconds * 1000;
  if (nowMs() < validUntil) return;
  const db = database(env);
  const closed = await db
    .update(payments)
    .set({ status: "expired", failureReason: "the top-up was not paid in time", updatedAt: nowMs() })
    .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
    .returning();
  if (closed.length === 0) return;
  await failTopupOf(env, closed[0]);
  await cancelAtGateway(env, payment, fetchFn);
}
