import type { OrderStatus } from "../../schemas/orders";

export type Actor = "customer" | "seller" | "admin" | "system" | "gateway";

/**
 * The order state machine (CONTRACT.md): every legal move, and who may make it. Anything else is
 * 409 invalid_transition. Moves are applied with a conditional UPDATE on the current status, so
 * two racing moves (a payment and an expiry, say) cannot both win.
 */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderStatus, readonly Actor[]>>> = {
  pending_payment: {
    paid: ["gateway", "system"],
    // Cash on delivery accepted (payments, gateway "cod"): it ships unpaid.
    processing: ["gateway"],
    cancelled: ["customer", "seller", "admin"],
    expired: ["system"],
  },
  paid: {
    processing: ["seller", "admin"],
    cancelled: ["customer", "seller", "admin", "system"],
    refunded: ["admin", "system"],
  },
  processing: { shipped: ["seller", "admin"], cancelled: ["seller", "admin"] },
  // Logistics (system): a courier booking cancelled before pickup takes it back to processing; a
  // failed cash-on-delivery delivery closes it (cancelled, stock back).
  shipped: {
    delivered: ["seller", "admin", "system"],
    returned: ["seller", "admin"],
    processing: ["system"],
    cancelled: ["system"],
  },
  // The seller never closes a delivered order: that would end the buyer's return window and make the
  // money available early. The buyer may confirm receipt (giving up the window), an admin may, and
  // the completion cron does once RETURN_WINDOW_DAYS have passed.
  // An operator's refund by hand of the whole payment (workers/orders/refund-by-hand.ts, audited) of an
  // order whose goods the buyer has: admin only (a seller's way back is a return). Not from shipped:
  // the parcel is still moving and logistics moves that order on (delivered, back to processing).
  delivered: { completed: ["admin", "system", "customer"], returned: ["seller", "admin"], refunded: ["admin"] },
  completed: { refunded: ["admin"] },
  cancelled: { refunded: ["system", "admin"] },
  expired: {},
  returned: { refunded: ["seller", "admin", "system"] },
  refunded: {},
};

export function canMove(from: OrderStatus, to: OrderStatus, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

export function nextStatuses(from: OrderStatus, actor: Actor): OrderStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [OrderStatus, readonly Actor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

/** Before shipment the buyer may cancel; a paid order is then refunded. */
export const CANCELLABLE_BY_CUSTOMER: readonly OrderStatus[] = ["pending_payment", "paid"];

/** An order in these statuses counts in its products' `sold_count` (paid, and not given back). */
export const SOLD_STATUSES: readonly OrderStatus[] = ["paid", "processing", "shipped", "delivered", "completed"];

/** How a move changes the order's products' sold counts: +1 on becoming paid, -1 on leaving the sold statuses. */
export function soldDirection(from: OrderStatus, to: OrderStatus): 1 | -1 | 0 {
  const before = SOLD_STATUSES.includes(from);
  const after = SOLD_STATUSES.includes(to);
  return before === after ? 0 : after ? 1 : -1;
}
