import type { RouteHandler } from "@hono/zod-openapi";
import { RecommendationsSchema, TrendingQuerySchema } from "../../../schemas/recommendations";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { TRENDING } from "../rules";
import { isThin, trendingPool } from "../trending";

export const trendingRoute = defineRoute({
  method: "get",
  path: "/api/v1/recommendations/trending",
  tags: ["Recommendations"],
  summary: "What is trending now",
  description: `Products ranked by recent orders (paid in the last ${TRENDING.orderWindowDays} days) and views (last ${TRENDING.viewWindowDays} days, from POST /api/v1/products/{id}/views), the older the less (a signal ${TRENDING.halfLifeDays} days old counts half), orders weighing more than views. When there are few such signals the list is filled with best sellers and \`source\` is \`popular\`. The same for everyone: computed at most every ${TRENDING.cacheTtlSeconds} s per data center.`,
  request: { query: TrendingQuerySchema },
  responses: { 200: jsonResponse("Trending products", RecommendationsSchema) },
});

export const trendingHandler: RouteHandler<typeof trendingRoute, AppEnv> = async (c) => {
  const { categoryId, limit } = c.req.valid("query");
  const pool = await trendingPool(c.env, new URL(c.req.url).origin, categoryId);
  c.header("Cache-Control", `public, max-age=${TRENDING.cacheTtlSeconds}`);
  return c.json(
    { items: pool.items.slice(0, limit), source: isThin(pool.ranked, limit) ? "popular" : "trending" } as const,
    200,
  );
};
