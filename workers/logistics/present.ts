import type { z } from "@hono/zod-openapi";
import type { ShipmentSchema, TrackingSchema } from "../../schemas/logistics";
import type { Currency } from "../platform/money";
import type { ShipmentEventRow, ShipmentRow } from "./queries";

export type Shipment = z.infer<typeof ShipmentSchema>;
export type Tracking = z.infer<typeof TrackingSchema>;

/** The label's address: served to the shop's owner only (GET /shipments/:id/label). */
export function labelUrl(origin: string, shipmentId: string): string {
  return `${origin}/api/v1/shipments/${shipmentId}/label`;
}

/** The parcel's pickup waits for the courier to take it (pickup.ts): asked, not placed, the parcel still booked. */
export function pickupWaits(row: ShipmentRow): boolean {
  return row.status === "booked" && !row.pickupReference && row.pickupWaitingSince !== null;
}

export function presentShipment(origin: string, row: ShipmentRow): Shipment {
  return {
    id: row.id,
    orderId: row.orderId,
    courier: row.courier,
    service: row.service,
    trackingNumber: row.trackingNumber,
    labelUrl: labelUrl(origin, row.id),
    status: row.status,
    ...(row.codAmount !== null && row.codCurrency
      ? { cod: { amount: row.codAmount, currency: row.codCurrency as Currency } }
      : {}),
    ...(row.pickupReference && row.pickupFrom !== null && row.pickupUntil !== null
      ? {
          pickup: {
            status: "requested" as const,
            reference: row.pickupReference,
            from: new Date(row.pickupFrom).toISOString(),
            until: new Date(row.pickupUntil).toISOString(),
          },
        }
      : pickupWaits(row)
        ? {
            pickup: {
              status: "waiting" as const,
              askedAt: new Date(row.pickupWaitingSince ?? row.updatedAt).toISOString(),
              readyAt: new Date(row.pickupReadyAt ?? row.pickupWaitingSince ?? row.updatedAt).toISOString(),
            },
          }
        : {}),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function presentTracking(row: ShipmentRow, events: readonly ShipmentEventRow[]): Tracking {
  return {
    shipmentId: row.id,
    courier: row.courier,
    trackingNumber: row.trackingNumber,
    status: row.status,
    events: events.map((e) => ({
      status: e.status,
      description: e.description,
      ...(e.detail ? { detail: e.detail } : {}),
      ...(e.location ? { location: e.location } : {}),
      at: new Date(e.at).toISOString(),
    })),
  };
}
