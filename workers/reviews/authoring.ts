import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { reviews } from "../../d1/schema/reviews";
import type { CreateReviewSchema } from "../../schemas/reviews";
import {
  invalidateProduct,
  isPublic,
  isUniqueViolation,
  PRODUCT_UPDATED,
  productEvent,
  productWithOwner,
} from "../catalog";
import { displayNameOf, displayNameQuery } from "../identity";
import { latestOrderOfProduct } from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { reviewCreatedEvent } from "./events";
import { REVIEWABLE_STATUSES } from "./rules";
import { loadReview, type ReviewRow, recomputeRating } from "./store";

/** Writing, answering and reading reviews. The rules: rules.ts. */

export interface AuthoredReview {
  review: ReviewRow;
  displayName: string | null;
}

const ALREADY = "You have already reviewed this product; each buyer reviews a product once.";
const NO_PRODUCT = "There is no product with this id.";

/**
 * A buyer's review (POST /products/{id}/reviews): the review, the product's new rating,
 * `review.created` and `product.updated` in one batch.
 */
export async function createReview(
  env: Env,
  origin: string,
  userId: string,
  productId: string,
  input: z.infer<typeof CreateReviewSchema>,
): Promise<AuthoredReview> {
  const db = database(env);
  // Everything the checks need in one round trip: the product, the buyer's qualifying order,
  // an existing review, the author's name.
  const [[product], [order], [existing], [author]] = await db.batch([
    productWithOwner(db, productId),
    latestOrderOfProduct(db, userId, productId, REVIEWABLE_STATUSES),
    db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.productId, productId), eq(reviews.userId, userId)))
      .limit(1),
    displayNameQuery(db, userId),
  ]);
  if (!product || !isPublic(product)) throw new ApiError("not_found", NO_PRODUCT);
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
  await invalidateProduct(origin, productId);
  return { review: row, displayName: author?.displayName ?? null };
}

/** The shop owner's public answer under a review; answering again replaces it. */
export async function replyToReview(env: Env, userId: string, id: string, body: string): Promise<AuthoredReview> {
  const db = database(env);
  const { review, displayName, ownerId } = await loadReview(db, id);
  if (ownerId !== userId)
    throw new ApiError("forbidden", "Only the owner of the product's shop can answer its reviews.");
  const now = nowMs();
  await db.update(reviews).set({ sellerReply: body, sellerRepliedAt: now }).where(eq(reviews.id, review.id));
  return { review: { ...review, sellerReply: body, sellerRepliedAt: now }, displayName };
}

/**
 * A product's visible reviews, newest first (GET /products/{id}/reviews). Hidden products answer
 * 404 to everyone but their shop's owner. The product and the page are one round trip.
 */
export async function listReviews(
  env: Env,
  productId: string,
  viewerId: string | undefined,
  page: { limit: number; cursor?: string },
): Promise<Page<AuthoredReview>> {
  const before = decodeCursor(page.cursor, z.string().min(1).max(64));
  const db = database(env);
  // The page reads the (product_id, id) index.
  const [[product], rows] = await db.batch([
    productWithOwner(db, productId),
    db
      .select({ review: reviews, displayName: displayNameOf(reviews.userId) })
      .from(reviews)
      .where(
        and(eq(reviews.productId, productId), eq(reviews.hidden, false), before ? lt(reviews.id, before) : undefined),
      )
      .orderBy(desc(reviews.id))
      .limit(page.limit + 1),
  ]);
  if (!product || (!isPublic(product) && product.ownerId !== viewerId)) {
    throw new ApiError("not_found", NO_PRODUCT);
  }
  return toPage(rows, page.limit, (r) => r.review.id);
}
