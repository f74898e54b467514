import type { RouteHandler } from "@hono/zod-openapi";
import { categories } from "../../../d1/schema/catalog";
import { AdminCategorySchema, CreateCategorySchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { checkParent, checkSlugFree, presentAdminCategory } from "../category-admin";
import { isUniqueViolation } from "../product-input";

export const createCategoryRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/categories",
  tags: ["Admin"],
  summary: "Add a category (admins)",
  description: "Names per locale (en required). A parentId places it under another category.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(CreateCategorySchema),
  responses: { 201: jsonResponse("The new category", AdminCategorySchema) },
  errors: [401, 403, 409],
});

export const createCategoryHandler: RouteHandler<typeof createCategoryRoute, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const db = database(c.env);
  await checkSlugFree(db, input.slug);
  if (input.parentId) await checkParent(db, input.parentId);
  const now = nowMs();
  try {
    const row = await db
      .insert(categories)
      .values({
        id: newId("cat", now),
        slug: input.slug,
        parentId: input.parentId ?? null,
        names: input.names,
        position: input.position ?? 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return c.json(presentAdminCategory(row), 201);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError("conflict", `The slug ${input.slug} is already used.`);
    throw err;
  }
};
