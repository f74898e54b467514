import type { RouteHandler } from "@hono/zod-openapi";
import { OrderSchema, OrderStatusSchema } from "../../../schemas/orders";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { buyerOf } from "../access";
import { buyerOrders } from "../listing";
import { presentOrders } from "../present";

export const listOrdersRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders",
  tags: ["Orders"],
  summary: "The caller's orders, newest first (guests: by X-Cart-Token)",
  security: [...bearerAuth, {}],
  request: {
    query: PageQuerySchema.extend({
      status: OrderStatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: { 200: jsonResponse("A page of orders", pageOf(OrderSchema, "OrderPage")) },
  errors: [401],
});

export const listOrdersHandler: RouteHandler<typeof listOrdersRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const page = await buyerOrders(db, await buyerOf(c), c.req.valid("query"));
  return c.json({ items: await presentOrders(c.env, db, page.items), nextCursor: page.nextCursor }, 200);
};
