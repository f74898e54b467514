import type { RouteHandler } from "@hono/zod-openapi";
import { InventoryLevelSchema, SetInventorySchema } from "../../../schemas/catalog";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { takeStock } from "../inventory";
import { ProductIdParamSchema } from "./inventory-get";

export const putInventoryRoute = defineRoute({
  method: "put",
  path: "/api/v1/inventory/{productId}",
  tags: ["Inventory"],
  summary: "Set on-hand stock (owner)",
  description:
    "Sets the on-hand count of the product, or of one variant (`variantId`, required when the product has variants). Units held by unpaid orders stay reserved: available = onHand − reserved.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: ProductIdParamSchema, ...jsonBody(SetInventorySchema) },
  responses: { 200: jsonResponse("Stock levels after the change", InventoryLevelSchema) },
  errors: [401, 403, 404],
});

export const putInventoryHandler: RouteHandler<typeof putInventoryRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { productId } = c.req.valid("param");
  const level = await takeStock(c.env, new URL(c.req.url).origin, userId, productId, c.req.valid("json"));
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(level, 200);
};
