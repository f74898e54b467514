import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { orders } from "../../../d1/schema/orders";
import { shops } from "../../../d1/schema/shops";
import { IdParamSchema } from "../../../schemas/identity";
import { OrderSchema, OrderStatusSchema } from "../../../schemas/orders";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
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
  const auth = currentAuth(c);
  const { id } = c.req.valid("param");
  const db = database(c.env);
  const shop = await db.select({ ownerId: shops.ownerId }).from(shops).where(eq(shops.id, id)).get();
  if (!shop) throw new ApiError("not_found", "There is no shop with this id.");
  if (shop.ownerId !== auth.userId && !auth.roles.includes("admin"))
    throw new ApiError("forbidden", "Only the shop's owner sees its orders.");
  const { limit, cursor, status } = c.req.valid("query");
  const before = decodeCursor(cursor, z.string().min(1));
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.shopId, id),
        status ? eq(orders.status, status) : undefined,
        before ? lt(orders.id, before) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => r.id);
  return c.json({ items: await presentOrders(c.env, db, page.items), nextCursor: page.nextCursor }, 200);
};
