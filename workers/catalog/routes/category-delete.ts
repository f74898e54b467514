import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { deleteCategory } from "../category-admin";

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
  await deleteCategory(c.env, c.req.valid("param").id);
  return c.body(null, 204);
};
