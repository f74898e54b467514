import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { RecommendationLimitQuerySchema, RecommendationsSchema } from "../../../schemas/recommendations";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { boughtTogetherQuery, publicProduct, type ScoredRow } from "../queries";
import { BOUGHT_TOGETHER } from "../rules";
import { rowsOfBoth } from "../sql";
import { presentSummary } from "../summaries";
import { withFallback } from "../trending";

export const boughtTogetherRoute = defineRoute({
  method: "get",
  path: "/api/v1/products/{id}/bought-together",
  tags: ["Recommendations"],
  summary: "Frequently bought together",
  description: `Products paid for in the same checkouts as this one (its latest ${BOUGHT_TOGETHER.recentCheckouts}; a checkout spans shops), ranked by how many checkouts they shared. Few such products → topped up from trending (\`source: "trending"\`).`,
  request: { params: IdParamSchema, query: RecommendationLimitQuerySchema },
  responses: { 200: jsonResponse("Products bought with this one", RecommendationsSchema) },
  errors: [404],
});

export const boughtTogetherHandler: RouteHandler<typeof boughtTogetherRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { limit } = c.req.valid("query");
  const [target, rows] = await rowsOfBoth<{ id: string }, ScoredRow>(
    c.env,
    publicProduct(id),
    boughtTogetherQuery({ productId: id, limit }),
  );
  if (target.length === 0) throw new ApiError("not_found", "There is no product with this id.");
  const origin = new URL(c.req.url).origin;
  const own = { items: rows.map((r) => presentSummary(r, origin)), source: "bought_together" as const };
  return c.json(await withFallback(c.env, origin, own, limit, [id]), 200);
};
