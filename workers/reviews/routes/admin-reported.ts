import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { ModeratedReviewPageSchema, ReportedReviewsQuerySchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { moderatedReviews, presentModerated } from "../store";

export const reportedReviewsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/reviews/reported",
  tags: ["Admin", "Reviews"],
  summary: "Reviews awaiting moderation (admins)",
  description: `Reviews reported since an admin last decided on them, and hidden reviews, newest first, each with its latest reports. Reviews that reach REVIEW_HIDE_AFTER_REPORTS reports (3 by default) are hidden until decided with POST /api/v1/admin/reviews/{id}/visibility.`,
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: ReportedReviewsQuerySchema },
  responses: { 200: jsonResponse("A page of reviews with their reports", ModeratedReviewPageSchema) },
  errors: [401, 403],
});

export const reportedReviewsHandler: RouteHandler<typeof reportedReviewsRoute, AppEnv> = async (c) => {
  const { limit, cursor, state } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1).max(64));
  const db = database(c.env);
  const rows = await moderatedReviews(db, { state, before, limit: limit + 1 });
  return c.json(
    toPage(rows, limit, (r) => r.review.id, presentModerated),
    200,
  );
};
