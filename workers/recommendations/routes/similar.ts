import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { RecommendationLimitQuerySchema, RecommendationsSchema } from "../../../schemas/recommendations";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { publicProduct, type ScoredRow, similarQuery } from "../queries";
import { SIMILAR } from "../rules";
import { rowsOfBoth } from "../sql";
import { presentSummary } from "../summaries";
import { withFallback } from "../trending";

export const similarRoute = defineRoute({
  method: "get",
  path: "/api/v1/products/{id}/similar",
  tags: ["Recommendations"],
  summary: "Products like this one",
  description: `Active products in the same currency sharing the category or the brand, ranked by how much they share (category, brand, price within ±${SIMILAR.priceBand * 100}%), then by closeness of price. Never the product itself. Few matches → topped up from trending (\`source: "trending"\`).`,
  request: { params: IdParamSchema, query: RecommendationLimitQuerySchema },
  responses: { 200: jsonResponse("Similar products", RecommendationsSchema) },
  errors: [404],
});

export const similarHandler: RouteHandler<typeof similarRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { limit } = c.req.valid("query");
  const [target, rows] = await rowsOfBoth<{ id: string }, ScoredRow>(
    c.env,
    publicProduct(id),
    similarQuery({ productId: id, limit }),
  );
  if (target.length === 0) throw new ApiError("not_found", "There is no product with this id.");
  const origin = new URL(c.req.url).origin;
  const own = { items: rows.map((r) => presentSummary(r, origin)), source: "similar" as const };
  return c.json(await withFallback(c.env, origin, own, limit, [id]), 200);
};
