import type { RouteHandler } from "@hono/zod-openapi";
import { ProductSchema, UpdateProductSchema } from "../../../schemas/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { updateProduct } from "../product-changes";
import { presentProduct, withStock } from "../products";

export const updateProductRoute = defineRoute({
  method: "patch",
  path: "/api/v1/products/{id}",
  tags: ["Catalog"],
  summary: "Change a product (owner)",
  description:
    "Any subset of fields. `variants`, when sent, is the full new list: variants with an `id` are kept and changed, new ones are added with their initial `stock`, the others are removed. Stock of existing SKUs changes through PUT /api/v1/inventory/{productId}.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateProductSchema) },
  responses: { 200: jsonResponse("The updated product", ProductSchema) },
  errors: [401, 403, 404, 409],
});

export const updateProductHandler: RouteHandler<typeof updateProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const origin = new URL(c.req.url).origin;
  const { product, stock } = await updateProduct(c.env, origin, userId, c.req.valid("param").id, c.req.valid("json"));
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(withStock(presentProduct(product.row, product.variants, product.images, origin), stock), 200);
};
