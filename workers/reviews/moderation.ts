import { and, eq, sql } from "drizzle-orm";
import { reviewReports, reviews } from "../../d1/schema/reviews";
import { invalidateProduct, isUniqueViolation, PRODUCT_UPDATED, productEvent } from "../catalog";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { createEvent, recordEventIf } from "../platform/outbox";
import { loadReview, type ModeratedRow, moderatedReviews, recomputeRating } from "./store";

/** Reports on reviews and admins' decisions on them. The rules: rules.ts. */

/**
 * A user's report on a review, once each. The report that reaches `hideAfter` hides the review
 * (it leaves the product's rating) and only that one announces the product's change. Answers
 * whether the review's product changed (so the caller publishes the event soon).
 */
export async function reportReview(
  env: Env,
  origin: string,
  userId: string,
  id: string,
  reason: string,
  hideAfter: number,
): Promise<{ hidden: boolean }> {
  const db = database(env);
  const { review, shopId } = await loadReview(db, id);
  if (review.hidden) throw new ApiError("not_found", "There is no review with this id.");
  if (review.userId === userId) throw new ApiError("forbidden", "You cannot report your own review.");

  const now = new Date();
  // Reaching the threshold hides the review; the product's rating then changes, which is
  // announced only by the report that crossed it (the event is written only if it did).
  const hidden = createEvent(
    PRODUCT_UPDATED,
    { productId: review.productId, shopId },
    { actor: { type: "user", id: userId }, subject: { type: "product", id: review.productId }, now },
  );
  let after: { hidden: boolean; reportCount: number } | undefined;
  try {
    const [, updated] = await db.batch([
      db.insert(reviewReports).values({ reviewId: id, reporterId: userId, reason, createdAt: now.getTime() }),
      db
        .update(reviews)
        .set({
          reportCount: sql`${reviews.reportCount} + 1`,
          hidden: sql`CASE WHEN ${reviews.reportCount} + 1 >= ${hideAfter} THEN 1 ELSE ${reviews.hidden} END`,
        })
        .where(eq(reviews.id, id))
        .returning({ hidden: reviews.hidden, reportCount: reviews.reportCount }),
      recomputeRating(db, review.productId),
      recordEventIf(
        db,
        "catalog_events",
        hidden,
        reviews,
        and(eq(reviews.id, id), eq(reviews.hidden, true), eq(reviews.reportCount, hideAfter))!,
      ),
    ]);
    after = updated[0];
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", "You have already reported this review.");
    throw err;
  }
  if (after?.hidden) await invalidateProduct(origin, review.productId);
  return { hidden: after?.hidden ?? false };
}

/**
 * An admin's decision: hide or show the review. Either way its report count starts again from
 * zero. Answers the review as moderated, and whether its visibility (so its product) changed.
 */
export async function decideReviewVisibility(
  env: Env,
  origin: string,
  adminId: string,
  id: string,
  hidden: boolean,
): Promise<{ moderated: ModeratedRow; changed: boolean }> {
  const db = database(env);
  const { review, shopId } = await loadReview(db, id);
  const changed = review.hidden !== hidden;
  const [, , [row]] = await db.batch([
    db.update(reviews).set({ hidden, reportCount: 0, updatedAt: nowMs() }).where(eq(reviews.id, id)),
    recomputeRating(db, review.productId),
    moderatedReviews(db, { state: "all", id, limit: 1 }),
    ...(changed ? [productEvent(db, PRODUCT_UPDATED, { id: review.productId, shopId }, adminId)] : []),
  ]);
  if (changed) await invalidateProduct(origin, review.productId);
  return { moderated: row, changed };
}
