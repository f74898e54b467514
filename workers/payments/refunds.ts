import { and, eq, inArray, lt, notLike, or, sql } from "drizzle-orm";
import { payments, refunds } from "../../d1/schema/payments";
import { moveOrder, type OrderRow, orderById, paymentStatusWrite } from "../orders";
import { type Database, database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { type Currency, money } from "../platform/money";
import { reservedSql } from "./admin-payments";
import { paymentGateway } from "./gateway-config";
import { MANUAL_REFUND_PREFIX } from "./manual-refunds";
import type { PaymentRow } from "./present";
import { RETURN_REFUND_PREFIX } from "./return-refund-key";
import { refundIntoWallet } from "./wallet-refund";

/** The succeeded payment that paid for an order, if any. */
export async function paymentOf(env: Env, order: OrderRow): Promise<PaymentRow | undefined> {
  const rows = await database(env)
    .select()
    .from(payments)
    .where(
      and(
        inArray(payments.status, ["succeeded", "partially_refunded"]),
        sql`EXISTS (SELECT 1 FROM json_each(${payments.orderIds}) WHERE value = ${order.id})`,
      ),
    );
  return rows[0];
}

/** What a refund gives back: an order's total, or a whole top-up (its wallet transaction in `orderId`). */
export type RefundTarget = Pick<OrderRow, "id" | "total" | "currency">;

/** A refund still pending after this long was abandoned by a worker that died: it is taken up again. */
const STUCK_REFUND_MS = 10 * 60_000;

/**
 * Gives an order's money back through the gateway that took it: one refund per payment and order (unique
 * index), idempotent at the gateway by our refund id. The order moves on to `refunded` once the
 * gateway accepted; a gateway failure is recorded and retried by the next sweep.
 *
 * Crash safety. The refund row (claimRefund) is the claim, not the commit: the commit point is
 * recordRefund's batch (refund succeeded, payment's refunded total, the order's move). Killed
 * before the claim, the cancellation's `order.cancelled` event brings the refund back
 * (paymentRefundConsumer); killed between the claim and the gateway's answer, the row stays
 * pending and retryFailedRefunds takes it up after STUCK_REFUND_MS, sending the same refund id, so
 * the gateway (its idempotency key) answers with the first refund instead of making a second.
 */
export async function refundOrderPayment(
  env: Env,
  order: OrderRow,
  reason: string,
  payment?: PaymentRow,
): Promise<OrderRow> {
  const db = database(env);
  const paid = payment ?? (await paymentOf(env, order));
  if (!paid) {
    logEvent("error", "refund_without_payment", { orderId: order.id });
    return order;
  }
  const refund = await claimRefund(db, order, paid, reason);
  if (!refund) return order;
  try {
    const amount = money(order.total, order.currency as Currency);
    const result =
      paid.gateway === "wallet"
        ? await refundIntoWallet(paid, env, refund.id, amount)
        : await paymentGateway(env, paid.gateway).refund({
            paymentId: paid.id,
            providerRef: paid.providerRef ?? paid.id,
            amount,
            reason,
            refundId: refund.id,
          });
    return await recordRefund(db, order, paid, { id: refund.id, providerRefundRef: result.providerRefundRef, reason });
  } catch (err) {
    // Unless the gateway's refund was already recorded (only the order's move failed after it).
    await db
      .update(refunds)
      .set({ status: "failed", updatedAt: nowMs() })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")));
    logEvent("error", "refund_failed", {
      orderId: order.id,
      paymentId: paid.id,
      error: err instanceof Error ? err.message : String(err),
    });
    return order;
  }
}

/**
 * The refund of this payment and order, claimed for the caller: created now, or a failed (or
 * abandoned) one taken back. Only one worker at a time calls the gateway for a refund: a pending
 * refund belongs to whoever is processing it, so undefined means someone else is, or that the
 * amount no longer fits in the payment: a claim is made (or a failed one taken back) only while
 * what the payment's other refunds reserve plus this amount stays within what was paid, checked in
 * the one statement that claims it, so a return's refund racing an operator's refund by hand (whose
 * claim checks the same) cannot both pass (docs/payments.md).
 */
export async function claimRefund(db: Database, order: RefundTarget, paid: PaymentRow, reason: string) {
  const now = nowMs();
  const id = newId("rfd");
  const fits = sql`${paid.amount} - ${reservedSql(paid.id)} >= ${order.total}`;
  const inserted = await db.run(sql`
    INSERT INTO ${refunds} (id, payment_id, order_id, amount, currency, status, reason, created_at, updated_at)
    SELECT ${id}, ${paid.id}, ${order.id}, ${order.total}, ${order.currency}, 'pending', ${reason}, ${now}, ${now}
    WHERE ${fits}
    ON CONFLICT DO NOTHING`);
  if (inserted.meta.changes > 0) return db.select().from(refunds).where(eq(refunds.id, id)).get();
  const taken = await db
    .update(refunds)
    .set({ status: "pending", updatedAt: now })
    .where(
      and(
        eq(refunds.orderId, order.id),
        eq(refunds.paymentId, paid.id),
        or(
          // A failed refund reserves nothing: taking it back must fit like a new one.
          and(eq(refunds.status, "failed"), fits),
          and(eq(refunds.status, "pending"), lt(refunds.updatedAt, now - STUCK_REFUND_MS)),
        ),
      ),
    )
    .returning()
    .get();
  if (!taken) await logIfBeyondPayment(db, order, paid);
  return taken;
}

/** Says so when a refund was not claimed because it would give back more than the payment took. */
async function logIfBeyondPayment(db: Database, order: RefundTarget, paid: PaymentRow): Promise<void> {
  const held = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.orderId, order.id), eq(refunds.paymentId, paid.id), eq(refunds.status, "pending")))
    .get();
  if (held) return;
  const row = await db
    .select({ reserved: reservedSql(paid.id) })
    .from(payments)
    .where(eq(payments.id, paid.id))
    .get();
  const left = paid.amount - (row?.reserved ?? 0);
  if (left < order.total) {
    logEvent("error", "refund_beyond_payment", { paymentId: paid.id, target: order.id, amount: order.total, left });
  }
}

/**
 * What the gateway accepted, in one batch: the refund succeeded, the payment's refunded total grows,
 * and the order moves on to `refunded` (a cancelled or returned order) or just records its payment
 * status (an order refunded in another status, e.g. a duplicate payment). The order as it now is.
 */
async function recordRefund(
  db: Database,
  order: OrderRow,
  paid: PaymentRow,
  refund: { id: string; providerRefundRef: string; reason: string },
): Promise<OrderRow> {
  const writes = [
    db
      .update(refunds)
      .set({ status: "succeeded", providerRefundRef: refund.providerRefundRef, updatedAt: nowMs() })
      .where(eq(refunds.id, refund.id)),
    db
      .update(payments)
      .set({
        refundedAmount: sql`${payments.refundedAmount} + ${order.total}`,
        // From the row's own total, not the copy read earlier: several orders' refunds may add up.
        status: sql`CASE WHEN ${payments.refundedAmount} + ${order.total} >= ${payments.amount} THEN 'refunded' ELSE 'partially_refunded' END`,
        updatedAt: nowMs(),
      })
      .where(eq(payments.id, paid.id)),
  ];
  if (order.status === "cancelled" || order.status === "returned") {
    return moveOrder(
      db,
      order,
      {
        to: "refunded",
        actor: "system",
        actorId: null,
        data: { reason: refund.reason, refundId: refund.id, paymentId: paid.id },
        set: { paymentStatus: "refunded" },
      },
      writes,
    );
  }
  // The order's payment status follows the payment that paid it, not a duplicate being returned.
  const [first, second] = writes;
  await db.batch([first, second, paymentStatusWrite(db, [order.id], "refunded", { paidBy: paid.id })]);
  return (await orderById(db, order.id)) ?? order;
}

/**
 * Refunds that failed at the gateway are tried again by the minute cron (same refund id: no double
 * refund). A return's refunds (RETURN_REFUND_PREFIX, return-refunds.ts) are the returns domain's to
 * resume, with their own amount, and an operator's refund by hand (MANUAL_REFUND_PREFIX) resumes
 * with its Idempotency-Key: both left out here, so they never take this sweep's places either.
 */
export async function retryFailedRefunds(env: Env): Promise<number> {
  const db = database(env);
  const failed = await db
    .select()
    .from(refunds)
    .where(
      and(
        or(
          eq(refunds.status, "failed"),
          and(eq(refunds.status, "pending"), lt(refunds.updatedAt, nowMs() - STUCK_REFUND_MS)),
        ),
        notLike(refunds.orderId, `${RETURN_REFUND_PREFIX}%`),
        notLike(refunds.orderId, `${MANUAL_REFUND_PREFIX}%`),
      ),
    )
    .limit(20);
  let done = 0;
  for (const refund of failed) {
    const payment = await db.select().from(payments).where(eq(payments.id, refund.paymentId)).get();
    if (payment?.walletTransactionId) {
      if (await refundTopupPayment(env, payment, refund.reason ?? "retry")) done += 1;
      continue;
    }
    const order = await orderById(db, refund.orderId);
    if (!order || !payment) continue;
    // Refunded meanwhile with this payment's own money (an operator's refund by hand): nothing is left to give back.
    if (order.status === "refunded" && (order.paidByPaymentId ?? payment.id) === payment.id) continue;
    const after = await refundOrderPayment(env, order, refund.reason ?? "retry", payment);
    if (after.paymentStatus === "refunded") done += 1;
  }
  return done;
}

/**
 * Gives a whole top-up's payment back through its gateway (the wallet refused to credit it: see
 * topupPaid). One refund per payment, keyed like an order's by (payment, its wallet transaction),
 * sent with the same refund id on every retry; retryFailedRefunds takes a failed one up again.
 * True once the gateway accepted.
 */
export async function refundTopupPayment(env: Env, paid: PaymentRow, reason: string): Promise<boolean> {
  const db = database(env);
  if (!paid.walletTransactionId) throw new Error(`payment ${paid.id} is not a top-up`);
  const target = { id: paid.walletTransactionId, total: paid.amount, currency: paid.currency };
  const refund = await claimRefund(db, target, paid, reason);
  if (!refund) return false;
  try {
    const result = await paymentGateway(env, paid.gateway).refund({
      paymentId: paid.id,
      providerRef: paid.providerRef ?? paid.id,
      amount: money(paid.amount, paid.currency as Currency),
      reason,
      refundId: refund.id,
    });
    await db.batch([
      db
        .update(refunds)
        .set({ status: "succeeded", providerRefundRef: result.providerRefundRef, updatedAt: nowMs() })
        .where(eq(refunds.id, refund.id)),
      db
        .update(payments)
        .set({ refundedAmount: paid.amount, status: "refunded", updatedAt: nowMs() })
        .where(eq(payments.id, paid.id)),
    ]);
    return true;
  } catch (err) {
    await db
      .update(refunds)
      .set({ status: "failed", updatedAt: nowMs() })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")));
    logEvent("error", "refund_failed", {
      paymentId: paid.id,
      error: err instanceof Error ? err.message : String(err),
    });
    return false;
  }
}
