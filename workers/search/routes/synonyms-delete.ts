import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { searchSynonyms } from "../../../d1/schema/search";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { bumpSearchGeneration } from "../cache";

export const deleteSynonymRoute = defineRoute({
  method: "delete",
  path: "/api/v1/admin/search/synonyms/{id}",
  tags: ["Admin", "Search"],
  summary: "Remove a synonym rule (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404],
});

export const deleteSynonymHandler: RouteHandler<typeof deleteSynonymRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const db = database(c.env);
  const [deleted] = await db.batch([
    db.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning({ id: searchSynonyms.id }),
    bumpSearchGeneration(db),
  ]);
  if (deleted.length === 0) throw new ApiError("not_found", "There is no synonym rule with this id.");
  return c.body(null, 204);
};
