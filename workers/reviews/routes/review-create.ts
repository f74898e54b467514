import type { RouteHandler } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import { users } from "../../../d1/schema/identity";
import { orderItems, orders } from "../../../d1/schema/orders";
import { reviews } from "../../../d1/schema/reviews";
import { IdParamSchema } from "../../../schemas/identity";
import { CreateReviewSchema, ReviewSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { invalidateProduct, isPublic, isUniqueViolation, PRODUCT_UPDATED, productEvent } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { reviewCreatedEvent } from "../events";
import { REVIEWABLE_STATUSES } from "../rules";
import { presentReview, productWithOwner, type ReviewRow, recomputeRating } from "../store";

export const createReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/products/{id}/reviews",
  tags: ["Reviews"],
  summary: "Review a product you bought",
  description:
    "Only a buyer with an order of this product that was delivered (or completed) may review it (403 `not_a_buyer` otherwise), once per product (409). The product's rating average and count are updated in the same transaction. Shop owners cannot review their own products (403).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateReviewSchema) },
  responses: { 201: jsonResponse("The review", ReviewSchema) },
  errors: [401, 403, 404, 409],
});

const ALREADY = "You have already reviewed this product; each buyer reviews a product once.";

export const createReviewHandler: RouteHandler<typeof createReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id: productId } = c.req.valid("param");
  const input = c.req.valid("json");
  const db = database(c.env);

  // Everything the checks need in one round trip: the product, the buyer's qualifying order,
  // an existing review, the author's name.
  const [[product], [order], [existing], [author]] = await db.batch([
    productWithOwner(db, productId),
    db
      .select({ id: orders.id })
      .from(orders)
      .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
      .where(
        and(
          eq(orders.customerId, userId),
          eq(orderItems.productId, productId),
          inArray(orders.status, [...REVIEWABLE_STATUSES]),
        ),
      )
      .orderBy(desc(orders.id))
      .limit(1),
    db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.productId, productId), eq(reviews.userId, userId)))
      .limit(1),
    db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).limit(1),
  ]);
  if (!product || !isPublic(product)) throw new ApiError("not_found", "There is no product with this id.");
  if (product.ownerId === userId) throw new ApiError("forbidden", "Shop owners cannot review their own products.");
  if (existing) throw new ApiError("conflict", ALREADY);
  if (!order) {
    throw new ApiError(
      "not_a_buyer",
      "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.",
    );
  }

  const now = new Date();
  const row: ReviewRow = {
    id: newId("rev", now.getTime()),
    productId,
    userId,
    orderId: order.id,
    rating: input.rating,
    title: input.title ?? null,
    body: input.body,
    sellerReply: null,
    sellerRepliedAt: null,
    reportCount: 0,
    hidden: false,
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
  };
  try {
    await db.batch([
      db.insert(reviews).values(row),
      recomputeRating(db, productId),
      reviewCreatedEvent(db, { ...row, shopId: product.shopId }, now),
      // The rating is part of the product (search ranks by it): announce the change like any other.
      productEvent(db, PRODUCT_UPDATED, product, userId, now),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", ALREADY);
    throw err;
  }
  await invalidateProduct(new URL(c.req.url).origin, productId);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentReview(row, author?.displayName ?? null), 201);
};
