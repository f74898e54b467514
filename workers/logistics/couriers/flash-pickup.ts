import { ApiError } from "../../platform/errors";
import { isRecord, thaiPhone } from "./flash-wire";
import type { Pickup, PickupRequest } from "./types";

/**
 * Flash Express courier pickups ("notify", FlashExpress Open API): the fields of
 * POST /open/v1/notify, the open pickups of POST /open/v1/notifications, and the window of the
 * answer. Flash's own pages are not stored where this was written: the fields, the list's `date`
 * parameter, the pickup states (0 open, 1 assigned, 2 completed, 4 cancelled), code 1010 ("an
 * incomplete schedule of pickup exists") and the answer's `ticketPickupId` / `timeoutAtText`
 * ("timeout range", string(100)) follow API Evangelist's transcription (github
 * api-evangelist/flash-express: data-model, errors) and the calls integrations quote.
 */

/** Bangkok is UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
/** The window when Flash's answer names none: from when the parcel is ready, four hours (docs/logistics.md). */
export const FLASH_DEFAULT_PICKUP_HOURS = 4;
/** Pickup states that are still to come: 0 open, 1 assigned to a courier (2 completed and 4 cancelled are over). */
const OPEN_STATES = new Set([0, 1]);
/** 1010: the merchant has an open pickup already, so Flash takes no other. */
export const PICKUP_EXISTS = 1010;

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
const postal = (code: string) => (/^\d{5}$/.test(code.trim()) ? code.trim() : undefined);

/**
 * The sender block of POST /open/v1/notify: Flash sends its courier to the shop's pickup address,
 * so it needs its district, province and postal code (422 saying what to add when one is missing).
 */
export function notifyFields(request: PickupRequest): Record<string, string> {
  const from = request.from;
  const code = postal(from.postalCode) ?? from.street.match(/\b(\d{5})\b(?!.*\b\d{5}\b)/)?.[1];
  if (!code || !from.province.trim() || !from.city.trim() || !from.street.trim()) {
    throw new ApiError(
      "validation_failed",
      "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.",
      {
        errors: [{ path: "shop.contact.pickupAddress", message: "Street, district, province or postal code missing" }],
      },
    );
  }
  return {
    srcName: from.name,
    srcPhone: thaiPhone(from.phone),
    srcProvinceName: from.province.trim(),
    srcCityName: from.city.trim(),
    srcPostalCode: code,
    srcDetailAddress: from.street.trim(),
    // One pickup collects every parcel the shop has ready; Flash asks for an estimate only.
    estimateParcelNumber: "1",
    remark: `Parcel ${request.trackingNumber}`,
  };
}

/** The Bangkok calendar day of a time, as Flash's `date` parameter writes it (yyyy-MM-dd). */
export function bangkokDate(ms: number): string {
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The shop's pickup among the merchant's pickups of the day (POST /open/v1/notifications): one
 * still open or assigned, from the same phone and postal code as we would send. Flash takes one
 * open pickup per merchant, so this is what a second parcel, or a retry after a crash, gets back.
 */
export function openPickupOf(data: unknown, fields: Record<string, string>): Record<string, unknown> | undefined {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.list) ? data.list : [];
  return list.filter(isRecord).find((p) => {
    const phone = thaiPhone(str(p.srcPhone) || str(p.phone));
    const code = str(p.srcPostalCode) || str(p.postalCode);
    return OPEN_STATES.has(Number(p.state)) && phone === fields.srcPhone && code === fields.srcPostalCode;
  });
}

/**
 * Our pickup from Flash's answer (notify's `data` or one row of the list): `ticketPickupId` its
 * reference, the window read from `timeoutAtText` where it holds clock times ("16:00-18:00", with
 * its date when given; Bangkok time), else FLASH_DEFAULT_PICKUP_HOURS from when the parcel is ready.
 */
export function pickupOf(data: unknown, readyAt: number): Pickup | undefined {
  if (!isRecord(data)) return undefined;
  const reference = str(data.ticketPickupId);
  if (!reference) return undefined;
  return { reference, ...windowOf(str(data.timeoutAtText), readyAt) };
}

function windowOf(text: string, readyAt: number): { from: number; until: number } {
  const fallback = { from: readyAt, until: readyAt + FLASH_DEFAULT_PICKUP_HOURS * 3_600_000 };
  const times = [...text.matchAll(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (times.length === 0) return fallback;
  const day = text.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1] ?? bangkokDate(readyAt);
  const at = (minutes: number) => Date.parse(`${day}T00:00:00Z`) - BANGKOK_OFFSET_MS + minutes * 60_000;
  const until = at(Math.max(...times));
  const from = times.length > 1 ? at(Math.min(...times)) : Math.min(readyAt, until);
  return until > from ? { from, until } : fallback;
}
