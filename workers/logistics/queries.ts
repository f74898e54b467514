import { and, asc, eq, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import { shipmentEvents, shipments } from "../../d1/schema/logistics";
import type { ShipmentStatus } from "../../schemas/logistics";
import type { Database } from "../platform/db";

export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentEventRow = typeof shipmentEvents.$inferSelect;

/** A status's place in the parcel's journey: tracking moves a shipment only to a higher rank. */
export const RANK: Record<ShipmentStatus, number> = {
  booked: 0,
  picked_up: 1,
  in_transit: 2,
  out_for_delivery: 3,
  failed: 4,
  returned: 5,
  delivered: 6,
  cancelled: 9,
};

/** From this rank on a shipment has reached an end (failed, returned, delivered); the cron stops polling it. */
export const FINAL_RANK = 4;

export function shipmentById(db: Database, id: string) {
  return db.select().from(shipments).where(eq(shipments.id, id)).get();
}

/** The order's live (not cancelled) shipment, if it has one. */
export function liveShipmentOf(db: Database, orderId: string) {
  return db.select().from(shipments).where(eq(shipments.liveOrderId, orderId)).get();
}

/** The order's latest shipment (live, or the last cancelled one). */
export function latestShipmentOf(db: Database, orderId: string) {
  return db
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(sql`${shipments.liveOrderId} IS NULL`, sql`${shipments.createdAt} DESC`)
    .get();
}

export function shipmentByTracking(db: Database, courier: string, trackingNumber: string) {
  return db
    .select()
    .from(shipments)
    .where(and(eq(shipments.courier, courier), eq(shipments.trackingNumber, trackingNumber)))
    .get();
}

/** The shipment's tracking history in the order things happened (not the order they arrived). */
export function eventsOf(db: Database, shipmentId: string) {
  return db
    .select()
    .from(shipmentEvents)
    .where(eq(shipmentEvents.shipmentId, shipmentId))
    .orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id));
}

/** Live shipments still on their way whose courier has said nothing since `before`: the cron polls them. */
export function silentShipments(db: Database, before: number, limit: number) {
  return db
    .select()
    .from(shipments)
    .where(and(isNotNull(shipments.liveOrderId), lt(shipments.rank, FINAL_RANK), lt(shipments.lastHeardAt, before)))
    .orderBy(asc(shipments.lastHeardAt))
    .limit(limit);
}

/** Booked parcels whose pickup waits for the courier and is due to be asked again, longest waiting first. */
export function waitingPickups(db: Database, now: number, limit: number) {
  return db
    .select()
    .from(shipments)
    .where(
      and(
        isNotNull(shipments.pickupWaitingSince),
        isNull(shipments.pickupReference),
        isNotNull(shipments.liveOrderId),
        eq(shipments.rank, RANK.booked),
        lte(shipments.pickupRetryAt, now),
      ),
    )
    .orderBy(asc(shipments.pickupWaitingSince))
    .limit(limit);
}
