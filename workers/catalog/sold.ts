import { and, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { products } from "../../d1/schema/catalog";
import type { Database } from "../platform/db";
import { createEvent, recordEventIf } from "../platform/outbox";
import { PRODUCT_UPDATED } from "./events";

/**
 * The writes that move products' `sold_count` by the units of an order: `+1` when it is paid, `-1`
 * when a paid order is cancelled, returned or refunded (never below 0). For the same db.batch as
 * the order's status move, guarded by `when` (the move's condition): a move that lost its race, or
 * ran before, changes nothing, so each order counts once. Each product changed is announced as
 * `product.updated` (guarded alike), which is how search picks up the new sold count.
 */
export function soldCountWrites(
  db: Database,
  shopId: string,
  lines: readonly { productId: string; quantity: number }[],
  direction: 1 | -1,
  when: SQL,
): BatchItem<"sqlite">[] {
  const units = new Map<string, number>();
  for (const line of lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  const writes: BatchItem<"sqlite">[] = [];
  for (const [productId, quantity] of units) {
    if (quantity <= 0) continue;
    const target = and(eq(products.id, productId), when)!;
    writes.push(
      db
        .update(products)
        .set({
          soldCount:
            direction === 1
              ? sql`${products.soldCount} + ${quantity}`
              : sql`MAX(0, ${products.soldCount} - ${quantity})`,
        })
        .where(target),
      recordEventIf(
        db,
        "catalog_events",
        createEvent(
          PRODUCT_UPDATED,
          { productId, shopId },
          { actor: { type: "system" }, subject: { type: "product", id: productId } },
        ),
        products,
        target,
      ),
    );
  }
  return writes;
}
