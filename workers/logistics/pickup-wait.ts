import { and, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { shipments } from "../../d1/schema/logistics";
import { orderById } from "../orders";
import type { Config } from "../platform/config";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";
import { createEvent, recordEventIf } from "../platform/outbox";
import { ProviderError } from "../platform/provider-http";
import { shopParty } from "./booking";
import { type CourierSecrets, courierFor, type Pickup } from "./couriers";
import { askForPickup, pickupRetryAt, pickupWrite } from "./pickup";
import { RANK, type ShipmentRow, waitingPickups } from "./queries";

/** Waiting pickups asked per cron run: a courier frees one pickup at a time, so a few suffice. */
const PICKUP_BATCH = 10;

/**
 * The cron's half of a waiting pickup (pickup.ts): parcels no longer booked (cancelled, picked up)
 * stop waiting; then the longest-waiting due ones are asked again. Each is claimed first by moving
 * its next attempt on (a conditional UPDATE on the time read), so an overlapping run skips it and a
 * courier that stays busy or down is asked after the backoff. A crash between the courier's answer
 * and our write is safe: the next ask finds the shop's open pickup (Flash's list) and orders none.
 */
export async function placeWaitingPickups(
  env: Env & CourierSecrets,
  config: Config,
  fetchFn?: typeof fetch,
): Promise<{ placed: number; waiting: number; dropped: number }> {
  const db = database(env);
  const now = nowMs();
  const dropped = await db
    .update(shipments)
    .set({ pickupWaitingSince: null, pickupRetryAt: null, updatedAt: now })
    .where(
      and(
        isNotNull(shipments.pickupRetryAt),
        isNotNull(shipments.pickupWaitingSince),
        or(isNull(shipments.liveOrderId), gt(shipments.rank, RANK.booked), isNotNull(shipments.pickupReference)),
      ),
    );
  let placed = 0;
  const due = await waitingPickups(db, now, PICKUP_BATCH);
  for (const shipment of due) {
    if (!(await claim(shipment, now))) continue;
    try {
      if (await askAgain(env, config, shipment, now, fetchFn)) placed++;
    } catch (err) {
      logEvent("warn", "pickup_retry_failed", { shipmentId: shipment.id, error: String(err) });
      // A refusal no retry changes (the shop's pickup address lost its postal code, a place the
      // courier does not serve) ends the wait: the seller asking again is told why.
      if (err instanceof ApiError || (err instanceof ProviderError && !err.retryable)) await stopWaiting(shipment.id);
    }
  }
  return { placed, waiting: due.length - placed, dropped: dropped.meta.changes ?? 0 };

  async function stopWaiting(id: string): Promise<void> {
    await db.update(shipments).set({ pickupWaitingSince: null, pickupRetryAt: null }).where(eq(shipments.id, id));
  }

  async function claim(shipment: ShipmentRow, at: number): Promise<boolean> {
    const claimed = await db
      .update(shipments)
      .set({ pickupRetryAt: pickupRetryAt(shipment.pickupAttempts, at), pickupAttempts: shipment.pickupAttempts + 1 })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.pickupRetryAt, shipment.pickupRetryAt ?? 0)));
    return (claimed.meta.changes ?? 0) > 0;
  }
}

/** One waiting parcel asked again: true when the courier took it (written), false while still busy. */
async function askAgain(
  env: Env & CourierSecrets,
  config: Config,
  shipment: ShipmentRow,
  now: number,
  fetchFn?: typeof fetch,
): Promise<boolean> {
  const db = database(env);
  const order = await orderById(db, shipment.orderId);
  if (!order) return false;
  const courier = courierFor(
    { config, secrets: env, ...(fetchFn ? { fetchFn } : {}) },
    shipment.courier,
    order.shippingCountry,
  );
  const pickup = await askForPickup(courier, {
    trackingNumber: shipment.trackingNumber,
    from: await shopParty(env, db, order),
    readyAt: Math.max(shipment.pickupReadyAt ?? 0, now),
    shopId: order.shopId,
  });
  if (!pickup) return false;
  // The seller may have left the page that showed the pickup waiting: they are told it is placed
  // (notifications, seller.pickup_placed). The event goes first, on the UPDATE's own condition (no
  // pickup yet), in one batch with it: it exists exactly when this run wrote the pickup, so a crash
  // loses neither and a second run, or the route having placed it meanwhile, announces nothing.
  const placed = sql`${shipments.id} = ${shipment.id} AND ${shipments.pickupReference} IS NULL`;
  await db.batch([
    recordEventIf(
      db,
      "notifications",
      pickupPlacedEvent(shipment, order.shopId, courier.info.name, pickup),
      shipments,
      placed,
    ),
    pickupWrite(db, shipment.id, pickup),
  ]);
  logEvent("info", "pickup_placed", { shipmentId: shipment.id, waitedMs: now - (shipment.pickupWaitingSince ?? now) });
  return true;
}

/**
 * The event telling the seller a waiting pickup was placed. Its id is the shipment's (a shipment
 * has one pickup, never cleared), so it is one event whatever runs or retries write it.
 */
function pickupPlacedEvent(shipment: ShipmentRow, shopId: string, courier: string, pickup: Pickup) {
  return createEvent(
    "shipment.pickup_placed",
    {
      shipmentId: shipment.id,
      orderId: shipment.orderId,
      shopId,
      courier,
      trackingNumber: shipment.trackingNumber,
      reference: pickup.reference,
      from: pickup.from,
      until: pickup.until,
    },
    { id: `evt_pickup_${shipment.id}`, subject: { type: "shipment", id: shipment.id } },
  );
}
