import type { Config } from "../platform/config";
import type { ShippingOption } from "./rates";

/** Where a quoted price comes from: the courier's own answer, or our rate card. */
export type RateSource = "courier" | "rate_card";

/** Where a parcel goes: the postal code always; city ("ward, district" in Vietnam), province and street when the buyer gave them. */
export interface RateDestination {
  country: string;
  postalCode: string;
  city?: string;
  province?: string;
  street?: string;
}

/**
 * Why a courier's options kept the rate card's price: it did not answer in time, it failed, or an
 * address lacks what it prices by (the shop's: origin_unresolved; the buyer's: destination_unresolved).
 */
export type FallbackReason = "timeout" | "error" | "origin_unresolved" | "destination_unresolved";

export interface LiveRatesRequest {
  /** The shop that ships the parcel: the couriers that price from its pickup address read it from there. */
  shopId: string;
  shopCountry: string;
  destination: RateDestination;
  /** The parcel's chargeable weight. */
  grams: number;
  currency: ShippingOption["cost"]["currency"];
  /** The rate-card options for this parcel: the couriers are asked to price these same services. */
  options: readonly ShippingOption[];
}

export interface LiveRatesAnswer {
  /**
   * The options, those a courier priced marked `source: "courier"` (the rest are the rate card's),
   * and `byArea` where that price depends on the destination's city and province too (held for them only).
   */
  options: (ShippingOption & { source?: RateSource; byArea?: boolean })[];
  /** Couriers whose options keep the rate card's price, why, and (for an address) what to complete. */
  fallback: { courier: string; reason: FallbackReason; detail?: string }[];
}

/**
 * Live courier prices for a shop's parcel. Logistics implements it (it knows the couriers) and
 * the composition root hands it in: logistics sits above shipping, so shipping cannot import it.
 * Without it (tests of the cards alone) every option is priced by its rate card.
 */
export type LiveRates = (env: Env, config: Config, request: LiveRatesRequest) => Promise<LiveRatesAnswer>;

export const cardRatesOnly: LiveRates = async (_env, _config, request) => ({
  options: [...request.options],
  fallback: [],
});
