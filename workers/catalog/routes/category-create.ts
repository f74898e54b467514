import type { RouteHandler } from "@hono/zod-openapi";
import { AdminCategorySchema, CreateCategorySchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createCategory, presentAdminCategory } from "../category-admin";

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
  const row = await createCategory(c.env, c.req.valid("json"));
  return c.json(presentAdminCategory(row), 201);
};
