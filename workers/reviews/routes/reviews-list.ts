import { type RouteHandler, z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { users } from "../../../d1/schema/identity";
import { reviews } from "../../../d1/schema/reviews";
import { IdParamSchema } from "../../../schemas/identity";
import { PageQuerySchema } from "../../../schemas/platform";
import { ReviewPageSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { isPublic } from "../../catalog";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { presentReview, productWithOwner } from "../store";

export const listReviewsRoute = defineRoute({
  method: "get",
  path: "/api/v1/products/{id}/reviews",
  tags: ["Reviews"],
  summary: "A product's reviews, newest first",
  description:
    "Visible reviews only (reviews hidden by reports or by an admin are left out), each with the shop's reply if there is one. The product's `rating` counts exactly these reviews.",
  request: { params: IdParamSchema, query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of reviews", ReviewPageSchema) },
  errors: [404],
});

export const listReviewsHandler: RouteHandler<typeof listReviewsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1).max(64));
  const db = database(c.env);
  // The product and the page in one round trip; the page reads the (product_id, id) index.
  const [[product], rows] = await db.batch([
    productWithOwner(db, id),
    db
      .select({ review: reviews, displayName: users.displayName })
      .from(reviews)
      .leftJoin(users, eq(users.id, reviews.userId))
      .where(and(eq(reviews.productId, id), eq(reviews.hidden, false), before ? lt(reviews.id, before) : undefined))
      .orderBy(desc(reviews.id))
      .limit(limit + 1),
  ]);
  if (!product || (!isPublic(product) && product.ownerId !== c.get("auth")?.userId)) {
    throw new ApiError("not_found", "There is no product with this id.");
  }
  return c.json(
    toPage(
      rows,
      limit,
      (r) => r.review.id,
      (r) => presentReview(r.review, r.displayName),
    ),
    200,
  );
};
