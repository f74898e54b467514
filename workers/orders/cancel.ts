import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { orders, voucherRedemptions, vouchers } from "../../d1/schema/orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { OrderRow } from "./present";
import type { Actor } from "./status";
import { releaseOrderStock, restockOrder, settleEndedOrderStock, statusBefore } from "./stock";
import { moveOrder } from "./transitions";

/**
 * Gives an order's money back through the gateway that took it and returns the order as it then is
 * (moved on to `refunded` once the gateway accepted; unchanged if it refused, for the cron to retry).
 *
 * Payments implements it (refundOrderPayment) and workers/app.ts hands it in through
 * createOrdersRouter: payments depends on orders (it moves orders when money arrives), so orders
 * importing payments would be a cycle; and it is a call rather than an event because cancelling a
 * paid order answers with the order already refunded (CONTRACT.md, test/orders/state-machine.test.ts).
 */
export type RefundPayment = (env: Env, order: OrderRow, reason: string) => Promise<OrderRow>;

/**
 * Writes that give a cancelled or expired order's voucher uses back, applied only if `applied`
 * (the move's condition, see moveOrder) holds: a move that lost its race gives nothing back. A use
 * belongs to the checkout (a platform voucher may discount several of its orders): it comes back
 * with the last of those orders, and each redemption is released once, so a use comes back once.
 */
export function voucherGiveBack(db: ReturnType<typeof database>, order: OrderRow, applied: SQL) {
  if (!order.voucherCode) return [];
  const moved = sql`EXISTS (SELECT 1 FROM ${orders} WHERE ${applied})`;
  const held = and(eq(voucherRedemptions.orderId, order.id), isNull(voucherRedemptions.releasedAt));
  const othersHold = sql`EXISTS (SELECT 1 FROM ${voucherRedemptions} AS other
    WHERE other.code = ${vouchers.code} AND other.released_at IS NULL
    AND other.order_id <> ${order.id} AND other.checkout_id = ${order.checkoutId})`;
  return [
    db
      .update(vouchers)
      .set({ usedCount: sql`max(${vouchers.usedCount} - 1, 0)` })
      .where(
        and(
          sql`${vouchers.code} IN (SELECT ${voucherRedemptions.code} FROM ${voucherRedemptions} WHERE ${held})`,
          sql`NOT ${othersHold}`,
          moved,
        ),
      ),
    db.update(voucherRedemptions).set({ releasedAt: nowMs() }).where(and(held, moved)),
  ];
}

/**
 * Cancels before shipment. Unpaid: the hold is released. Paid: the stock goes back and the
 * payment is refunded through its gateway (the order then moves on to refunded).
 *
 * Crash safety. The commit point is the move to `cancelled` (one D1 batch: status, timeline,
 * voucher give-back and the `order.cancelled` outbox event). Before it nothing has changed, so a
 * retry cancels afresh. After it, a retry finds the order cancelled and answers 409
 * invalid_transition as any second cancel does (CONTRACT.md), but first runs the stock step again
 * (resumeEndedOrderStock); the outbox event's consumer (orderStockConsumer, re-published by the
 * cron's reconciler until applied) runs it too. The stock step is idempotent by reservation id and
 * order, so the units come back once. A paid order's refund is owed from the same event: killed
 * before its refund row exists, the payments.refund consumer refunds it; killed after, the cron
 * (retryFailedRefunds) takes the row up again. One refund per payment and order, so never twice.
 */
export async function cancelOrder(
  env: Env,
  order: OrderRow,
  actor: Actor,
  actorId: string | null,
  reason: string | undefined,
  refundPayment: RefundPayment,
): Promise<OrderRow> {
  const db = database(env);
  if (order.status !== "pending_payment" && order.status !== "paid" && order.status !== "processing") {
    await resumeEndedOrderStock(env, db, order);
    throw new ApiError(
      "invalid_transition",
      order.status === "shipped"
        ? "A shipped order can no longer be cancelled; ask for a return once it arrives."
        : `An order that is ${order.status} can no longer be cancelled.`,
    );
  }
  const cancelled = await moveOrder(
    db,
    order,
    { to: "cancelled", actor, actorId, data: reason ? { reason } : {} },
    (applied) => voucherGiveBack(db, order, applied),
  );
  // Commit point passed: from here on a crash is resumed by the retry or the event's consumer.
  if (order.status === "pending_payment") {
    await releaseOrderStock(env, db, cancelled);
    return cancelled;
  }
  await restockOrder(env, db, cancelled);
  return refundPayment(env, cancelled, reason ?? "order cancelled");
}

/**
 * The move to `refunded` asked for by a seller or admin: a returned order's goods go back into
 * stock and its payment is refunded through the gateway (the refund then makes the move); a paid
 * order is cancelled, which restocks and refunds; a cancelled one whose refund failed is retried.
 * If the gateway refuses, the order stays where it was (the cron retries failed refunds).
 */
export async function refundOrder(
  env: Env,
  order: OrderRow,
  actor: Actor,
  actorId: string | null,
  reason: string | undefined,
  refundPayment: RefundPayment,
): Promise<OrderRow> {
  if (order.status === "paid") {
    return cancelOrder(env, order, actor, actorId, reason ?? "refunded by the shop", refundPayment);
  }
  if (order.status === "returned") await restockOrder(env, database(env), order);
  return refundPayment(env, order, reason ?? `refunded by the ${actor}`);
}

/**
 * A cancel that finds the order already cancelled or expired may be the retry of one killed after
 * its commit point: it runs that move's stock step again (idempotent; nothing if it already ran).
 */
async function resumeEndedOrderStock(env: Env, db: ReturnType<typeof database>, order: OrderRow): Promise<void> {
  if (order.status !== "cancelled" && order.status !== "expired") return;
  const from = await statusBefore(db, order.id, order.status);
  if (from) await settleEndedOrderStock(env, db, order, from);
}
