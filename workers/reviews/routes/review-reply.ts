import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { reviews } from "../../../d1/schema/reviews";
import { IdParamSchema } from "../../../schemas/identity";
import { ReviewReplyInputSchema, ReviewSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { loadReview, presentReview } from "../store";

export const replyReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/reviews/{id}/reply",
  tags: ["Reviews"],
  summary: "Answer a review (the product's shop owner)",
  description:
    "The owner of the reviewed product's shop answers publicly under the review. Sending again replaces the answer (and its `repliedAt`); anyone else gets 403.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(ReviewReplyInputSchema) },
  responses: { 200: jsonResponse("The review with its reply", ReviewSchema) },
  errors: [401, 403, 404],
});

export const replyReviewHandler: RouteHandler<typeof replyReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { id } = c.req.valid("param");
  const { body } = c.req.valid("json");
  const db = database(c.env);
  const { review, displayName, ownerId } = await loadReview(db, id);
  if (ownerId !== userId)
    throw new ApiError("forbidden", "Only the owner of the product's shop can answer its reviews.");
  const now = nowMs();
  await db.update(reviews).set({ sellerReply: body, sellerRepliedAt: now }).where(eq(reviews.id, review.id));
  return c.json(presentReview({ ...review, sellerReply: body, sellerRepliedAt: now }, displayName), 200);
};
