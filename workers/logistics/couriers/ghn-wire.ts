import { type BookingRequest, type OurWords, type TrackingUpdate, words } from "./types";

/**
 * GHN's wire format (api.ghn.vn "Shipping Order" v2, "Webhook"), kept apart from the calls: our
 * booking as their create-order body, and their order statuses in our words.
 */

/** GHN's "E-commerce Delivery" service type, its documented default (service_type_id 2). */
export const GHN_SERVICE_TYPES: Record<string, number> = { standard: 2 };

/** The size GHN is told when the seller gave none (its create-order call requires length, width and height). */
const DEFAULT_SIDE_CM = 10;

/** Where a parcel goes in GHN's master data: the district id and ward code its fee and create calls take. */
export interface GhnArea {
  districtId: number;
  wardCode: string;
}

/**
 * POST /v2/shipping-order/create: `client_order_code` is our shipment id (GHN keeps it unique per
 * client, so a retried booking is refused, and detail-by-client-code finds the first one); the
 * shop pays the fee (payment_type_id 1: the buyer paid shipping to us); COD as `cod_amount` in
 * dong; the pickup point is the shop's address, routed by GHN from the ShopId's registered
 * district; the buyer may look at the goods but not try them (required_note CHOXEMHANGKHONGTHU).
 */
export function createOrderBody(request: BookingRequest, to: GhnArea, serviceTypeId: number) {
  const grams = Math.max(1, Math.round(request.parcels.reduce((g, p) => g + p.weightGrams, 0)));
  const first = request.parcels[0];
  const sized = first?.lengthCm && first.widthCm && first.heightCm;
  return {
    payment_type_id: 1,
    required_note: "CHOXEMHANGKHONGTHU",
    client_order_code: request.reference,
    from_name: request.from.name,
    from_phone: request.from.phone,
    ...(request.from.street
      ? { from_address: [request.from.street, request.from.city, request.from.province].filter(Boolean).join(", ") }
      : {}),
    to_name: request.to.name,
    to_phone: request.to.phone,
    to_address: [request.to.street, request.to.city, request.to.province].filter(Boolean).join(", "),
    to_ward_code: to.wardCode,
    to_district_id: to.districtId,
    cod_amount: request.cod?.amount ?? 0,
    content: `Order ${request.orderNumber}`,
    weight: grams,
    length: sized ? Math.ceil(first.lengthCm ?? DEFAULT_SIDE_CM) : DEFAULT_SIDE_CM,
    width: sized ? Math.ceil(first.widthCm ?? DEFAULT_SIDE_CM) : DEFAULT_SIDE_CM,
    height: sized ? Math.ceil(first.heightCm ?? DEFAULT_SIDE_CM) : DEFAULT_SIDE_CM,
    service_type_id: serviceTypeId,
  };
}

/**
 * A GHN order status in our words: the sentence the buyer read so far and its detail, which the
 * reader's page words in their language; null for those that do not
 * move a parcel along (ready_to_pick, picking, cancel...). A failed delivery attempt is not the end
 * at GHN (it tries again, then returns the parcel: waiting_to_return), so it is shown as an event
 * of the delivery round, and only waiting_to_return / lost / damage mean the parcel failed.
 */
const STATUSES: Record<string, OurWords> = {
  picked: words("picked_up", "Picked up by GHN.", "picked_up_by_courier"),
  storing: words("in_transit", "At a GHN hub.", "at_hub"),
  transporting: words("in_transit", "On its way between GHN hubs.", "between_hubs"),
  sorting: words("in_transit", "Being sorted at a GHN hub.", "being_sorted"),
  delivering: words("out_for_delivery", "Out for delivery.", "out_for_delivery"),
  money_collect_delivering: words("out_for_delivery", "Out for delivery, cash to collect.", "cash_to_collect"),
  delivery_fail: words("out_for_delivery", "Delivery attempt failed; GHN will try again.", "delivery_attempt_failed"),
  delivered: words("delivered", "Delivered to the recipient.", "delivered_to_recipient"),
  waiting_to_return: words("failed", "Could not be delivered; waiting to go back to the shop.", "waiting_to_return"),
  lost: words("failed", "Reported lost by GHN.", "lost"),
  damage: words("failed", "Reported damaged by GHN.", "damaged"),
  return: words("failed", "Being returned to the shop.", "being_returned"),
  return_transporting: words("failed", "Being returned to the shop.", "being_returned"),
  return_sorting: words("failed", "Being returned to the shop.", "being_returned"),
  returning: words("failed", "Being returned to the shop.", "being_returned"),
  returned: words("returned", "Returned to the shop.", "returned_to_shop"),
};

export function ourStatus(theirs: string): OurWords | null {
  return STATUSES[theirs.trim().toLowerCase()] ?? null;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

function updateOf(trackingNumber: string, status: unknown, when: unknown): TrackingUpdate | null {
  const theirs = str(status);
  const at = Date.parse(str(when) ?? "");
  if (!theirs || Number.isNaN(at)) return null;
  const ours = ourStatus(theirs);
  if (!ours) return null;
  // The same key whichever way the event comes in (callback re-read or cron poll): status and time.
  return { trackingNumber, eventKey: `ghn:${theirs}@${new Date(at).toISOString()}`, ...ours, at };
}

/**
 * The events of POST /v2/shipping-order/detail: its `log` ([{ status, updated_date }], oldest
 * first) and the current `status` at `updated_date`, each once, in the order they happened.
 */
export function detailUpdates(body: unknown, trackingNumber: string): TrackingUpdate[] {
  const data = isRecord(body) && Array.isArray(body.data) ? body.data[0] : isRecord(body) ? body.data : undefined;
  if (!isRecord(data)) return [];
  const code = str(data.order_code) ?? trackingNumber;
  const log = Array.isArray(data.log) ? data.log : [];
  const updates = [
    ...log.map((e) => (isRecord(e) ? updateOf(code, e.status, e.updated_date) : null)),
    updateOf(code, data.status, data.updated_date),
  ].filter((u): u is TrackingUpdate => u !== null);
  const seen = new Set<string>();
  return updates.filter((u) => !seen.has(u.eventKey) && seen.add(u.eventKey)).sort((a, b) => a.at - b.at);
}

/** GHN's answer envelope `{ code, message, data }`: the data when code is 200, else undefined. */
export function dataOf(body: unknown): unknown {
  return isRecord(body) && body.code === 200 ? body.data : undefined;
}

/** GHN's own wording of a refusal (message, code_message), for logs and stored errors (never a problem detail). */
export function refusalOf(body: unknown): { message?: string; code?: string } {
  if (!isRecord(body)) return {};
  return { message: str(body.message)?.slice(0, 300), code: str(body.code_message) };
}
