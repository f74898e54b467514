import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { categories, products } from "../../../d1/schema/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { findCategory } from "../category-admin";

export const deleteCategoryRoute = defineRoute({
  method: "delete",
  path: "/api/v1/admin/categories/{id}",
  tags: ["Admin"],
  summary: "Delete an empty category (admins)",
  description: "Only a category without sub-categories and without products; move or delete those first (409).",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404, 409],
});

export const deleteCategoryHandler: RouteHandler<typeof deleteCategoryRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const category = await findCategory(db, c.req.valid("param").id);
  const [children, used] = await db.batch([
    db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, category.id)).limit(1),
    db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.categoryId, category.id), isNull(products.deletedAt)))
      .limit(1),
  ]);
  if (children.length > 0) {
    throw new ApiError("conflict", "This category has sub-categories. Move or delete them first.");
  }
  if (used.length > 0) {
    throw new ApiError("conflict", `Products are listed in this category (e.g. ${used[0].id}). Move them first.`);
  }
  await db.delete(categories).where(eq(categories.id, category.id));
  return c.body(null, 204);
};
