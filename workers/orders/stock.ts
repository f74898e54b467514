import { eq } from "drizzle-orm";
import { orderItems } from "../../d1/schema/orders";
import { commitItems, inventoryKey, releaseItems, restockItems } from "../inventory";
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

export async function restockOrder(env: Env, db: Database, order: OrderRow): Promise<void> {
  const items = await itemsOf(db, order.id);
  const result = await restockItems(
    env,
    `restock:${order.id}`,
    items.map((i) => ({ key: inventoryKey(i.productId, i.variantId), quantity: i.quantity })),
  );
  if (!result.ok) logEvent("error", "order_restock_failed", { orderId: order.id, result });
}
