import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { orderEvents, orderItems, orders } from "../../d1/schema/orders";
import type { EventData, OrderMoveEventType } from "../../schemas/events";
import type { OrderStatus } from "../../schemas/orders";
import { soldCountWrites } from "../catalog";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { createEvent, recordEventIf } from "../platform/outbox";
import type { OrderRow } from "./present";
import { type Actor, canMove, nextStatuses, soldDirection } from "./status";

/** Domain events announced on the order queue when an order reaches these statuses. */
const ANNOUNCED: Partial<Record<OrderStatus, OrderMoveEventType>> = {
  paid: "order.paid",
  processing: "order.processing",
  shipped: "order.shipped",
  delivered: "order.delivered",
  completed: "order.completed",
  cancelled: "order.cancelled",
  expired: "order.expired",
  returned: "order.returned",
  refunded: "order.refunded",
};

/** The optional details of a move, as its event carries them (schemas/events.ts). */
export type MoveNote = Pick<
  EventData<OrderMoveEventType>,
  "reason" | "trackingNumber" | "paymentId" | "refundId" | "byHand"
>;

export interface Move {
  to: OrderStatus;
  actor: Actor;
  actorId: string | null;
  /** What the move records on the timeline and in its event: why, the parcel, the money. */
  data?: MoveNote;
  /** Extra column changes made with the move (payment status, tracking...). */
  set?: Partial<typeof orders.$inferInsert>;
}

export function timelineWrite(
  db: Database,
  orderId: string,
  type: string,
  actor: Actor,
  actorId: string | null,
  data: Record<string, unknown>,
) {
  return db.insert(orderEvents).values({
    id: newId("oev"),
    orderId,
    type,
    actorType: timelineActor(actor, actorId),
    actorId,
    data,
    createdAt: nowMs(),
  });
}

/** Everything that happened to an order, oldest first, as GET /orders/:id/timeline shows it. */
export async function timelineOf(db: Database, orderId: string) {
  const rows = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
  return rows.map((r) => ({
    type: r.type,
    at: new Date(r.createdAt).toISOString(),
    actor: { type: r.actorType, id: r.actorId },
    data: r.data,
  }));
}

function timelineActor(actor: Actor, actorId: string | null) {
  return actor === "customer" && !actorId ? ("guest" as const) : actor;
}

/**
 * The writes of one status move, for one D1 batch: a conditional UPDATE (only from the status we
 * read, so of two racing moves exactly one applies) stamping the move's id, then the timeline
 * entry and the order-queue event, each written only if the row carries that id afterwards. A move
 * that lost its race therefore leaves no trace. Illegal moves are 409 invalid_transition.
 */
export function moveWrites(db: Database, order: OrderRow, move: Move, moveId = newId("mov")): BatchItem<"sqlite">[] {
  if (!canMove(order.status, move.to, move.actor)) {
    throw new ApiError("invalid_transition", refusedMoveDetail(order.status, move));
  }
  const now = nowMs();
  const applied = moveApplied(order.id, moveId);
  const data = { from: order.status, to: move.to, ...move.data };
  const writes: BatchItem<"sqlite">[] = [
    db
      .update(orders)
      .set({ status: move.to, updatedAt: now, lastMoveId: moveId, ...move.set })
      .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
      .returning({ id: orders.id }),
    db.insert(orderEvents).select(
      db
        .select({
          id: sql<string>`${newId("oev")}`.as("id"),
          orderId: orders.id,
          type: sql<string>`${`status.${move.to}`}`.as("type"),
          actorType: sql<string>`${timelineActor(move.actor, move.actorId)}`.as("actor_type"),
          actorId: sql<string | null>`${move.actorId}`.as("actor_id"),
          data: sql<string>`${JSON.stringify(data)}`.as("data"),
          createdAt: sql<number>`${now}`.as("created_at"),
        })
        .from(orders)
        .where(applied),
    ),
  ];
  const announced = ANNOUNCED[move.to];
  if (announced) {
    const event = createEvent(
      announced,
      { orderId: order.id, shopId: order.shopId, customerId: order.customerId, number: order.number, ...data },
      {
        actor: {
          type:
            move.actor === "gateway"
              ? "gateway"
              : move.actor === "system"
                ? "system"
                : move.actor === "admin"
                  ? "admin"
                  : "user",
          ...(move.actorId ? { id: move.actorId } : {}),
        },
        subject: { type: "order", id: order.id },
      },
    );
    writes.push(recordEventIf(db, "order_events", event, orders, applied));
  }
  return writes;
}

/** True in SQL exactly when the move with this id is the one that changed the order. */
export function moveApplied(orderId: string, moveId: string): SQL {
  return and(eq(orders.id, orderId), eq(orders.lastMoveId, moveId))!;
}

/**
 * Applies a move (with `extra` writes in the same batch) and returns the order as it now is.
 * `extra` may be a function of the move's `applied` condition, so its writes can be made to apply
 * only if the move did. A move that lost its race (the order was changed by someone else, even to
 * the same status) is 409 conflict: the caller must not act as if it had made it. (The first write
 * of `moveWrites` is the conditional UPDATE; its RETURNING says whether it applied.)
 *
 * A move into or out of the sold statuses (becoming paid; a paid order cancelled, returned or
 * refunded) also moves its products' `sold_count` by the ordered quantities, in the same batch and
 * under the same condition, so each order is counted exactly once however often it is retried.
 */
export async function moveOrder(
  db: Database,
  order: OrderRow,
  move: Move,
  extra: BatchItem<"sqlite">[] | ((applied: SQL) => BatchItem<"sqlite">[]) = [],
): Promise<OrderRow> {
  const moveId = newId("mov");
  const writes = moveWrites(db, order, move, moveId);
  const applied = moveApplied(order.id, moveId);
  const more = typeof extra === "function" ? extra(applied) : extra;
  const sold = await soldWrites(db, order, move.to, applied);
  const [first, ...rest] = [...writes, ...sold, ...more];
  const [moved] = (await db.batch([first, ...rest])) as unknown[];
  const fresh = await db.select().from(orders).where(eq(orders.id, order.id)).get();
  if (!fresh || !Array.isArray(moved) || moved.length !== 1) {
    throw new ApiError("conflict", "The order changed while this request was being handled. Read it again and retry.");
  }
  return fresh;
}

/**
 * moveWrites with the sold-count writes moveOrder adds, for a caller committing the move inside
 * its own batch (a refund by hand commits it with the refund).
 */
export async function moveWritesWithSold(db: Database, order: OrderRow, move: Move): Promise<BatchItem<"sqlite">[]> {
  const moveId = newId("mov");
  const writes = moveWrites(db, order, move, moveId);
  return [...writes, ...(await soldWrites(db, order, move.to, moveApplied(order.id, moveId)))];
}

/** The sold-count writes of a move (none for most moves), applied only if the move is. */
async function soldWrites(
  db: Database,
  order: OrderRow,
  to: OrderStatus,
  applied: SQL,
): Promise<BatchItem<"sqlite">[]> {
  const direction = soldDirection(order.status, to);
  if (direction === 0) return [];
  const lines = await db
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id));
  return soldCountWrites(db, order.shopId, lines, direction, sql`EXISTS (SELECT 1 FROM ${orders} WHERE ${applied})`);
}

/** Why a move is refused, and what the order can become instead (one whole sentence per case). */
function refusedMoveDetail(status: OrderStatus, move: Move): string {
  const possible = nextStatuses(status, move.actor).join(", ");
  if (move.actor === "system") {
    return possible
      ? `An order that is ${status} cannot become ${move.to}. Possible: ${possible}.`
      : `An order that is ${status} cannot become ${move.to}. No further change is possible.`;
  }
  return possible
    ? `An order that is ${status} cannot become ${move.to} by the ${move.actor}. Possible: ${possible}.`
    : `An order that is ${status} cannot become ${move.to} by the ${move.actor}. No further change is possible.`;
}
