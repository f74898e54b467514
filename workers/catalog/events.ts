import type { Database } from "../platform/db";
import { createEvent, recordEvent } from "../platform/outbox";

/**
 * Catalog events on the `catalog_events` queue, `data: { productId, shopId }`. Search and
 * recommendations consume them to stay in step with the catalog; stock changes are
 * `product.updated` too.
 */
export const PRODUCT_CREATED = "product.created";
export const PRODUCT_UPDATED = "product.updated";
export const PRODUCT_DELETED = "product.deleted";

export type ProductEventType = typeof PRODUCT_CREATED | typeof PRODUCT_UPDATED | typeof PRODUCT_DELETED;

/** The outbox row announcing a product change: put it in the same db.batch as the change. */
export function productEvent(
  db: Database,
  type: ProductEventType,
  product: { id: string; shopId: string },
  actorId?: string,
  now?: Date,
) {
  return recordEvent(
    db,
    "catalog_events",
    createEvent(
      type,
      { productId: product.id, shopId: product.shopId },
      {
        actor: actorId ? { type: "user", id: actorId } : { type: "system" },
        subject: { type: "product", id: product.id },
        now,
      },
    ),
  );
}
