import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { reviewReports, reviews } from "../../../d1/schema/reviews";
import { IdParamSchema } from "../../../schemas/identity";
import { ReviewReportInputSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { invalidateProduct, isUniqueViolation, PRODUCT_UPDATED } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, noContent } from "../../platform/openapi";
import { createEvent, drainSoon, recordEventIf } from "../../platform/outbox";
import { loadReview, recomputeRating } from "../store";

export const reportReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/reviews/{id}/report",
  tags: ["Reviews"],
  summary: "Report a review",
  description: `Any signed-in user except its author may report a review, once (409 after that). At REVIEW_HIDE_AFTER_REPORTS reports (3 by default) the review is hidden (and leaves the product's rating) until an admin decides; see GET /api/v1/admin/reviews/reported.`,
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(ReviewReportInputSchema) },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const reportReviewHandler: RouteHandler<typeof reportReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const db = database(c.env);
  const { review, shopId } = await loadReview(db, id);
  if (review.hidden) throw new ApiError("not_found", "There is no review with this id.");
  if (review.userId === userId) throw new ApiError("forbidden", "You cannot report your own review.");

  const hideAfter = c.get("config").reviews.hideAfterReports;
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
  if (after?.hidden) {
    await invalidateProduct(new URL(c.req.url).origin, review.productId);
    drainSoon(c.executionCtx, c.env, c.get("config"));
  }
  return c.body(null, 204);
};
