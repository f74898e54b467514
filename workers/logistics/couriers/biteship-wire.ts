import type { TrackingStatus } from "../../../schemas/logistics";
import { ApiError } from "../../platform/errors";
import { type Currency, fromMajor, type Money, toMajorNumber } from "../../platform/money";
import {
  type BookingRequest,
  type CourierService,
  type OurWords,
  type Party,
  type RateRequest,
  type TrackingUpdate,
  words,
} from "./types";

/**
 * Biteship's wire format (biteship.com/en/docs/api: Rates, Orders, Trackings, Webhooks), kept apart
 * from the calls: our booking as their order body, their pricing as Money, and their order
 * statuses in our words. Biteship speaks for Indonesia's couriers; a service here is
 * `<courier_company>_<courier_type>` as Biteship names them (jne_reg, jnt_ez, sicepat_best...).
 */

/** The services we offer through Biteship: the leading couriers of the ID rate cards (workers/shipping/rates.ts). */
export const BITESHIP_SERVICES: readonly CourierService[] = [
  { code: "jne_reg", name: "JNE REG", codCountries: ["ID"] },
  { code: "jne_yes", name: "JNE YES", codCountries: [] },
  { code: "jnt_ez", name: "J&T Express EZ", codCountries: ["ID"] },
  { code: "sicepat_reg", name: "SiCepat REG", codCountries: ["ID"] },
  { code: "sicepat_best", name: "SiCepat BEST", codCountries: ["ID"] },
];

/** Biteship's courier_company and courier_type of one of our service codes. */
export function courierOf(service: string): { company: string; type: string } {
  const [company, type] = service.split("_");
  return { company, type };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** The five-digit postal code of an address (its field, else the last five-digit group of its street), if any. */
export function postalCodeIn(address: { postalCode?: string; street?: string }): number | undefined {
  const code = address.postalCode?.trim() || address.street?.match(/\b(\d{5})\b(?!.*\b\d{5}\b)/)?.[1];
  return code && /^\d{5}$/.test(code) ? Number(code) : undefined;
}

/**
 * A party's postal code: the field when set, else the last five-digit group of its address
 * (Indonesian addresses end with the kode pos; a shop's address is one line of text). Biteship
 * prices and books by postal code, so none is a 422 that says what to add.
 */
export function postalCodeOf(party: Party, who: "shop" | "recipient"): number {
  const code = postalCodeIn(party);
  if (code !== undefined) return code;
  if (who === "shop") {
    throw new ApiError(
      "validation_failed",
      "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.",
      { errors: [{ path: "shop.contact.pickupAddress.postalCode", message: "No postal code" }] },
    );
  }
  throw new ApiError(
    "validation_failed",
    "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.",
    { errors: [{ path: "shippingAddress.postalCode", message: "No postal code" }] },
  );
}

function item(name: string, grams: number, value: number, parcel?: BookingRequest["parcels"][number]) {
  return {
    name,
    value,
    quantity: 1,
    weight: Math.max(1, Math.round(grams)),
    ...(parcel?.lengthCm && parcel.widthCm && parcel.heightCm
      ? { length: parcel.lengthCm, width: parcel.widthCm, height: parcel.heightCm }
      : {}),
  };
}

/** POST /v1/rates/couriers: one courier's prices between two postal codes for the parcel (grams). */
export function ratesBody(request: RateRequest, originPostalCode: number) {
  return {
    origin_postal_code: originPostalCode,
    destination_postal_code: Number(request.to.postalCode),
    couriers: courierOf(request.service).company,
    items: [item("Parcel", request.weightGrams, 0)],
  };
}

/** The price of our service among the answer's `pricing` (whole rupiah), or null when Biteship does not offer it. */
export function priceOf(body: unknown, service: string, currency: Currency): Money | null {
  const pricing = isRecord(body) && Array.isArray(body.pricing) ? body.pricing : [];
  const { company, type } = courierOf(service);
  const offer = pricing.find(
    (p) =>
      isRecord(p) &&
      str(p.courier_code)?.toLowerCase() === company &&
      str(p.courier_service_code)?.toLowerCase() === type,
  ) as Record<string, unknown> | undefined;
  const theirs = str(offer?.currency) ?? "IDR";
  if (!offer || theirs !== currency) return null;
  return fromMajor(offer.price, currency) ?? null;
}

const contact = (p: Party, side: "origin" | "destination") => ({
  [`${side}_contact_name`]: p.name,
  [`${side}_contact_phone`]: p.phone,
  ...(p.email ? { [`${side}_contact_email`]: p.email } : {}),
  [`${side}_address`]: [p.street, p.city, p.province].filter(Boolean).join(", "),
});

/**
 * POST /v1/orders: picked up from the shop (collection method pickup, delivery type now) by the
 * chosen courier service; `reference_id` is our shipment id, which Biteship keeps once per order,
 * and COD as `destination_cash_on_delivery` (whole rupiah) paid over in 7 days.
 */
export function orderBody(request: BookingRequest) {
  const { company, type } = courierOf(request.service);
  const grams = request.parcels.reduce((g, p) => g + p.weightGrams, 0);
  const value = request.declaredValue ? toMajorNumber(request.declaredValue) : 0;
  return {
    shipper_contact_name: request.from.name,
    shipper_contact_phone: request.from.phone,
    ...(request.from.email ? { shipper_contact_email: request.from.email } : {}),
    shipper_organization: request.from.name,
    ...contact(request.from, "origin"),
    origin_postal_code: postalCodeOf(request.from, "shop"),
    origin_collection_method: "pickup",
    ...contact(request.to, "destination"),
    destination_postal_code: postalCodeOf(request.to, "recipient"),
    ...(request.cod
      ? { destination_cash_on_delivery: toMajorNumber(request.cod), destination_cash_on_delivery_type: "7_days" }
      : {}),
    courier_company: company,
    courier_type: type,
    delivery_type: "now",
    reference_id: request.reference,
    order_note: `Order ${request.orderNumber}`,
    items: [item(`Order ${request.orderNumber}`, grams, value, request.parcels[0])],
  };
}

/**
 * A Biteship order status in our words; null for those that move nothing along (confirmed,
 * scheduled, allocated, picking_up, on_hold, courier_not_found, cancelled).
 */
export function ourStatus(theirs: string): TrackingStatus | null {
  switch (theirs.toLowerCase()) {
    case "picked":
      return "picked_up";
    case "dropping_off":
      return "in_transit";
    case "delivered":
      return "delivered";
    case "return_in_transit":
    case "rejected":
    case "disposed":
      return "failed";
    case "returned":
      return "returned";
    default:
      return null;
  }
}

/** Our sentence for a status its courier gave no note for, and its detail for the reader's language. */
const DESCRIPTIONS: Record<TrackingStatus, OurWords> = {
  picked_up: words("picked_up", "Picked up by the courier.", "picked_up_by_courier"),
  in_transit: words("in_transit", "On its way to the recipient.", "on_the_way_to_recipient"),
  out_for_delivery: words("out_for_delivery", "Out for delivery.", "out_for_delivery"),
  delivered: words("delivered", "Delivered.", "delivered_to_recipient"),
  failed: words("failed", "Could not be delivered; on its way back to the shop.", "being_returned"),
  returned: words("returned", "Returned to the shop.", "returned_to_shop"),
};

/**
 * One status change as an update. The key is the order's Biteship status, so the webhook and the
 * order's history (read by the poll) name the same event alike and each is applied once. The
 * courier's note is its own words, shown as given (no detail); without one, our sentence and detail.
 */
export function updateOf(
  orderId: string,
  theirs: string | undefined,
  when: unknown,
  note?: string,
  now = Date.now(),
): TrackingUpdate | null {
  const status = theirs ? ourStatus(theirs) : null;
  if (!theirs || !status) return null;
  const at = Date.parse(str(when) ?? "");
  return {
    trackingNumber: orderId,
    eventKey: `bs:${theirs.toLowerCase()}`,
    ...(note ? { status, description: note } : DESCRIPTIONS[status]),
    at: Number.isNaN(at) ? now : at,
  };
}

/** The order.status webhook (`{ event, order_id, status, courier_waybill_id, updated_at... }`); other events carry no update. */
export function webhookUpdates(body: unknown, now = Date.now()): TrackingUpdate[] {
  if (!isRecord(body) || body.event !== "order.status") return [];
  const orderId = str(body.order_id);
  if (!orderId) return [];
  const update = updateOf(orderId, str(body.status), body.updated_at, undefined, now);
  return update ? [update] : [];
}

/** GET /v1/orders/{id}: its courier's history, oldest first, as updates (the current status when no history is given). */
export function historyUpdates(body: unknown, orderId: string, now = Date.now()): TrackingUpdate[] {
  const courier = isRecord(body) && isRecord(body.courier) ? body.courier : {};
  const history = Array.isArray(courier.history) ? courier.history.filter(isRecord) : [];
  const entries = history.length
    ? history
    : isRecord(body)
      ? [{ status: body.status, updated_at: undefined, note: undefined }]
      : [];
  return entries
    .map((h) => updateOf(orderId, str(h.status), h.updated_at, str(h.note), now))
    .filter((u): u is TrackingUpdate => u !== null);
}

/** What our own label prints from GET /v1/orders/{id}: courier and waybill, both ends, COD. */
export function labelLines(body: unknown, orderId: string): string[] {
  const o = isRecord(body) ? body : {};
  const courier = isRecord(o.courier) ? o.courier : {};
  const to = isRecord(o.destination) ? o.destination : {};
  const from = isRecord(o.origin) ? o.origin : {};
  const cod = isRecord(to.cash_on_delivery) ? to.cash_on_delivery : undefined;
  const service = [str(courier.company)?.toUpperCase(), str(courier.type)?.toUpperCase()].filter(Boolean).join(" ");
  const lines = [
    `Biteship - ${service || "courier"}`,
    `Waybill: ${str(courier.waybill_id) ?? "pending (see the Biteship order)"}`,
    `Biteship order: ${orderId}`,
    ...(str(o.reference_id) ? [`Reference: ${str(o.reference_id)}`] : []),
    `To: ${str(to.contact_name) ?? ""} ${str(to.contact_phone) ?? ""}`.trim(),
    `${str(to.address) ?? ""} ${to.postal_code ?? ""}`.trim(),
    `From: ${str(from.contact_name) ?? ""} ${str(from.contact_phone) ?? ""}`.trim(),
    `${str(from.address) ?? ""} ${from.postal_code ?? ""}`.trim(),
  ];
  if (cod && typeof cod.amount === "number" && cod.amount > 0) lines.push(`COD: IDR ${cod.amount}`);
  return lines;
}
