import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../platform/db";
import { ordersByIds, paymentStatusWrite } from "./order-rows";
import { canMove } from "./status";
import { moveWritesWithSold, timelineWrite } from "./transitions";

export interface RefundByHandNote {
  paymentId: string;
  refundId: string;
  reason: string;
  /** The operator who refunded. */
  actorId: string;
}

/**
 * What an operator's refund of a whole payment does to the orders it paid, for the refund's own
 * commit batch: each order this payment paid moves to `refunded` like any refund (the timeline
 * entry and the `order.refunded` event say it was by hand and by whom; earnings take the money off
 * and the buyer is told from that event). An order the state machine does not let an admin refund
 * (already shipped, delivered or completed: a return is the way for those) keeps its status; its
 * payment status becomes refunded and its timeline records the refund by hand. Orders another
 * payment paid (this one was a duplicate) are left alone. Every move is conditional on the status
 * read here, so a batch applied twice moves each order once.
 */
export async function refundedByHandWrites(
  db: Database,
  orderIds: readonly string[],
  note: RefundByHandNote,
): Promise<BatchItem<"sqlite">[]> {
  const rows = await ordersByIds(db, orderIds);
  const data = { reason: note.reason, paymentId: note.paymentId, refundId: note.refundId, byHand: true };
  const writes: BatchItem<"sqlite">[] = [];
  for (const order of rows) {
    if (order.paidByPaymentId !== null && order.paidByPaymentId !== note.paymentId) continue;
    if (order.status === "refunded") continue;
    if (canMove(order.status, "refunded", "admin")) {
      const move = { to: "refunded" as const, actor: "admin" as const, actorId: note.actorId, data };
      writes.push(...(await moveWritesWithSold(db, order, { ...move, set: { paymentStatus: "refunded" } })));
    } else {
      writes.push(
        paymentStatusWrite(db, [order.id], "refunded", { paidBy: note.paymentId }),
        timelineWrite(db, order.id, "payment.refunded_by_hand", "admin", note.actorId, data),
      );
    }
  }
  return writes;
}
