import type { RouteHandler } from "@hono/zod-openapi";
import { RecommendationLimitQuerySchema, RecommendationsSchema } from "../../../schemas/recommendations";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { nowMs } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { ownedProductsQuery, personalQuery, type ScoredRow } from "../queries";
import { PERSONAL } from "../rules";
import { rowsOfBoth } from "../sql";
import { presentSummary } from "../summaries";
import { withFallback } from "../trending";

export const forYouRoute = defineRoute({
  method: "get",
  path: "/api/v1/recommendations/for-you",
  tags: ["Recommendations"],
  summary: "Recommended for the signed-in user",
  description: `From the caller's last ${PERSONAL.recentOrders} orders and ${PERSONAL.viewWindowDays} days of product views (POST /api/v1/products/{id}/views while signed in): products in the categories and brands they engage with most, purchases weighing more than views, never what they already ordered. A new user, or one with little history, gets trending products (\`source: "trending"\`).`,
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { query: RecommendationLimitQuerySchema },
  responses: { 200: jsonResponse("Products for the caller", RecommendationsSchema) },
  errors: [401],
});

export const forYouHandler: RouteHandler<typeof forYouRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { limit } = c.req.valid("query");
  const [rows, owned] = await rowsOfBoth<ScoredRow, { product_id: string }>(
    c.env,
    personalQuery({ userId, now: nowMs(), limit }),
    ownedProductsQuery(userId),
  );
  const origin = new URL(c.req.url).origin;
  c.header("Cache-Control", "private, no-store");
  const own = { items: rows.map((r) => presentSummary(r, origin)), source: "personal" as const };
  return c.json(
    await withFallback(
      c.env,
      origin,
      own,
      limit,
      owned.map((o) => o.product_id),
    ),
    200,
  );
};
