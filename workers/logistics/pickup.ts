import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { shipments } from "../../d1/schema/logistics";
import type { AppEnv } from "../app-env";
import { orderById } from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { ProviderError } from "../platform/provider-http";
import { courierContext, shopParty } from "./booking";
import { ownedShipment } from "./cancel";
import { courierFor } from "./couriers";
import { type ShipmentRow, shipmentById } from "./queries";

/**
 * POST /shipments/:id/pickup: asks the courier to collect a booked parcel. Idempotent by nature:
 * a shipment has one pickup, so a shipment that has one (requested before, or scheduled with the
 * booking where the courier takes it so, like Ninja Van) is answered as it is, and the pickup is
 * written only where none is (a conditional UPDATE), so two requests at once keep the first.
 */
export async function requestPickup(
  c: Context<AppEnv>,
  id: string,
  readyAt: number | undefined,
  fetchFn?: typeof fetch,
): Promise<ShipmentRow> {
  const shipment = await ownedShipment(c, id);
  if (shipment.pickupReference) return shipment;
  if (shipment.status !== "booked") {
    throw new ApiError(
      "invalid_transition",
      `The parcel is ${shipment.status}, so there is nothing for the courier to pick up. Book a courier again if it must still go.`,
    );
  }
  const db = database(c.env);
  const order = await orderById(db, shipment.orderId);
  if (!order) throw new ApiError("not_found", "There is no order for this shipment.");
  const courier = courierFor(courierContext(c, fetchFn), shipment.courier, order.shippingCountry);
  if (!courier.requestPickup) {
    throw new ApiError(
      "validation_failed",
      `The courier ${shipment.courier} takes no pickup requests. Hand the parcel in at one of its drop-off points.`,
    );
  }
  let pickup: Awaited<ReturnType<NonNullable<typeof courier.requestPickup>>>;
  try {
    pickup = await courier.requestPickup({
      trackingNumber: shipment.trackingNumber,
      from: await shopParty(c.env, db, order),
      readyAt: Math.max(readyAt ?? 0, nowMs()),
      shopId: order.shopId,
    });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    throw new ApiError("service_unavailable", "The courier did not confirm the pickup. Try again in a few minutes.", {
      headers: { "Retry-After": "60" },
    });
  }
  await db
    .update(shipments)
    .set({ pickupReference: pickup.reference, pickupFrom: pickup.from, pickupUntil: pickup.until, updatedAt: nowMs() })
    .where(and(eq(shipments.id, shipment.id), isNull(shipments.pickupReference)));
  return (await shipmentById(db, shipment.id)) ?? shipment;
}
