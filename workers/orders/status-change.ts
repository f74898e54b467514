import type { z } from "@hono/zod-openapi";
import type { UpdateOrderStatusSchema } from "../../schemas/orders";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import type { OrderStanding } from "./access";
import { cancelOrder, type RefundPayment, refundOrder } from "./cancel";
import type { OrderRow } from "./present";
import { canMove } from "./status";
import { moveOrder } from "./transitions";

type StatusChange = z.infer<typeof UpdateOrderStatusSchema>;

/**
 * PATCH /orders/:id/status: the shop's owner (or an admin) moves the order along its lifecycle.
 * Cancelling goes through cancelOrder (stock back, paid orders refunded); `refunded` means the money
 * went back, through the gateway, never by a bare status change; shipping needs a tracking number.
 */
export async function changeOrderStatus(
  env: Env,
  { order, actor, actorId }: OrderStanding,
  change: StatusChange,
  refundPayment: RefundPayment,
): Promise<OrderRow> {
  if (actor !== "seller" && actor !== "admin") {
    throw new ApiError(
      "forbidden",
      "Only the shop's owner moves an order along; buyers can cancel with POST /orders/:id/cancel.",
    );
  }
  if (change.status === "cancelled") return cancelOrder(env, order, actor, actorId, change.reason, refundPayment);
  // Those moves exist for the refund by hand, which moves the money in the same commit; a bare
  // status change here would refund nothing.
  if (change.status === "refunded" && (order.status === "delivered" || order.status === "completed")) {
    throw new ApiError(
      "invalid_transition",
      "A delivered or completed order is refunded with its payment: POST /api/v1/admin/payments/:id/refund (an operator), or through a return.",
    );
  }
  if (change.status === "refunded" && canMove(order.status, "refunded", actor)) {
    return refundOrder(env, order, actor, actorId, change.reason, refundPayment);
  }
  if (change.status === "shipped" && !change.trackingNumber) {
    throw new ApiError("validation_failed", "Shipping needs the parcel's trackingNumber (and courier).", {
      errors: [{ path: "trackingNumber", message: "Required when status is shipped" }],
    });
  }
  const shipping =
    change.status === "shipped"
      ? {
          ...order.shipping,
          trackingNumber: change.trackingNumber,
          ...(change.courier ? { courier: change.courier } : {}),
        }
      : order.shipping;
  return moveOrder(database(env), order, {
    to: change.status,
    actor,
    actorId,
    data: {
      ...(change.reason ? { reason: change.reason } : {}),
      ...(change.trackingNumber ? { trackingNumber: change.trackingNumber } : {}),
    },
    set: { shipping },
  });
}
