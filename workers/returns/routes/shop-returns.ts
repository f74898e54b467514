import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import { ReturnSchema, ReturnStatusSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { ordersByIds } from "../../orders";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { findShop, ownedShop } from "../../shops";
import { presentReturn } from "../present";
import { returnsOfShop } from "../rows";

export const shopReturnsRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/returns",
  tags: ["Returns"],
  summary: "A shop's returns, newest first (its owner); ?status= filters",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: {
    params: IdParamSchema,
    query: PageQuerySchema.extend({
      status: ReturnStatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: { 200: jsonResponse("A page of the shop's returns", pageOf(ReturnSchema, "ShopReturnPage")) },
  errors: [401, 403, 404],
});

export const shopReturnsHandler: RouteHandler<typeof shopReturnsRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const auth = currentAuth(c);
  const { id } = c.req.valid("param");
  if (auth.roles.includes("admin")) await findShop(db, id);
  else await ownedShop(db, id, auth.userId);
  const { limit, cursor, status } = c.req.valid("query");
  const beforeId = decodeCursor(cursor, z.string().min(1));
  const rows = await returnsOfShop(db, id, { status, beforeId, limit });
  const page = toPage(rows, limit, (r) => r.id);
  const numbers = new Map(
    (await ordersByIds(db, [...new Set(page.items.map((r) => r.orderId))])).map((o) => [o.id, o.number]),
  );
  return c.json(
    { items: page.items.map((r) => presentReturn(r, numbers.get(r.orderId) ?? "")), nextCursor: page.nextCursor },
    200,
  );
};
