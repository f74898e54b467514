import { and, eq, type SQL, sql } from "drizzle-orm";
import { orderItems, orders } from "../../d1/schema/orders";
import { batchGuard, ONE_ROW } from "../platform/batch-guard";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";

/*
 * Stock hoarding caps: unpaid orders that still hold stock, and the units they hold, are capped per
 * buyer (an account, or a guest's cart token) and per IP. Counting live orders (instead of keeping
 * counters) means nothing drifts when orders are paid, cancelled or expire elsewhere.
 */

export type HoardingCaps = Config["orders"]["caps"];

/** Whose open orders a checkout adds to: the buyer's column and value, and the IP's keyed hash. */
export interface CheckoutHolder {
  customerId: string | null;
  guestTokenHash: string | null;
  ipHash: string;
}

/** What the checkout would add: one order per shop, and its units. */
export interface CheckoutLoad {
  orders: number;
  units: number;
}

function buyerOf(holder: CheckoutHolder): SQL | undefined {
  return holder.customerId !== null
    ? eq(orders.customerId, holder.customerId)
    : eq(orders.guestTokenHash, holder.guestTokenHash ?? "");
}

/** Unpaid orders still holding stock (overdue ones are being released by the expiry sweep). */
function openOrders(whose: SQL | undefined, now: number): SQL | undefined {
  return and(whose, eq(orders.status, "pending_payment"), sql`${orders.reservationExpiresAt} > ${now}`);
}

function countOpen(whose: SQL | undefined, now: number): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${orders} WHERE ${openOrders(whose, now)})`;
}

function unitsHeld(whose: SQL | undefined, now: number): SQL<number> {
  return sql<number>`(SELECT coalesce(sum(${orderItems.quantity}), 0) FROM ${orderItems}
    WHERE ${orderItems.orderId} IN (SELECT ${orders.id} FROM ${orders} WHERE ${openOrders(whose, now)}))`;
}

function tallies(holder: CheckoutHolder, now: number) {
  const ip = eq(orders.checkoutIpHash, holder.ipHash);
  return {
    buyerOrders: countOpen(buyerOf(holder), now),
    buyerUnits: unitsHeld(buyerOf(holder), now),
    ipOrders: countOpen(ip, now),
    ipUnits: unitsHeld(ip, now),
  };
}

/** What the buyer's and the IP's open orders hold now (one D1 read). */
export type HeldTallies = { buyerOrders: number; buyerUnits: number; ipOrders: number; ipUnits: number } | undefined;

/**
 * Reads the tallies the caps compare with. It needs only who checks out, not the cart, so the
 * checkout reads it together with the hand-off; advisory either way (`capsGuard` decides).
 */
export function readHeldTallies(db: Database, holder: CheckoutHolder, now: number): Promise<HeldTallies> {
  return db.select(tallies(holder, now)).from(ONE_ROW).get();
}

/**
 * Refuses (409 conflict) a checkout that would take the buyer or their IP past a cap, naming the
 * cap and what to do. Run before anything is taken; `capsGuard` repeats it inside the write.
 */
export async function enforceCaps(
  db: Database,
  caps: HoardingCaps,
  holder: CheckoutHolder,
  load: CheckoutLoad,
  now: number,
): Promise<void> {
  checkCaps(await readHeldTallies(db, holder, now), caps, load);
}

/** `enforceCaps` on tallies read before (the same sentences). */
export function checkCaps(held: HeldTallies, caps: HoardingCaps, load: CheckoutLoad): void {
  if (!held) return;
  // Each cap is one whole sentence (translated as a unit), so the advice is repeated in each.
  if (held.buyerOrders + load.orders > caps.ordersPerBuyer) {
    throw capReached(
      `You already have ${held.buyerOrders} unpaid orders holding stock and this checkout makes ${load.orders} more; one buyer may have at most ${caps.ordersPerBuyer} open at a time. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).`,
      "orders",
      `at most ${caps.ordersPerBuyer} unpaid orders per buyer`,
    );
  }
  if (held.buyerUnits + load.units > caps.unitsPerBuyer) {
    throw capReached(
      `Your unpaid orders already hold ${held.buyerUnits} units and this checkout would hold ${load.units} more; one buyer may hold at most ${caps.unitsPerBuyer} units in unpaid orders. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key). Or buy fewer units.`,
      "items",
      `at most ${caps.unitsPerBuyer} units held per buyer`,
    );
  }
  if (held.ipOrders + load.orders > caps.ordersPerIp || held.ipUnits + load.units > caps.unitsPerIp) {
    throw capReached(
      `Unpaid orders checked out from your network already hold ${held.ipOrders} orders and ${held.ipUnits} units; at most ${caps.ordersPerIp} orders and ${caps.unitsPerIp} units may be open per IP address. Pay or cancel one of your unpaid orders, then check out again (with a new Idempotency-Key).`,
      "orders",
      `at most ${caps.ordersPerIp} unpaid orders and ${caps.unitsPerIp} units per IP`,
    );
  }
}

function capReached(detail: string, path: string, message: string): ApiError {
  return new ApiError("conflict", detail, { errors: [{ path, message }] });
}

/**
 * The caps again, as a statement of the checkout's D1 batch (platform/batch-guard.ts): D1 runs
 * batches one at a time, so concurrent checkouts are counted in turn and no race passes a cap.
 */
export function capsGuard(db: Database, caps: HoardingCaps, holder: CheckoutHolder, load: CheckoutLoad, now: number) {
  const t = tallies(holder, now);
  return batchGuard(
    db,
    sql`${t.buyerOrders} + ${load.orders} <= ${caps.ordersPerBuyer}
      AND ${t.buyerUnits} + ${load.units} <= ${caps.unitsPerBuyer}
      AND ${t.ipOrders} + ${load.orders} <= ${caps.ordersPerIp}
      AND ${t.ipUnits} + ${load.units} <= ${caps.unitsPerIp}`,
  );
}
