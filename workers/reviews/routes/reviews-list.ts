import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { PageQuerySchema } from "../../../schemas/platform";
import { ReviewPageSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { listReviews } from "../authoring";
import { presentReview } from "../store";

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
  const page = await listReviews(c.env, c.req.valid("param").id, c.get("auth")?.userId, c.req.valid("query"));
  const items = page.items.map((r) => presentReview(r.review, r.displayName));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
