import { type RouteHandler, z } from "@hono/zod-openapi";
import { ShopSchema } from "../../../schemas/shops";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { shopsOwnedBy } from "../personal-data";

export const myShopsRoute = defineRoute({
  method: "get",
  path: "/api/v1/me/shops",
  tags: ["Shops"],
  summary: "The shops the caller owns",
  description: "With their private fields (contact, verification note). An account owns at most a few shops.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's shops", z.object({ items: z.array(ShopSchema) }).openapi("MyShops")) },
  errors: [401],
});

export const myShopsHandler: RouteHandler<typeof myShopsRoute, AppEnv> = async (c) => {
  const items = await shopsOwnedBy(c.env, database(c.env), currentAuth(c).userId);
  return c.json({ items }, 200);
};
