import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { OrderSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { orderFor } from "../access";
import { presentOrders } from "../present";

export const getOrderRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders/{id}",
  tags: ["Orders"],
  summary: "One order (its buyer, its shop's owner, or an admin)",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The order", OrderSchema) },
  errors: [403, 404],
});

export const getOrderHandler: RouteHandler<typeof getOrderRoute, AppEnv> = async (c) => {
  const { order } = await orderFor(c, c.req.valid("param").id);
  const [presented] = await presentOrders(c.env, database(c.env), [order]);
  return c.json(presented, 200);
};
