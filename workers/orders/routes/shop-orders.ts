import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { OrderSchema, OrderStatusSchema } from "../../../schemas/orders";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { shopOrders } from "../listing";
import { presentOrders } from "../present";

export const shopOrdersRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/orders",
  tags: ["Orders"],
  summary: "A shop's orders, newest first (its owner)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: {
    params: IdParamSchema,
    query: PageQuerySchema.extend({
      status: OrderStatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: { 200: jsonResponse("A page of the shop's orders", pageOf(OrderSchema, "ShopOrderPage")) },
  errors: [401, 403, 404],
});

export const shopOrdersHandler: RouteHandler<typeof shopOrdersRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const page = await shopOrders(db, c.req.valid("param").id, currentAuth(c), c.req.valid("query"));
  return c.json({ items: await presentOrders(c.env, db, page.items), nextCursor: page.nextCursor }, 200);
};
