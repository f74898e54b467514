import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { presentShop } from "../present";
import { findShop, seesPrivateShopFields } from "../queries";

export const getShopRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}",
  tags: ["Shops"],
  summary: "A shop",
  description: "Public. The owner and admins also see the contact and the verification note.",
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The shop", ShopSchema) },
  errors: [404],
});

export const getShopHandler: RouteHandler<typeof getShopRoute, AppEnv> = async (c) => {
  const shop = await findShop(database(c.env), c.req.valid("param").id);
  return c.json(await presentShop(c.env, shop, seesPrivateShopFields(shop, c.get("auth"))), 200);
};
