import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, noContent } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { deleteProduct } from "../product-changes";

export const deleteProductRoute = defineRoute({
  method: "delete",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "Delete a product (owner)",
  description:
    "A soft delete: the product leaves listings and search and answers 404 to everyone but its owner; orders that name it keep it. Its SKUs stay reserved in the shop.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [401, 403, 404],
});

export const deleteProductHandler: RouteHandler<typeof deleteProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  await deleteProduct(c.env, new URL(c.req.url).origin, userId, c.req.valid("param").id);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.body(null, 204);
};
