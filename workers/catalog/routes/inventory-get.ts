import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { InventoryLevelSchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { inventoryLevel } from "../inventory";
import { loadProduct, visibleProduct } from "../products";

export const ProductIdParamSchema = z.object({
  productId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "productId", in: "path" } }),
});

export const getInventoryRoute = defineRoute({
  method: "get",
  path: "/api/v1/inventory/{productId}",
  tags: ["Inventory"],
  summary: "Live stock of a product",
  description:
    "onHand, reserved (held by unpaid orders) and available, summed over the product's variants, with each variant's own levels in `variants`. Hidden products (drafts, archived, deleted) answer 404 to everyone but their owner.",
  request: { params: ProductIdParamSchema },
  responses: { 200: jsonResponse("Stock levels", InventoryLevelSchema) },
  errors: [404],
});

export const getInventoryHandler: RouteHandler<typeof getInventoryRoute, AppEnv> = async (c) => {
  const loaded = visibleProduct(
    await loadProduct(database(c.env), c.req.valid("param").productId),
    c.get("auth")?.userId,
  );
  c.header("Cache-Control", "no-store");
  return c.json(await inventoryLevel(c.env, loaded), 200);
};
