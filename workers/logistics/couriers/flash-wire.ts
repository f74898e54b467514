import { ApiError } from "../../platform/errors";
import { sha256Hex } from "../../platform/ids";
import {
  type BookingRequest,
  type OurWords,
  type Party,
  type RateRequest,
  type TrackingUpdate,
  UnpricedAddress,
  words,
} from "./types";

/**
 * Flash Express's wire format (FlashExpress Open API, open-docs.flashexpress.com), kept apart from
 * the calls: the signature, our booking and rate requests as their form fields, and their parcel
 * routes in our words. Flash's own pages are not stored where this was written; the paths, fields,
 * codes and route actions follow API Evangelist's transcription of them (github
 * api-evangelist/flash-express: authentication, conventions, data-model, errors, webhooks) and the
 * documented request examples (mchId AAXXXX, nonceStr 1526461166805...) that integrations quote.
 */

/** Flash's `expressCategory` for our service codes: 1 Standard delivery (2 On-Time, 4 bulky, 5 fruit not offered). */
export const FLASH_EXPRESS_CATEGORY: Record<string, number> = { standard: 1 };

/** Flash's `articleCategory` 99 "Others": the platform does not know a parcel's kind of goods. */
const ARTICLE_OTHERS = 99;

/** Flash's answer envelope `{ code, message, data }`: 1 is success, 0 its internal error, 1000+ refusals. */
export interface FlashEnvelope {
  code: number;
  message: string;
  data: unknown;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export function envelopeOf(body: unknown): FlashEnvelope | undefined {
  if (!isRecord(body) || typeof body.code !== "number") return undefined;
  return { code: body.code, message: str(body.message)?.slice(0, 300) ?? "", data: body.data };
}

/**
 * Values Flash leaves out of the signature: empty, or made only of the whitespace its signing
 * rules list (tab, line feed, vertical tab, form feed, carriage return, the four separators) and
 * spaces: every character at or below U+0020, as a Java-style trim() sees them.
 */
const isBlank = (value: string) => [...value].every((ch) => ch.charCodeAt(0) <= 0x20);

/**
 * Flash's signature of a set of parameters: the non-blank ones but `sign`, sorted by name (ASCII),
 * joined `k=v&k=v`, then `&key=<secret>`; SHA-256, upper-case hex. Computed on the values before
 * they are URL-encoded.
 */
export async function flashSign(params: Record<string, string>, secret: string): Promise<string> {
  const base = Object.keys(params)
    .filter((k) => k !== "sign" && !isBlank(params[k]))
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  return (await sha256Hex(`${base}&key=${secret}`)).toUpperCase();
}

/**
 * A Thai phone number as Flash's forms write it: digits only, national (0XXXXXXXX), whatever the
 * spacing or the +66 our E.164 numbers carry.
 */
export function thaiPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("66") && digits.length >= 10 ? `0${digits.slice(2)}` : digits;
}

/** Digits only; Flash rejects a postal code that is not five digits (1021). */
const postal = (code: string | undefined) => (code && /^\d{5}$/.test(code.trim()) ? code.trim() : undefined);

/**
 * The shop's postal code: the field when set, else the last five-digit group of its one-line
 * address (a Thai address ends with its รหัสไปรษณีย์). None is a 422 that says what to add.
 */
function shopPostalCode(shop: Party): string {
  const code = postal(shop.postalCode) ?? shop.street.match(/\b(\d{5})\b(?!.*\b\d{5}\b)/)?.[1];
  if (code) return code;
  throw new ApiError(
    "validation_failed",
    "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.",
    { errors: [{ path: "shop.contact.pickupAddress.postalCode", message: "No postal code" }] },
  );
}

function recipientFields(to: Party) {
  const code = postal(to.postalCode);
  if (!code || !to.province.trim() || !to.city.trim()) {
    throw new ApiError(
      "validation_failed",
      "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.",
      { errors: [{ path: "shippingAddress", message: "District, province or postal code missing" }] },
    );
  }
  return {
    dstName: to.name,
    dstPhone: thaiPhone(to.phone),
    dstProvinceName: to.province.trim(),
    dstCityName: to.city.trim(),
    dstPostalCode: code,
    dstDetailAddress: to.street || to.city,
  };
}

/** The parameters that are given; Flash signs and reads the others as absent. */
function present(fields: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== "") out[k] = String(v);
  return out;
}

/**
 * POST /open/v3/orders: picked up from the shop (the sender block: name, phone, its province and
 * district where known, postal code, address line), delivered to the buyer; `outTradeNo` is our
 * shipment id (Flash refuses a repeated one with 1003); weight in grams; COD as `codEnabled` and
 * `codAmount` in satang; no insurance (insured 0).
 */
export function createOrderFields(request: BookingRequest): Record<string, string> {
  const grams = Math.max(1, Math.round(request.parcels.reduce((g, p) => g + p.weightGrams, 0)));
  const first = request.parcels[0];
  const sized = first?.lengthCm && first.widthCm && first.heightCm;
  const from = request.from;
  return present({
    outTradeNo: request.reference,
    srcName: from.name,
    srcPhone: thaiPhone(from.phone),
    srcProvinceName: from.province.trim(),
    srcCityName: from.city.trim(),
    srcPostalCode: shopPostalCode(from),
    srcDetailAddress: from.street,
    ...recipientFields(request.to),
    articleCategory: ARTICLE_OTHERS,
    expressCategory: FLASH_EXPRESS_CATEGORY[request.service] ?? FLASH_EXPRESS_CATEGORY.standard,
    weight: grams,
    ...(sized
      ? {
          length: Math.ceil(first.lengthCm ?? 0),
          width: Math.ceil(first.widthCm ?? 0),
          height: Math.ceil(first.heightCm ?? 0),
        }
      : {}),
    insured: 0,
    codEnabled: request.cod ? 1 : 0,
    ...(request.cod ? { codAmount: request.cod.amount } : {}),
    remark: `Order ${request.orderNumber}`,
  });
}

/**
 * POST /open/v1/orders/estimate_rate: Flash prices by the names of both ends' province and
 * district and their postal codes; without them Flash is not asked (UnpricedAddress: the rate card
 * stands and the answer says which end lacks what), and a service Flash does not sell is null.
 */
export function estimateRateFields(request: RateRequest): Record<string, string> | null {
  const { from, to } = request;
  const category = FLASH_EXPRESS_CATEGORY[request.service];
  if (!category) return null;
  const src = postal(from.postalCode);
  const dst = postal(to.postalCode);
  if (!src || !from.province || !from.city) {
    throw new UnpricedAddress(
      "origin",
      "Flash Express needs the shop's district, province and five-digit postal code.",
    );
  }
  if (!dst || !to.province || !to.city) {
    throw new UnpricedAddress(
      "destination",
      "Flash Express needs the delivery address's district (city), province and postal code.",
    );
  }
  return present({
    srcProvinceName: from.province,
    srcCityName: from.city,
    srcPostalCode: src,
    dstProvinceName: to.province,
    dstCityName: to.city,
    dstPostalCode: dst,
    weight: Math.max(1, Math.round(request.weightGrams)),
    expressCategory: category,
  });
}

/**
 * A route action (the `routeAction` of POST /open/v1/orders/{pno}/routes and of the routes
 * webhook) in our words. A failed attempt (DIFFICULTY_HANDOVER) is part of the delivery round:
 * Flash tries again; the parcel failed only once Flash sends it back (SYSTEM_AUTO_RETURN), closes
 * it or pays for it (indemnity). Cancellations and changes of details move nothing. Flash's own route
 * `message` is not kept: these sentences (and their detail, for the reader's language) stand for it.
 */
const ACTIONS: Record<string, OurWords> = {
  RECEIVED: words("picked_up", "Picked up by Flash Express.", "picked_up_by_courier"),
  RECEIVE_WAREHOUSE_SCAN: words("in_transit", "Received at a Flash Express branch.", "at_branch"),
  SHIPMENT_WAREHOUSE_SCAN: words("in_transit", "Sent on from a Flash Express branch.", "left_branch"),
  ARRIVAL_WAREHOUSE_SCAN: words("in_transit", "Arrived at a Flash Express branch.", "at_branch"),
  DETAIN_WAREHOUSE: words("in_transit", "Held at a Flash Express branch.", "held"),
  CONTINUE_TRANSPORT: words("in_transit", "On its way again.", "on_the_way_again"),
  DIFFICULTY_RE_TRANSIT: words(
    "in_transit",
    "On its way again after a delivery problem.",
    "on_the_way_again_after_problem",
  ),
  DELIVERY_TICKET_CREATION_SCAN: words("out_for_delivery", "Out for delivery.", "out_for_delivery"),
  DIFFICULTY_HANDOVER: words(
    "out_for_delivery",
    "Delivery attempt failed; Flash Express will try again.",
    "delivery_attempt_failed",
  ),
  DELIVERY_CONFIRM: words("delivered", "Delivered to the recipient.", "delivered_to_recipient"),
  CHANGE_PARCEL_SIGNED: words("delivered", "Delivered to the recipient.", "delivered_to_recipient"),
  SYSTEM_AUTO_RETURN: words("failed", "Could not be delivered; being returned to the shop.", "being_returned"),
  CHANGE_PARCEL_CLOSE: words("failed", "Closed by Flash Express without delivery.", "closed_undelivered"),
  DIFFICULTY_FINISH_INDEMNITY: words("failed", "Reported lost or damaged by Flash Express.", "lost_or_damaged"),
};

/** The parcel's `state` (1 picked up … 9 cancelled); 6 (a problem being handled) and 9 (cancelled) move nothing. */
const STATES: Record<number, OurWords> = {
  1: ACTIONS.RECEIVED,
  2: words("in_transit", "In transit with Flash Express.", "with_courier"),
  3: ACTIONS.DELIVERY_TICKET_CREATION_SCAN,
  4: ACTIONS.DETAIN_WAREHOUSE,
  5: ACTIONS.DELIVERY_CONFIRM,
  7: words("returned", "Returned to the shop.", "returned_to_shop"),
  8: ACTIONS.CHANGE_PARCEL_CLOSE,
};

/** Delivered, returned, closed: states the routes of the parcel's own number may not show. */
const FINAL_STATES = new Set([5, 7, 8]);

/** Flash's times are Unix seconds (a number or a numeric string); ms since epoch, or undefined. */
function secondsToMs(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
}

function routeUpdate(pno: string, route: Record<string, unknown>): TrackingUpdate | null {
  const action = str(route.routeAction) ?? str(route.routedAction);
  const at = secondsToMs(route.routedAt);
  const ours = action ? ACTIONS[action.toUpperCase()] : undefined;
  if (!action || !ours || at === undefined) return null;
  // The same key however the route reaches us (a webhook's re-read or the cron's poll): action and time.
  return { trackingNumber: pno, eventKey: `flash:${action.toUpperCase()}@${at / 1000}`, ...ours, at };
}

/**
 * The events of POST /open/v1/orders/{pno}/routes (`{ pno, state, stateChangeAt, routes: [{
 * routedAt, routeAction, message }] }`), each once, oldest first. The parcel's state at
 * stateChangeAt stands for the routes when there are none, and is one more event when it is final
 * (delivered, returned, closed) and no route says as much: a parcel back with the shop is state 7
 * on its own number, its way back being routed under another.
 */
export function routesUpdates(data: unknown, trackingNumber: string): TrackingUpdate[] {
  if (!isRecord(data)) return [];
  const pno = str(data.pno) ?? trackingNumber;
  const routes = Array.isArray(data.routes) ? data.routes.filter(isRecord) : [];
  const updates = routes.map((r) => routeUpdate(pno, r)).filter((u): u is TrackingUpdate => u !== null);
  const state = STATES[Number(data.state)];
  const at = secondsToMs(data.stateChangeAt);
  const counts = routes.length === 0 || FINAL_STATES.has(Number(data.state));
  if (state && counts && at !== undefined && !updates.some((u) => u.status === state.status)) {
    updates.push({ trackingNumber: pno, eventKey: `flash:state${Number(data.state)}@${at / 1000}`, ...state, at });
  }
  const seen = new Set<string>();
  return updates.filter((u) => !seen.has(u.eventKey) && seen.add(u.eventKey)).sort((a, b) => a.at - b.at);
}

/**
 * A Flash webhook's parameters, form-encoded (as documented) or JSON: `mchId`, `nonceStr`, `sign`
 * and `data` (an object, or its JSON text in a form). Undefined for a body that is neither.
 */
export function webhookParams(rawBody: string): { params: Record<string, string>; data: unknown } | undefined {
  const text = rawBody.trim();
  let fields: Record<string, unknown>;
  if (text.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) return undefined;
      fields = parsed;
    } catch {
      return undefined;
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    if (typeof v === "string" || typeof v === "number") params[k] = String(v);
  let data: unknown = fields.data;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      data = undefined;
    }
  }
  return { params, data };
}

/** The parcel a webhook's `data` names: its current tracking number, else the one it was booked with. */
export function webhookParcel(data: unknown): string | undefined {
  return isRecord(data) ? (str(data.pno) ?? str(data.recentPno)) : undefined;
}
