import { and, asc, eq, lte } from "drizzle-orm";
import { orders } from "../../d1/schema/orders";
import { database, nowMs } from "../platform/db";
import { logEvent } from "../platform/log";
import { voucherGiveBack } from "./cancel";
import type { OrderRow } from "./present";
import { releaseOrderStock } from "./stock";
import { moveOrder } from "./transitions";

const SWEEP_BATCH = 50;

/**
 * Asked of each overdue order before it expires, by the domain that knows its payments (handed in
 * by the composition root, workers/scheduled.ts): false keeps it for a later pass (its gateway
 * says it was paid, or could not be asked yet).
 */
export type ExpiryCheck = (order: OrderRow) => Promise<boolean>;

/**
 * Unpaid orders past reservationExpiresAt become expired and free their stock (cron, every
 * minute), each once `mayExpire` agrees. The move is conditional, so a payment landing at the
 * same moment wins or loses cleanly; a payment that arrives after expiry is refunded by the
 * payment flow.
 *
 * Crash safety. The commit point is the move to `expired` (one D1 batch with its voucher give-back
 * and `order.expired` outbox event). Killed before it, the next sweep finds the order still overdue
 * and expires it. Killed after it, the sweep no longer sees the order; its held units are released
 * by the event's consumer (orderStockConsumer), which the cron's reconciler re-publishes until it has
 * run. The release is idempotent, so the inline one and the consumer's free the units once.
 */
export async function expireOverdueOrders(env: Env, mayExpire: ExpiryCheck = async () => true): Promise<number> {
  const db = database(env);
  const due = await db
    .select()
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), lte(orders.reservationExpiresAt, nowMs())))
    .orderBy(asc(orders.reservationExpiresAt))
    .limit(SWEEP_BATCH);
  let expired = 0;
  for (const order of due) {
    try {
      if (!(await mayExpire(order))) continue;
      const moved = await moveOrder(
        db,
        order,
        { to: "expired", actor: "system", actorId: null, data: { reason: "unpaid at reservationExpiresAt" } },
        (applied) => voucherGiveBack(db, order, applied),
      );
      // Commit point passed: the release below is re-driven by the order.expired event if this dies.
      await releaseOrderStock(env, db, moved);
      expired += 1;
    } catch (err) {
      logEvent("warn", "order_expiry_skipped", {
        orderId: order.id,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return expired;
}
