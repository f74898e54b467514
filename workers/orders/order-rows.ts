import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { orderItems, orders } from "../../d1/schema/orders";
import type { PAYMENT_STATUS } from "../../schemas/orders";
import { type Database, nowMs } from "../platform/db";
import type { OrderRow } from "./present";

/*
 * Order rows for the domains that act on orders without owning them (payments): read by id, and
 * the payment-status column written as a batch item, so the caller keeps its writes in one batch.
 */

export type OrderPaymentStatus = (typeof PAYMENT_STATUS)[number];

export async function orderById(db: Database, orderId: string): Promise<OrderRow | undefined> {
  return db.select().from(orders).where(eq(orders.id, orderId)).get();
}

/** The orders by id; a query, so a caller may also put it in a `db.batch` of reads (one round trip). */
export function ordersByIds(db: Database, orderIds: readonly string[]) {
  return db
    .select()
    .from(orders)
    .where(inArray(orders.id, [...orderIds]));
}

/**
 * The write that sets the orders' payment status, for the caller's `db.batch([...])`. `unpaidOnly`
 * leaves orders that are no longer pending_payment alone; `paidBy` leaves an order paid by another
 * payment alone (its status follows the payment that paid it, not a duplicate being returned).
 */
export function paymentStatusWrite(
  db: Database,
  orderIds: readonly string[],
  paymentStatus: OrderPaymentStatus,
  scope: { unpaidOnly?: boolean; paidBy?: string } = {},
) {
  return db
    .update(orders)
    .set({ paymentStatus, updatedAt: nowMs() })
    .where(
      and(
        inArray(orders.id, [...orderIds]),
        scope.unpaidOnly ? eq(orders.status, "pending_payment") : undefined,
        scope.paidBy ? or(isNull(orders.paidByPaymentId), eq(orders.paidByPaymentId, scope.paidBy)) : undefined,
      ),
    );
}
