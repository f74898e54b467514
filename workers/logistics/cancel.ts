import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { shipmentEvents, shipments } from "../../d1/schema/logistics";
import type { AppEnv } from "../app-env";
import { moveOrder, orderById } from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { ProviderError } from "../platform/provider-http";
import { courierContext, ownerStanding } from "./booking";
import { courierFor } from "./couriers";
import { RANK, type ShipmentRow, shipmentById } from "./queries";

/** The shipment, for its shop's owner (or an admin); 404 for an unknown id, 403 for anyone else. */
export async function ownedShipment(c: Context<AppEnv>, id: string): Promise<ShipmentRow> {
  const shipment = await shipmentById(database(c.env), id);
  if (!shipment) throw new ApiError("not_found", "There is no shipment with this id.");
  await ownerStanding(c, shipment.orderId);
  return shipment;
}

/**
 * POST /shipments/:id/cancel: before pickup only (status booked). The courier is told first; then,
 * in one batch, the shipment is cancelled (and no longer the order's live one, so it may be booked
 * again); the order goes back from shipped to processing. Cancelling a cancelled shipment answers it as it is.
 */
export async function cancelShipment(c: Context<AppEnv>, id: string, fetchFn?: typeof fetch): Promise<ShipmentRow> {
  const shipment = await ownedShipment(c, id);
  if (shipment.status === "cancelled") return shipment;
  if (shipment.status !== "booked") {
    throw new ApiError(
      "invalid_transition",
      `The parcel is already ${shipment.status}, so the booking can no longer be cancelled. Ask the courier for a return instead.`,
    );
  }
  const db = database(c.env);
  const order = await orderById(db, shipment.orderId);
  try {
    await courierFor(courierContext(c, fetchFn), shipment.courier, order?.shippingCountry ?? "").cancel(
      shipment.trackingNumber,
      shipment.shopId,
    );
  } catch (err) {
    if (err instanceof ProviderError) {
      throw new ApiError(
        "service_unavailable",
        "The courier did not confirm the cancellation. Try again in a few minutes.",
        {
          headers: { "Retry-After": "60" },
        },
      );
    }
    throw err;
  }
  const now = nowMs();
  await db.batch([
    db
      .update(shipments)
      .set({ status: "cancelled", rank: RANK.cancelled, liveOrderId: null, updatedAt: now })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.status, "booked"))),
    db
      .insert(shipmentEvents)
      .values({
        id: newId("sev"),
        shipmentId: shipment.id,
        eventKey: "cancelled",
        status: "cancelled",
        description: "Booking cancelled by the shop before pickup.",
        at: now,
        receivedAt: now,
      })
      .onConflictDoNothing(),
  ]);
  const fresh = (await shipmentById(db, shipment.id)) ?? shipment;
  if (fresh.status !== "cancelled") {
    throw new ApiError(
      "conflict",
      "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.",
    );
  }
  if (order?.status === "shipped" && order.shipping.trackingNumber === shipment.trackingNumber) {
    const { trackingNumber: _dropped, ...shipping } = order.shipping;
    await moveOrder(db, order, {
      to: "processing",
      actor: "system",
      actorId: null,
      data: { reason: "courier booking cancelled before pickup" },
      set: { shipping },
    }).catch((err) => {
      if (!(err instanceof ApiError && err.code === "conflict")) throw err;
    });
  }
  return fresh;
}
