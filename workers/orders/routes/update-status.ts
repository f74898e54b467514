import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { OrderSchema, UpdateOrderStatusSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { orderFor } from "../access";
import { cancelOrder, refundOrder } from "../cancel";
import { presentOrders } from "../present";
import { canMove } from "../status";
import { moveOrder } from "../transitions";

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

export const updateStatusHandler: RouteHandler<typeof updateStatusRoute, AppEnv> = async (c) => {
  const { order, actor, actorId } = await orderFor(c, c.req.valid("param").id);
  if (actor !== "seller" && actor !== "admin") {
    throw new ApiError(
      "forbidden",
      "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.",
    );
  }
  const input = c.req.valid("json");
  const db = database(c.env);
  let updated = order;
  if (input.status === "cancelled") {
    updated = await cancelOrder(c.env, order, actor, actorId, input.reason);
  } else if (input.status === "refunded" && canMove(order.status, "refunded", actor)) {
    // Refunded means the money went back: through the gateway, never by a bare status change.
    updated = await refundOrder(c.env, order, actor, actorId, input.reason);
  } else {
    if (input.status === "shipped" && !input.trackingNumber) {
      throw new ApiError("validation_failed", "Shipping needs the parcel's trackingNumber (and courier).", {
        errors: [{ path: "trackingNumber", message: "Required when status is shipped" }],
      });
    }
    const shipping =
      input.status === "shipped"
        ? {
            ...order.shipping,
            trackingNumber: input.trackingNumber,
            ...(input.courier ? { courier: input.courier } : {}),
          }
        : order.shipping;
    updated = await moveOrder(db, order, {
      to: input.status,
      actor,
      actorId,
      data: {
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
      },
      set: { shipping },
    });
  }
  drainSoon(c.executionCtx, c.env, c.get("config"));
  const [presented] = await presentOrders(c.env, db, [updated]);
  return c.json(presented, 200);
};
