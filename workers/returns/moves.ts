import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { returns } from "../../d1/schema/returns";
import type { ReturnEventType } from "../../schemas/events";
import type { ReturnStatus } from "../../schemas/returns";
import { type OrderRow, timelineWriteWhen } from "../orders";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { createEvent, recordEventIf } from "../platform/outbox";
import { type ReturnRow, returnById, returnMoveApplied } from "./rows";

/** Who moves a return: its buyer (a guest has no id), the shop's owner, or the system (refunds). */
export interface ReturnActor {
  type: "customer" | "seller" | "admin" | "system";
  id: string | null;
}

/** The legal moves of a return, and who may make them. Anything else is 409 invalid_transition. */
const MOVES: Record<ReturnStatus, Partial<Record<ReturnStatus, readonly ReturnActor["type"][]>>> = {
  requested: { approved: ["seller", "admin"], rejected: ["seller", "admin"] },
  approved: { received: ["seller", "admin"] },
  rejected: {},
  received: { refunded: ["system"] },
  refunded: {},
};

/** Why a move from this status is refused (one whole sentence per status). */
function refusedDetail(status: ReturnStatus): string {
  switch (status) {
    case "requested":
      return "This return waits for the shop's decision; it can only be approved or rejected.";
    case "approved":
      return "This return was approved; it can only be marked as received.";
    case "rejected":
      return "This return was rejected; it can no longer change.";
    case "received":
      return "This return was already received; its refund is on its way.";
    case "refunded":
      return "This return was already received and refunded; it can no longer change.";
  }
}

const EVENT_OF: Record<Exclude<ReturnStatus, "requested">, ReturnEventType> = {
  approved: "return.approved",
  rejected: "return.rejected",
  received: "return.received",
  refunded: "return.refunded",
};

export function returnEvent(type: ReturnEventType, ret: ReturnRow, order: OrderRow, actor: ReturnActor, extra = {}) {
  return createEvent(
    type,
    {
      returnId: ret.id,
      orderId: order.id,
      shopId: order.shopId,
      customerId: order.customerId,
      number: order.number,
      refundAmount: { amount: ret.refundAmount, currency: ret.currency as never },
      fullReturn: ret.full,
      items: ret.items.map((l) => ({ productId: l.productId, quantity: l.quantity, refund: l.refund })),
      ...(ret.note ? { note: ret.note } : {}),
      ...extra,
    },
    {
      actor:
        actor.type === "system"
          ? { type: "system" }
          : { type: actor.type === "admin" ? "admin" : "user", ...(actor.id ? { id: actor.id } : {}) },
      subject: { type: "return", id: ret.id },
    },
  );
}

export function timelineActor(actor: ReturnActor) {
  return { type: actor.type === "customer" && !actor.id ? ("guest" as const) : actor.type, id: actor.id };
}

/**
 * The writes of one return move for one D1 batch: a conditional UPDATE (only from the status read,
 * so of racing moves exactly one applies) stamping the move's id, then the order's timeline entry
 * and the event, each written only if the return carries that id afterwards.
 */
export function returnMoveWrites(
  db: Database,
  ret: ReturnRow,
  order: OrderRow,
  move: { to: Exclude<ReturnStatus, "requested">; actor: ReturnActor; set?: Partial<ReturnRow>; extra?: object },
): { writes: BatchItem<"sqlite">[]; moveId: string } {
  if (!MOVES[ret.status][move.to]?.includes(move.actor.type))
    throw new ApiError("invalid_transition", refusedDetail(ret.status));
  const moveId = newId("rmv");
  const applied = sql`EXISTS (SELECT 1 FROM ${returns} WHERE ${returnMoveApplied(ret.id, moveId)})`;
  const after = { ...ret, ...move.set };
  const writes: BatchItem<"sqlite">[] = [
    db
      .update(returns)
      .set({ ...move.set, status: move.to, lastMoveId: moveId, updatedAt: nowMs() })
      .where(and(eq(returns.id, ret.id), eq(returns.status, ret.status))),
    timelineWriteWhen(
      db,
      order.id,
      `return.${move.to}`,
      timelineActor(move.actor),
      { returnId: ret.id, ...(after.note ? { note: after.note } : {}), ...move.extra },
      applied,
    ),
    recordEventIf(
      db,
      "order_events",
      returnEvent(EVENT_OF[move.to], after, order, move.actor, move.extra),
      returns,
      returnMoveApplied(ret.id, moveId),
    ),
  ];
  return { writes, moveId };
}

/**
 * Applies a move and returns the return as it now is. A move that lost its race (another request
 * moved the return first) is 409 invalid_transition, from the status the winner left.
 */
export async function moveReturn(
  db: Database,
  ret: ReturnRow,
  order: OrderRow,
  move: Parameters<typeof returnMoveWrites>[3],
): Promise<ReturnRow> {
  const { writes, moveId } = returnMoveWrites(db, ret, order, move);
  const [first, ...rest] = writes;
  await db.batch([first, ...rest]);
  const fresh = (await returnById(db, ret.id)) ?? ret;
  if (fresh.lastMoveId !== moveId) throw new ApiError("invalid_transition", refusedDetail(fresh.status));
  return fresh;
}
