import { and, asc, eq } from "drizzle-orm";
import { orderEvents, orderItems } from "../../d1/schema/orders";
import { ORDER_STATUS, type OrderStatus } from "../../schemas/orders";
import { commitItems, inventoryKey, releaseItems, restockItems, returnSaleUnitsOf } from "../inventory";
import type { Database } from "../platform/db";
import { logEvent } from "../platform/log";
import type { OrderRow } from "./present";

async function itemsOf(db: Database, orderId: string) {
  return db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
}

/**
 * Stock follows the order: held at checkout (reservation id = checkout id, shared by the orders
 * of one checkout, each releasing or committing only its own SKUs), sold when paid, given back
 * when an unpaid order ends, restocked when a paid one is cancelled or returned.
 */
export async function releaseOrderStock(env: Env, db: Database, order: OrderRow): Promise<void> {
  const items = await itemsOf(db, order.id);
  const result = await releaseItems(
    env,
    order.reservationId,
    items.map((i) => ({ key: inventoryKey(i.productId, i.variantId) })),
  );
  if (!result.ok) logEvent("warn", "order_stock_release_incomplete", { orderId: order.id, result });
}

export async function commitOrderStock(env: Env, db: Database, order: OrderRow) {
  const items = await itemsOf(db, order.id);
  return commitItems(
    env,
    order.reservationId,
    items.map((i) => ({ key: inventoryKey(i.productId, i.variantId) })),
  );
}

/**
 * A sold order's units back into stock, and the flash-sale units its hold took back into their
 * sales' quotas (like stock: once, however often this runs; see inventory/object/sales.ts).
 */
export async function restockOrder(env: Env, db: Database, order: OrderRow): Promise<void> {
  const items = await itemsOf(db, order.id);
  const keys = [...new Set(items.map((i) => inventoryKey(i.productId, i.variantId)))];
  const [result] = await Promise.all([
    restockItems(
      env,
      `restock:${order.id}`,
      items.map((i) => ({ key: inventoryKey(i.productId, i.variantId), quantity: i.quantity })),
    ),
    returnSaleUnitsOf(
      env,
      order.reservationId,
      keys.map((key) => ({ key })),
    ).catch((err) => logEvent("error", "order_sale_units_return_failed", { orderId: order.id, error: String(err) })),
  ]);
  if (!result.ok) logEvent("error", "order_restock_failed", { orderId: order.id, result });
}

/**
 * The stock step of an order that ended (cancelled or expired), from the status it ended in
 * (`from` of its move): an unpaid order's hold is released; a paid one's sold units are restocked.
 * Both are idempotent (the hold is closed by reservation id and order SKUs, the restock keyed
 * `restock:<orderId>`), so the cancel, its retry and the outbox consumer may all run it and the
 * units come back once. A shipped order ends only by a failed cash-on-delivery delivery (logistics):
 * the parcel comes back, so its units are restocked too.
 */
export async function settleEndedOrderStock(env: Env, db: Database, order: OrderRow, from: OrderStatus): Promise<void> {
  if (from === "pending_payment") await releaseOrderStock(env, db, order);
  else if (from === "paid" || from === "processing" || from === "shipped") await restockOrder(env, db, order);
}

/** The status an order was in when it moved to `to` (its timeline's first such move), if it did. */
export async function statusBefore(db: Database, orderId: string, to: OrderStatus): Promise<OrderStatus | null> {
  const move = await db
    .select({ data: orderEvents.data })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, `status.${to}`)))
    .orderBy(asc(orderEvents.id))
    .get();
  const from = move?.data.from;
  return typeof from === "string" && (ORDER_STATUS as readonly string[]).includes(from) ? (from as OrderStatus) : null;
}
