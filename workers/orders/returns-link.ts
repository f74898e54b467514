import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orderEvents, orderItems, orders } from "../../d1/schema/orders";
import { soldCountWrites } from "../catalog";
import { type Database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { paymentStatusWrite } from "./order-rows";
import type { OrderRow } from "./present";
import { moveApplied, moveOrder, moveWrites } from "./transitions";

/*
 * What the returns domain (above orders) needs of an order: its lines, when it was delivered, the
 * writes that record a return's refund on it, and the completion of orders whose return window
 * is over. Returns owns the return rows; the order's status and timeline stay written here.
 */

export type OrderLine = typeof orderItems.$inferSelect;

export async function orderLines(db: Database, orderId: string): Promise<OrderLine[]> {
  return db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
}

/** When the order became delivered (its timeline's first move there), if it did. */
export async function deliveredAt(db: Database, orderId: string): Promise<number | null> {
  const move = await db
    .select({ at: orderEvents.createdAt })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "status.delivered")))
    .orderBy(asc(orderEvents.id))
    .get();
  return move?.at ?? null;
}

/**
 * The writes that record a return's refund on its order, for the refund's own commit batch. A
 * return of the order's last units (`full`) on a delivered order moves it to `returned` and on to
 * `refunded` in that one batch (two conditional moves, the second applying only after the first),
 * so the order never rests in `returned` with its money not back; its products' sold counts go
 * down with it. Any other refund (a partial return, or a full one after the buyer completed the
 * order) keeps the order's status and records the refund on its timeline.
 */
export async function returnRefundWrites(
  db: Database,
  order: OrderRow,
  refund: {
    returnId: string;
    refundId: string;
    paymentId: string;
    amount: number;
    full: boolean;
    actorId: string | null;
  },
): Promise<BatchItem<"sqlite">[]> {
  const note = { reason: "items returned", refundId: refund.refundId, paymentId: refund.paymentId };
  if (refund.full && order.status === "delivered") {
    const returnedId = newId("mov");
    const toReturned = moveWrites(
      db,
      order,
      { to: "returned", actor: "seller", actorId: refund.actorId, data: { reason: "items returned" } },
      returnedId,
    );
    const toRefunded = moveWrites(
      db,
      { ...order, status: "returned" },
      { to: "refunded", actor: "system", actorId: null, data: note, set: { paymentStatus: "refunded" } },
    );
    const lines = await orderLines(db, order.id);
    const applied = sql`EXISTS (SELECT 1 FROM ${orders} WHERE ${moveApplied(order.id, returnedId)})`;
    const sold = soldCountWrites(db, order.shopId, lines, -1, applied);
    return [...toReturned, ...sold, ...toRefunded];
  }
  return [
    db.insert(orderEvents).values({
      id: newId("oev"),
      orderId: order.id,
      type: "return.refunded",
      actorType: "system",
      actorId: null,
      data: { returnId: refund.returnId, ...note, amount: refund.amount, currency: order.currency },
      createdAt: nowMs(),
    }),
    paymentStatusWrite(db, [order.id], refund.full ? "refunded" : "partially_refunded", { paidBy: refund.paymentId }),
  ];
}

/**
 * Delivered orders whose delivery is at or before `deliveredBy`, by id after `afterId`: the
 * candidates for completion once the return window is over.
 */
export async function deliveredOrdersDue(
  db: Database,
  deliveredBy: number,
  afterId: string,
  limit: number,
): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.status, "delivered"),
        gt(orders.id, afterId),
        sql`EXISTS (SELECT 1 FROM ${orderEvents} WHERE ${orderEvents.orderId} = ${orders.id} AND ${orderEvents.type} = 'status.delivered' AND ${orderEvents.createdAt} <= ${deliveredBy})`,
      ),
    )
    .orderBy(asc(orders.id))
    .limit(limit);
}

/** The system's move of a delivered order to `completed` (announced as order.completed). */
export async function completeOrder(db: Database, order: OrderRow): Promise<OrderRow> {
  return moveOrder(db, order, {
    to: "completed",
    actor: "system",
    actorId: null,
    data: { reason: "return window over" },
  });
}

/**
 * A timeline entry written only if `when` holds in the same batch (e.g. the return's move it
 * records applied): a write that lost its race leaves no trace on the order.
 */
export function timelineWriteWhen(
  db: Database,
  orderId: string,
  type: string,
  actor: { type: "customer" | "guest" | "seller" | "admin" | "system"; id: string | null },
  data: Record<string, unknown>,
  when: SQL,
) {
  return db.insert(orderEvents).select(
    db
      .select({
        id: sql<string>`${newId("oev")}`.as("id"),
        orderId: sql<string>`${orderId}`.as("order_id"),
        type: sql<string>`${type}`.as("type"),
        actorType: sql<string>`${actor.type}`.as("actor_type"),
        actorId: sql<string | null>`${actor.id}`.as("actor_id"),
        data: sql<string>`${JSON.stringify(data)}`.as("data"),
        createdAt: sql<number>`${nowMs()}`.as("created_at"),
      })
      .from(sql`(SELECT 1)`)
      .where(when),
  );
}
