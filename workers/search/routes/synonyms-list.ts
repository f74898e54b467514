import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt } from "drizzle-orm";
import { searchSynonyms } from "../../../d1/schema/search";
import { pageOf } from "../../../schemas/platform";
import { SynonymListQuerySchema, SynonymSchema } from "../../../schemas/search";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { presentSynonym } from "../present";

export const listSynonymsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/search/synonyms",
  tags: ["Admin", "Search"],
  summary: "Search synonym rules (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: SynonymListQuerySchema },
  responses: { 200: jsonResponse("A page of synonym rules", pageOf(SynonymSchema, "SynonymPage")) },
  errors: [401, 403],
});

export const listSynonymsHandler: RouteHandler<typeof listSynonymsRoute, AppEnv> = async (c) => {
  const { limit, cursor, locale } = c.req.valid("query");
  const after = decodeCursor(cursor, z.string().min(1));
  const rows = await database(c.env)
    .select()
    .from(searchSynonyms)
    .where(
      and(locale ? eq(searchSynonyms.locale, locale) : undefined, after ? gt(searchSynonyms.id, after) : undefined),
    )
    .orderBy(asc(searchSynonyms.id))
    .limit(limit + 1);
  return c.json(
    toPage(rows, limit, (r) => r.id, presentSynonym),
    200,
  );
};
