import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { orders } from "../../../d1/schema/orders";
import { OrderSchema, OrderStatusSchema } from "../../../schemas/orders";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { buyerOf } from "../access";
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
  const buyer = await buyerOf(c);
  if (!buyer.userId && !buyer.guestTokenHash) {
    throw new ApiError("unauthorized", "Sign in, or send the X-Cart-Token you checked out with.");
  }
  const { limit, cursor, status } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1));
  const db = database(c.env);
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        buyer.userId ? eq(orders.customerId, buyer.userId) : eq(orders.guestTokenHash, buyer.guestTokenHash!),
        status ? eq(orders.status, status) : undefined,
        before ? lt(orders.id, before) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => r.id);
  return c.json({ items: await presentOrders(c.env, db, page.items), nextCursor: page.nextCursor }, 200);
};
