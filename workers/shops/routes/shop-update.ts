import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopSchema, UpdateShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentShop } from "../present";
import { changeShop } from "../shop-changes";

export const updateShopRoute = defineRoute({
  method: "patch",
  path: "/api/v1/shops/{id}",
  tags: ["Shops"],
  summary: "Change a shop's name, description, category or contact (owner)",
  description: "Country and currency are fixed when the shop opens: every price of the shop is in that currency.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateShopSchema) },
  responses: { 200: jsonResponse("The updated shop", ShopSchema) },
  errors: [401, 403, 404],
});

export const updateShopHandler: RouteHandler<typeof updateShopRoute, AppEnv> = async (c) => {
  const shop = await changeShop(c.env, c.req.valid("param").id, currentAuth(c).userId, c.req.valid("json"));
  return c.json(await presentShop(c.env, shop, true), 200);
};
