import type { RouteHandler } from "@hono/zod-openapi";
import { CreateProductSchema, ProductSchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { createProduct } from "../new-product";
import { presentProduct } from "../products";

export const createProductRoute = defineRoute({
  method: "post",
  path: "/api/v1/products",
  tags: ["Catalog"],
  summary: "List a product in your shop",
  description:
    "Only the shop's owner. Prices are Money in the shop's currency (IDR in whole rupiah: multiples of 100). The initial `stock` (each variant's own, when there are variants) seeds that SKU's Inventory. SKUs are unique within the shop (409).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("product")] as const,
  request: jsonBody(CreateProductSchema),
  responses: { 201: jsonResponse("The new product", ProductSchema) },
  errors: [401, 403, 404, 409],
});

export const createProductHandler: RouteHandler<typeof createProductRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const created = await createProduct(c.env, userId, c.req.valid("json"));
  drainSoon(c.executionCtx, c.env, c.get("config"));
  const product = presentProduct(created.row, created.variants, [], new URL(c.req.url).origin);
  const variants = product.variants.map((v, i) => ({ ...v, available: created.variantStock[i] ?? 0 }));
  return c.json({ ...product, variants }, 201);
};
