import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { CreateReviewSchema, ReviewSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { createReview } from "../authoring";
import { presentReview } from "../store";

export const createReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/products/{id}/reviews",
  tags: ["Reviews"],
  summary: "Review a product you bought",
  description:
    "Only a buyer with an order of this product that was delivered (or completed) may review it (403 `not_a_buyer` otherwise), once per product (409). The product's rating average and count are updated in the same transaction. Shop owners cannot review their own products (403).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("review")] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateReviewSchema) },
  responses: { 201: jsonResponse("The review", ReviewSchema) },
  errors: [401, 403, 404, 409],
});

export const createReviewHandler: RouteHandler<typeof createReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const origin = new URL(c.req.url).origin;
  const { review, displayName } = await createReview(
    c.env,
    origin,
    userId,
    c.req.valid("param").id,
    c.req.valid("json"),
  );
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentReview(review, displayName), 201);
};
