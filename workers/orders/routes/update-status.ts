import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { OrderSchema, UpdateOrderStatusSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { orderFor } from "../access";
import type { RefundPayment } from "../cancel";
import { presentOrders } from "../present";
import { changeOrderStatus } from "../status-change";

export const updateStatusRoute = defineRoute({
  method: "patch",
  path: "/api/v1/orders/{id}/status",
  tags: ["Orders"],
  summary: "Move the order along its lifecycle (shop owner)",
  description:
    "paid → processing → shipped (with trackingNumber and courier) → delivered → completed; returned → refunded. Illegal moves are 409 invalid_transition; anyone but the shop's owner (or an admin) gets 403.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateOrderStatusSchema) },
  responses: { 200: jsonResponse("The order after the move", OrderSchema) },
  errors: [401, 403, 404, 409],
});

/** The handler, given how a paid order's money goes back (see RefundPayment). */
export function updateStatusHandler(refundPayment: RefundPayment): RouteHandler<typeof updateStatusRoute, AppEnv> {
  return async (c) => {
    const standing = await orderFor(c, c.req.valid("param").id);
    const updated = await changeOrderStatus(c.env, standing, c.req.valid("json"), refundPayment);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    const [presented] = await presentOrders(c.env, database(c.env), [updated]);
    return c.json(presented, 200);
  };
}
