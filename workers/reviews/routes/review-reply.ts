import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReviewReplyInputSchema, ReviewSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { replyToReview } from "../authoring";
import { presentReview } from "../store";

export const replyReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/reviews/{id}/reply",
  tags: ["Reviews"],
  summary: "Answer a review (the product's shop owner)",
  description:
    "The owner of the reviewed product's shop answers publicly under the review. Sending again replaces the answer (and its `repliedAt`); anyone else gets 403.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("review")] as const,
  request: { params: IdParamSchema, ...jsonBody(ReviewReplyInputSchema) },
  responses: { 200: jsonResponse("The review with its reply", ReviewSchema) },
  errors: [401, 403, 404],
});

export const replyReviewHandler: RouteHandler<typeof replyReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { review, displayName } = await replyToReview(c.env, userId, c.req.valid("param").id, c.req.valid("json").body);
  return c.json(presentReview(review, displayName), 200);
};
