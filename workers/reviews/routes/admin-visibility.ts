import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { reviews } from "../../../d1/schema/reviews";
import { IdParamSchema } from "../../../schemas/identity";
import { ModeratedReviewSchema, ReviewVisibilityInputSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { invalidateProduct, PRODUCT_UPDATED, productEvent } from "../../catalog";
import { currentAuth, requireRole } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { loadReview, moderatedReviews, presentModerated, recomputeRating } from "../store";

export const reviewVisibilityRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/reviews/{id}/visibility",
  tags: ["Admin", "Reviews"],
  summary: "Hide or show a review (admins)",
  description:
    "The admin's decision on a review: `hidden: true` keeps it out of lists and of the product's rating, `false` shows it again. Either way its report count starts again from zero (reports already made stay recorded, and their authors cannot report it twice).",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema, ...jsonBody(ReviewVisibilityInputSchema) },
  responses: { 200: jsonResponse("The review as moderated", ModeratedReviewSchema) },
  errors: [401, 403, 404],
});

export const reviewVisibilityHandler: RouteHandler<typeof reviewVisibilityRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { hidden } = c.req.valid("json");
  const db = database(c.env);
  const { review, shopId } = await loadReview(db, id);
  const [, , [row]] = await db.batch([
    db.update(reviews).set({ hidden, reportCount: 0, updatedAt: nowMs() }).where(eq(reviews.id, id)),
    recomputeRating(db, review.productId),
    moderatedReviews(db, { state: "all", id, limit: 1 }),
    ...(review.hidden !== hidden ? [productEvent(db, PRODUCT_UPDATED, { id: review.productId, shopId }, userId)] : []),
  ]);
  if (review.hidden !== hidden) {
    await invalidateProduct(new URL(c.req.url).origin, review.productId);
    drainSoon(c.executionCtx, c.env, c.get("config"));
  }
  return c.json(presentModerated(row), 200);
};
