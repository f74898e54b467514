import { and, eq, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orders } from "../../d1/schema/orders";
import type { Database } from "../platform/db";
import { stableId } from "../platform/ids";
import type { Currency } from "../platform/money";
import { createEvent, recordEventIf } from "../platform/outbox";
import { ordersByIds, paymentStatusWrite } from "./order-rows";
import type { OrderRow } from "./present";
import { canMove } from "./status";
import { moveWritesWithSold, timelineWrite } from "./transitions";

export interface RefundByHandNote {
  paymentId: string;
  refundId: string;
  reason: string;
  /** The operator who refunded. */
  actorId: string;
  /** This refund's amount, in minor units of `currency`. */
  amount: number;
  currency: Currency;
  /** The payment is refunded whole with this refund. */
  whole: boolean;
  /** True in SQL while this refund is still uncommitted: its events are written once. */
  applied: SQL;
}

/**
 * Splits a refund over the orders it paid, in proportion to their totals (largest remainder, so the
 * shares add up to the amount exactly). A payment of one order gives it all.
 */
export function refundShares(amount: number, totals: readonly number[]): number[] {
  const sum = totals.reduce((a, b) => a + b, 0);
  if (sum <= 0) return totals.map((_, i) => (i === 0 ? amount : 0));
  const exact = totals.map((t) => (amount * t) / sum);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * What an operator's refund by hand does to the orders the payment paid, for the refund's own
 * commit batch (workers/payments/manual-refunds.ts):
 * - the payment refunded whole: each order the state machine lets an admin refund (paid, cancelled,
 *   returned, delivered, completed) moves to `refunded` like any refund; its `order.refunded` event
 *   (by hand, by whom) takes what is left off the shop's earnings and tells the buyer;
 * - otherwise (a part refund, or a whole one of an order the machine keeps: shipped, its parcel
 *   still moving) the order keeps its status; its timeline records the refund and its share, and a
 *   `payment.refunded_by_hand` event takes that share off the shop's earnings (all that is left when
 *   whole) and tells the buyer the amount.
 * Orders another payment paid (this one was a duplicate) are left alone. Every move is conditional
 * on the status read here and every event on the refund still being uncommitted, so the batch
 * applies once.
 */
export async function refundedByHandWrites(
  db: Database,
  orderIds: readonly string[],
  note: RefundByHandNote,
): Promise<BatchItem<"sqlite">[]> {
  const rows = (await ordersByIds(db, orderIds)).filter(
    (o) => o.paidByPaymentId === null || o.paidByPaymentId === note.paymentId,
  );
  const shares = refundShares(
    note.amount,
    rows.map((o) => o.total),
  );
  const data = { reason: note.reason, paymentId: note.paymentId, refundId: note.refundId, byHand: true };
  const writes: BatchItem<"sqlite">[] = [];
  for (const [i, order] of rows.entries()) {
    if (order.status === "refunded") continue;
    if (note.whole && canMove(order.status, "refunded", "admin")) {
      const move = { to: "refunded" as const, actor: "admin" as const, actorId: note.actorId, data };
      writes.push(...(await moveWritesWithSold(db, order, { ...move, set: { paymentStatus: "refunded" } })));
      continue;
    }
    const share = shares[i] ?? 0;
    if (share <= 0 && !note.whole) continue;
    // A part refund leaves the order's payment status "paid": shipping (cash on delivery or not) and
    // the cancellation refund read it.
    if (note.whole) writes.push(paymentStatusWrite(db, [order.id], "refunded", { paidBy: note.paymentId }));
    writes.push(
      timelineWrite(db, order.id, "payment.refunded_by_hand", "admin", note.actorId, {
        ...data,
        amount: { amount: share, currency: note.currency },
        whole: note.whole,
      }),
      // One event per refund and order, whichever attempt writes it.
      refundEventWrite(db, order, note, share, await stableId("evt", 0, `${note.refundId}\n${order.id}`)),
    );
  }
  return writes;
}

/** The order's share announced (a query builder: returned as it is, never awaited here). */
function refundEventWrite(db: Database, order: OrderRow, note: RefundByHandNote, share: number, id: string) {
  const event = createEvent(
    "payment.refunded_by_hand",
    {
      paymentId: note.paymentId,
      refundId: note.refundId,
      orderId: order.id,
      shopId: order.shopId,
      customerId: order.customerId,
      number: order.number,
      amount: { amount: share, currency: note.currency },
      whole: note.whole,
      reason: note.reason,
    },
    {
      actor: { type: "admin", id: note.actorId },
      subject: { type: "order", id: order.id },
      id,
    },
  );
  return recordEventIf(db, "order_events", event, orders, and(eq(orders.id, order.id), note.applied) as SQL);
}
