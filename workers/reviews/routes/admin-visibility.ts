import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ModeratedReviewSchema, ReviewVisibilityInputSchema } from "../../../schemas/reviews";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { decideReviewVisibility } from "../moderation";
import { presentModerated } from "../store";

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
  const origin = new URL(c.req.url).origin;
  const { hidden } = c.req.valid("json");
  const { moderated, changed } = await decideReviewVisibility(c.env, origin, userId, c.req.valid("param").id, hidden);
  if (changed) drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentModerated(moderated), 200);
};
