import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { CancelOrderSchema, OrderSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { orderFor } from "../access";
import { cancelOrder, type RefundPayment } from "../cancel";
import { presentOrders } from "../present";

export const cancelOrderRoute = defineRoute({
  method: "post",
  path: "/api/v1/orders/{id}/cancel",
  tags: ["Orders"],
  summary: "Cancel before shipment (stock released or restocked; a paid order is refunded)",
  security: [...bearerAuth, {}],
  request: {
    params: IdParamSchema,
    body: { required: false, content: { "application/json": { schema: CancelOrderSchema } } },
  },
  responses: { 200: jsonResponse("The cancelled order", OrderSchema) },
  errors: [403, 404, 409],
});

/** The handler, given how a paid order's money goes back (see RefundPayment). */
export function cancelOrderHandler(refundPayment: RefundPayment): RouteHandler<typeof cancelOrderRoute, AppEnv> {
  return async (c) => {
    const { order, actor, actorId } = await orderFor(c, c.req.valid("param").id);
    const body = c.req.valid("json") as { reason?: string } | undefined;
    const updated = await cancelOrder(c.env, order, actor, actorId, body?.reason, refundPayment);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    const [presented] = await presentOrders(c.env, database(c.env), [updated]);
    return c.json(presented, 200);
  };
}
