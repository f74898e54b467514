import { and, desc, eq, inArray } from "drizzle-orm";
import { orderItems, orders } from "../../d1/schema/orders";
import type { OrderStatus } from "../../schemas/orders";
import type { Database } from "../platform/db";

/**
 * A customer's purchase of a product, for other domains' rules (reviews: only a buyer whose order
 * was delivered may review). The query comes back unrun, for the caller's db.batch.
 */

/** The customer's latest order containing the product in one of `statuses`: one row `{ id }`, or none. */
export function latestOrderOfProduct(
  db: Database,
  customerId: string,
  productId: string,
  statuses: readonly OrderStatus[],
) {
  return db
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(orderItems.productId, productId),
        inArray(orders.status, [...statuses]),
      ),
    )
    .orderBy(desc(orders.id))
    .limit(1);
}
