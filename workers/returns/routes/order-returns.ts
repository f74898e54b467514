import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReturnListSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { orderFor } from "../../orders";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presentReturn } from "../present";
import { returnsOfOrder } from "../rows";

export const orderReturnsRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders/{id}/returns",
  tags: ["Returns"],
  summary: "An order's returns, oldest first (its buyer, its shop's owner)",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The order's returns", ReturnListSchema) },
  errors: [403, 404],
});

export const orderReturnsHandler: RouteHandler<typeof orderReturnsRoute, AppEnv> = async (c) => {
  const { order } = await orderFor(c, c.req.valid("param").id);
  const rows = await returnsOfOrder(database(c.env), order.id);
  return c.json({ items: rows.map((r) => presentReturn(r, order.number)) }, 200);
};
