import type { TrackingDetail, TrackingStatus } from "../../../schemas/logistics";
import type { Money } from "../../platform/money";

/** One service a courier sells, and where cash on delivery goes with it. */
export interface CourierService {
  code: string;
  name: string;
  /** Countries where this service collects cash on delivery (empty: never). */
  codCountries: readonly string[];
}

export interface CourierInfo {
  id: string;
  name: string;
  countries: readonly string[];
  services: readonly CourierService[];
  /** Its price depends on the destination's city and province, not only its postal code (GHN: ward and district). */
  pricesByArea?: boolean;
}

/** A person or place a parcel goes from or to. */
export interface Party {
  name: string;
  phone: string;
  email?: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
}

export interface Parcel {
  weightGrams: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
}

export interface RateRequest {
  service: string;
  /**
   * The shop's pickup address as booking gives it (street: its one line, which ends with the postal code in
   * Indonesia); province and city (district) where known: couriers priced by place names (Flash Express) need them.
   */
  from: { country: string; postalCode?: string; street?: string; city?: string; province?: string };
  /** City ("ward, district" in Vietnam) and province where known: couriers priced by area (GHN) need them. */
  to: { country: string; postalCode: string; city?: string; province?: string; street?: string };
  weightGrams: number;
  currency: Money["currency"];
  /** Our shop: couriers that keep an account per seller (GHN's stores) look it up by this. */
  shopId?: string;
}

export interface BookingRequest {
  /** Our shipment id: the courier's reference, and what makes a repeated booking the same one. */
  reference: string;
  orderNumber: string;
  service: string;
  from: Party;
  to: Party;
  parcels: readonly Parcel[];
  cod?: Money;
  /** What the parcel's contents are worth (the order's total), for couriers that declare it. */
  declaredValue?: Money;
  /** Our shop: couriers that keep an account per seller (GHN's stores) look it up by this. */
  shopId?: string;
}

/** A courier's pickup of a parcel from the shop: its reference and the window it comes in (ms). */
export interface Pickup {
  reference: string;
  from: number;
  until: number;
}

export interface PickupRequest {
  trackingNumber: string;
  from: Party;
  /** When the parcel is ready to be collected (ms). */
  readyAt: number;
  /** Our shop: couriers that keep an account per seller look it up by this. */
  shopId?: string;
}

export interface Booking {
  trackingNumber: string;
  /** Set by couriers whose booking itself schedules the pickup (Ninja Van's parcel_job). */
  pickup?: Pickup;
}

/** One tracking event as a courier reports it, in our words. */
export interface TrackingUpdate {
  trackingNumber: string;
  /** The courier's id of the event, or something as stable (status + time): applied once per key. */
  eventKey: string;
  status: TrackingStatus;
  description: string;
  /** Set where `description` is our own sentence (not the courier's words): what it says, for the reader's language. */
  detail?: TrackingDetail;
  location?: string;
  /** When it happened (ms since epoch). A COD parcel is delivered only against the cash: delivered means collected. */
  at: number;
}

/**
 * A step a courier reports by code, in our words: the English sentence API clients have always read,
 * and its detail, which the reader's page words in their language in place of that sentence.
 */
export interface OurWords {
  status: TrackingStatus;
  description: string;
  detail: TrackingDetail;
}

/** One step in our words. */
export const words = (status: TrackingStatus, description: string, detail: TrackingDetail): OurWords => ({
  status,
  description,
  detail,
});

/** An incoming webhook: its raw body and headers, as they came. */
export interface WebhookRequest {
  rawBody: string;
  headers: Headers;
  /** The URL it came to (with its query): couriers that do not sign callbacks prove them by a secret in it (GHN). */
  url?: string;
}

/**
 * One courier, as the platform uses it (docs/logistics.md). Implementations call their provider
 * through an injected fetch; `verifyWebhook` answers null for anything not proven to come from the
 * courier (a forged or tampered call), and the updates it carries otherwise.
 */
export interface Courier {
  readonly info: CourierInfo;
  /** The body the courier must read in our answer to count a webhook delivered (Flash Express); else ours. */
  readonly webhookAck?: Readonly<Record<string, string>>;
  rate(request: RateRequest): Promise<Money | null>;
  book(request: BookingRequest): Promise<Booking>;
  /** `shopId`: our shop, for couriers that booked it under the seller's own account (GHN's stores). */
  cancel(trackingNumber: string, shopId?: string): Promise<void>;
  label(trackingNumber: string): Promise<Uint8Array>;
  track(trackingNumber: string): Promise<TrackingUpdate[]>;
  verifyWebhook(request: WebhookRequest): Promise<TrackingUpdate[] | null>;
  /** Asks for a pickup of a booked parcel; absent where the booking itself schedules it (Booking.pickup). */
  requestPickup?(request: PickupRequest): Promise<Pickup>;
}

/**
 * A courier that cannot price a parcel because an address lacks what it prices by (Biteship: a
 * five-digit postal code; GHN: a ward and district in its master data). Thrown by `rate`, so the
 * rate card stands and the answer says which end to complete; null stays "this service has no price".
 */
export class UnpricedAddress extends Error {
  constructor(
    readonly side: "origin" | "destination",
    message: string,
  ) {
    super(message);
    this.name = "UnpricedAddress";
  }
}

/**
 * A courier that takes no pickup now because another pickup is still open at the account every
 * shop books under (Flash Express's 1010: one open pickup per merchant). Thrown by `requestPickup`
 * when that open pickup is not this shop's: the pickup waits and the cron asks again (pickup.ts).
 */
export class PickupBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PickupBusy";
  }
}
