import type { RouteHandler } from "@hono/zod-openapi";
import { ReindexInputSchema, ReindexResultSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { optimizeIndex, reindexPage } from "../indexer";

export const reindexRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/search/reindex",
  tags: ["Admin", "Search"],
  summary: "Rebuild the search index, one page of products per call (admins)",
  description:
    "Indexes `limit` products after `after` (by id) exactly as the product-event consumer does; call again with " +
    "`after: next` until `next` is null. For rebuilding after a change to indexing, and for bulk loads.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(ReindexInputSchema),
  responses: { 200: jsonResponse("What this page did", ReindexResultSchema) },
  errors: [401, 403],
});

export const reindexHandler: RouteHandler<typeof reindexRoute, AppEnv> = async (c) => {
  const { after, limit, optimize } = c.req.valid("json");
  const result = await reindexPage(database(c.env), after, limit);
  if (optimize && result.next === null) await optimizeIndex(c.env);
  return c.json(result, 200);
};
