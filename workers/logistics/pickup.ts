import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { shipments } from "../../d1/schema/logistics";
import type { AppEnv } from "../app-env";
import { orderById } from "../orders";
import { backoffMs } from "../platform/backoff";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { ProviderError } from "../platform/provider-http";
import { courierContext, shopParty } from "./booking";
import { ownedShipment } from "./cancel";
import { type Courier, courierFor, type Pickup, PickupBusy, type PickupRequest } from "./couriers";
import { type ShipmentRow, shipmentById } from "./queries";

/**
 * When a waiting pickup is asked again: a minute, doubling per refused attempt up to ten (an open
 * pickup at the courier lasts hours; the cron runs each minute and needs not ask more often).
 */
export const pickupRetryAt = (attempts: number, now: number) =>
  now + backoffMs(attempts, { baseMs: 60_000, maxMs: 600_000, jitter: "equal" });

/**
 * POST /shipments/:id/pickup: asks the courier to collect a booked parcel. Idempotent by nature:
 * a shipment has one pickup, so a shipment that has one (requested before, or scheduled with the
 * booking where the courier takes it so, like Ninja Van) is answered as it is, and the pickup is
 * written only where none is (a conditional UPDATE), so two requests at once keep the first.
 * A courier busy with another shop's pickup (PickupBusy, Flash's one open pickup per merchant)
 * leaves the pickup waiting: the cron asks again (pickup-wait.ts), and so does asking again here.
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
  const request = {
    trackingNumber: shipment.trackingNumber,
    from: await shopParty(c.env, db, order),
    readyAt: Math.max(readyAt ?? 0, nowMs()),
    shopId: order.shopId,
  };
  try {
    const pickup = await askForPickup(courier, request);
    // No notification for a pickup placed here (200): the seller is looking at the answer. Only the
    // cron's placement of a waiting one tells them (pickup-wait.ts, shipment.pickup_placed).
    if (pickup) await pickupWrite(db, shipment.id, pickup);
    else await markWaiting(db, shipment, request.readyAt);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    throw new ApiError("service_unavailable", "The courier did not confirm the pickup. Try again in a few minutes.", {
      headers: { "Retry-After": "60" },
    });
  }
  return (await shipmentById(db, shipment.id)) ?? shipment;
}

/** The courier's pickup, or undefined while it is busy with another shop's (PickupBusy); other failures thrown. */
export async function askForPickup(courier: Courier, request: PickupRequest): Promise<Pickup | undefined> {
  if (!courier.requestPickup) return undefined;
  try {
    return await courier.requestPickup(request);
  } catch (err) {
    if (err instanceof PickupBusy) return undefined;
    throw err;
  }
}

/**
 * The courier's pickup, written only where none is (the first of two at once stays); it no longer
 * waits. The route awaits it; the cron commits it in one batch with the event announcing it.
 */
export function pickupWrite(db: Database, shipmentId: string, pickup: Pickup) {
  return db
    .update(shipments)
    .set({
      pickupReference: pickup.reference,
      pickupFrom: pickup.from,
      pickupUntil: pickup.until,
      pickupWaitingSince: null,
      pickupRetryAt: null,
      updatedAt: nowMs(),
    })
    .where(and(eq(shipments.id, shipmentId), isNull(shipments.pickupReference)));
}

/** The seller's request, kept waiting: first asked when, ready when, and when the cron asks again. */
async function markWaiting(db: Database, shipment: ShipmentRow, readyAt: number): Promise<void> {
  const now = nowMs();
  await db
    .update(shipments)
    .set({
      pickupWaitingSince: shipment.pickupWaitingSince ?? now,
      pickupReadyAt: readyAt,
      pickupRetryAt: pickupRetryAt(shipment.pickupAttempts, now),
      pickupAttempts: shipment.pickupAttempts + 1,
      updatedAt: now,
    })
    .where(and(eq(shipments.id, shipment.id), isNull(shipments.pickupReference)));
}
