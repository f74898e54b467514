import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { categories } from "../../../d1/schema/catalog";
import { AdminCategorySchema, UpdateCategorySchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { checkParent, checkSlugFree, findCategory, presentAdminCategory } from "../category-admin";
import { isUniqueViolation } from "../product-input";

export const updateCategoryRoute = defineRoute({
  method: "patch",
  path: "/api/v1/admin/categories/{id}",
  tags: ["Admin"],
  summary: "Rename, re-slug or move a category (admins)",
  description:
    "`names` replaces the whole set of names; `parentId: null` makes it a root. Moves that would make a cycle are refused.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateCategorySchema) },
  responses: { 200: jsonResponse("The updated category", AdminCategorySchema) },
  errors: [401, 403, 404, 409],
});

export const updateCategoryHandler: RouteHandler<typeof updateCategoryRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const current = await findCategory(db, c.req.valid("param").id);
  const patch = c.req.valid("json");
  if (patch.slug !== undefined) await checkSlugFree(db, patch.slug, current.id);
  if (patch.parentId) await checkParent(db, patch.parentId, current.id);
  try {
    const row = await db
      .update(categories)
      .set({
        ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
        ...(patch.names !== undefined ? { names: patch.names } : {}),
        ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        updatedAt: nowMs(),
      })
      .where(eq(categories.id, current.id))
      .returning()
      .get();
    return c.json(presentAdminCategory(row ?? current), 200);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", `The slug ${patch.slug} is already used.`);
    throw err;
  }
};
