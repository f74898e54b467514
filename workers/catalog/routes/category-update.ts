import type { RouteHandler } from "@hono/zod-openapi";
import { AdminCategorySchema, UpdateCategorySchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentAdminCategory, updateCategory } from "../category-admin";

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
  const row = await updateCategory(c.env, c.req.valid("param").id, c.req.valid("json"));
  return c.json(presentAdminCategory(row), 200);
};
