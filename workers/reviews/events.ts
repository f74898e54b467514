import type { Database } from "../platform/db";
import { createEvent, recordEvent } from "../platform/outbox";

/**
 * `review.created` on the `catalog_events` queue:
 * `data: { reviewId, productId, shopId, userId, rating }`. Put it in the same db.batch as the review.
 */
export const REVIEW_CREATED = "review.created";

export function reviewCreatedEvent(
  db: Database,
  review: { id: string; productId: string; shopId: string; userId: string; rating: number },
  now: Date,
) {
  return recordEvent(
    db,
    "catalog_events",
    createEvent(
      REVIEW_CREATED,
      {
        reviewId: review.id,
        productId: review.productId,
        shopId: review.shopId,
        userId: review.userId,
        rating: review.rating,
      },
      { actor: { type: "user", id: review.userId }, subject: { type: "review", id: review.id }, now },
    ),
  );
}
