import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReviewReportInputSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, noContent } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { reportReview } from "../moderation";

export const reportReviewRoute = defineRoute({
  method: "post",
  path: "/api/v1/reviews/{id}/report",
  tags: ["Reviews"],
  summary: "Report a review",
  description: `Any signed-in user except its author may report a review, once (409 after that). At REVIEW_HIDE_AFTER_REPORTS reports (3 by default) the review is hidden (and leaves the product's rating) until an admin decides; see GET /api/v1/admin/reviews/reported.`,
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("report")] as const,
  request: { params: IdParamSchema, ...jsonBody(ReviewReportInputSchema) },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const reportReviewHandler: RouteHandler<typeof reportReviewRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const config = c.get("config");
  const origin = new URL(c.req.url).origin;
  const { reason } = c.req.valid("json");
  const { hidden } = await reportReview(
    c.env,
    origin,
    userId,
    c.req.valid("param").id,
    reason,
    config.reviews.hideAfterReports,
  );
  if (hidden) drainSoon(c.executionCtx, c.env, config);
  return c.body(null, 204);
};
