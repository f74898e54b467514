import type { TrackingStatus } from "../../../schemas/logistics";
import { type Currency, fromMajor, type Money, toMajorNumber } from "../../platform/money";
import type { BookingRequest, Party, RateRequest, TrackingUpdate } from "./types";

/**
 * Ninja Van's wire format (api-docs.ninjavan.co, "Order API" v4.2, "Webhooks" v2), kept apart from
 * the calls: our booking as their order body, and their webhook / tracking statuses in our words.
 */

const TIMEZONES: Record<string, string> = {
  SG: "Asia/Singapore",
  MY: "Asia/Kuala_Lumpur",
  PH: "Asia/Manila",
  ID: "Asia/Jakarta",
  TH: "Asia/Bangkok",
  VN: "Asia/Ho_Chi_Minh",
};

function party(p: Party, addressType: "office" | "home") {
  return {
    name: p.name,
    phone_number: p.phone,
    ...(p.email ? { email: p.email } : {}),
    address: {
      address1: p.street,
      address2: "",
      city: p.city,
      state: p.province,
      address_type: addressType,
      country: p.country,
      postcode: p.postalCode,
    },
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Hours ahead of UTC of each country's pickup time zone (none of them keeps summer time). */
const UTC_OFFSET_HOURS: Record<string, number> = { SG: 8, MY: 8, PH: 8, ID: 7, TH: 7, VN: 7 };

/**
 * The pickup the order body asks for: tomorrow (the shop's local day) 09:00–12:00 in its time zone,
 * as the reference (the tracking number: Ninja Van's pickup belongs to the order) and the window in ms.
 */
export function pickupWindow(country: string, now: number): { date: string; from: number; until: number } {
  const offset = (UTC_OFFSET_HOURS[country] ?? 8) * 3_600_000;
  const date = day(now + offset + 86_400_000);
  const from = Date.parse(`${date}T09:00:00Z`) - offset;
  return { date, from, until: from + 3 * 3_600_000 };
}

/** Ninja Van's "requested_tracking_number": derived from our shipment id, so a retried booking is refused as a duplicate, never booked twice. */
export function requestedTrackingNumber(reference: string): string {
  return reference
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(-9)
    .toUpperCase();
}

/** POST /{cc}/4.2/orders: a parcel picked up from the shop tomorrow morning, delivered from the day after. */
export function orderBody(request: BookingRequest, now: number) {
  const timezone = TIMEZONES[request.from.country] ?? "Asia/Singapore";
  const kg = request.parcels.reduce((g, p) => g + p.weightGrams, 0) / 1000;
  const first = request.parcels[0];
  return {
    service_type: "Parcel",
    service_level: request.service === "express" ? "Express" : "Standard",
    requested_tracking_number: requestedTrackingNumber(request.reference),
    reference: { merchant_order_number: request.orderNumber },
    from: party(request.from, "office"),
    to: party(request.to, "home"),
    parcel_job: {
      is_pickup_required: true,
      pickup_service_type: "Scheduled",
      pickup_service_level: "Standard",
      pickup_date: pickupWindow(request.from.country, now).date,
      pickup_timeslot: { start_time: "09:00", end_time: "12:00", timezone },
      delivery_start_date: day(pickupWindow(request.from.country, now).from + 86_400_000),
      delivery_timeslot: { start_time: "09:00", end_time: "22:00", timezone },
      ...(request.cod ? { cash_on_delivery: toMajorNumber(request.cod) } : {}),
      dimensions: {
        weight: Math.round(kg * 1000) / 1000,
        ...(first?.lengthCm && first.widthCm && first.heightCm
          ? { length: first.lengthCm, width: first.widthCm, height: first.heightCm }
          : {}),
      },
    },
  };
}

/**
 * A Ninja Van status ("Delivered, Received by Customer", "On Vehicle for Delivery", ...) in our
 * words; null for the ones that do not move a parcel along (Pending Pickup, Cancelled...).
 */
export function ourStatus(theirs: string): TrackingStatus | null {
  const s = theirs.toLowerCase();
  if (s.startsWith("delivered") || s === "completed") return "delivered";
  if (s.includes("returned to sender") || s.includes("return to sender")) return "returned";
  if (s.includes("delivery fail") || s.includes("delivery exception")) return "failed";
  if (s.includes("on vehicle for delivery")) return "out_for_delivery";
  if (s.startsWith("picked up") || s.includes("successful pickup")) return "picked_up";
  if (s.includes("hub") || s.includes("transit")) return "in_transit";
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** One webhook (v2) or tracking-events entry as an update, or null when it says nothing we track. */
export function updateOf(event: unknown, fallbackTrackingNumber?: string): TrackingUpdate | null {
  if (!isRecord(event)) return null;
  const trackingNumber = str(event.tracking_id) ?? str(event.tracking_number) ?? fallbackTrackingNumber;
  const theirs = str(event.status);
  const at = Date.parse(str(event.timestamp) ?? "");
  if (!trackingNumber || !theirs || Number.isNaN(at)) return null;
  const status = ourStatus(theirs);
  if (!status) return null;
  const id = str(event.id) ?? (typeof event.id === "number" ? String(event.id) : undefined);
  const hub = isRecord(event.arrived_at_transit_hub) ? str(event.arrived_at_transit_hub.hub) : undefined;
  const location = hub ?? str(event.location);
  return {
    trackingNumber,
    eventKey: id ? `nv:${id}` : `nv:${theirs}@${at}`,
    status,
    description: str(event.comments) ?? theirs,
    ...(location ? { location } : {}),
    at,
  };
}

/**
 * The events of GET /{cc}/1.0/orders/tracking-events/{tn}: `{ tracking_number, is_full_history_available,
 * events: [...] }`; the list form (`?tracking_number=`) wraps the same entries in `data`, read too.
 */
export function trackingEventsOf(body: unknown, trackingNumber: string): TrackingUpdate[] {
  const data = isRecord(body) && Array.isArray(body.data) ? body.data : [body];
  const entry = data.find((d) => isRecord(d) && str(d.tracking_number) === trackingNumber);
  const events = isRecord(entry) && Array.isArray(entry.events) ? entry.events : [];
  return events.map((e) => updateOf(e, trackingNumber)).filter((u): u is TrackingUpdate => u !== null);
}

/**
 * The Tariff API's price estimate request (POST /{cc}/1.0/public/price): the parcel's service, weight
 * (kg) and the two ends' addresses (country and postcode), as the "PriceEstimateInput" documents them.
 */
export function priceBody(request: RateRequest) {
  return {
    service_type: "Parcel",
    service_level: request.service === "express" ? "Express" : "Standard",
    weight: Math.round(request.weightGrams) / 1000,
    from: { address: { country: request.from.country, postcode: request.from.postalCode ?? "" } },
    to: { address: { country: request.to.country, postcode: request.to.postalCode } },
  };
}

/** The estimate's total in major units: `{ data: { total_fee } }` (live answers) or `{ price, currency }`. */
export function priceOf(body: unknown, currency: Currency): Money | null {
  if (!isRecord(body)) return null;
  const fee = isRecord(body.data) ? body.data.total_fee : body.price;
  const theirs = str(body.currency);
  if (fee === undefined || (theirs && theirs !== currency)) return null;
  return fromMajor(fee, currency) ?? null;
}
