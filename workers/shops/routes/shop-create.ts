import type { RouteHandler } from "@hono/zod-openapi";
import { CreateShopSchema, ShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { presentShop } from "../present";
import { openShop } from "../shop-changes";

export const createShopRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops",
  tags: ["Shops"],
  summary: "Open a shop",
  description:
    "The caller becomes the owner and can act on the shop at once with the token they hold; the shop starts `pending` until an admin verifies it. The currency must be the country's (TH THB, SG SGD, ID IDR, MY MYR, PH PHP, VN VND).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("shop")] as const,
  request: jsonBody(CreateShopSchema),
  responses: { 201: jsonResponse("The new shop", ShopSchema) },
  errors: [401, 409],
});

export const createShopHandler: RouteHandler<typeof createShopRoute, AppEnv> = async (c) => {
  const shop = await openShop(c.env, currentAuth(c).userId, c.req.valid("json"));
  return c.json(await presentShop(c.env, shop, true), 201);
};
