import type { Config } from "../platform/config";
import type { ShippingOption } from "./rates";

/** Where a quoted price comes from: the courier's own answer, or our rate card. */
export type RateSource = "courier" | "rate_card";

export interface LiveRatesRequest {
  shopCountry: string;
  destination: { country: string; postalCode: string };
  /** The parcel's chargeable weight. */
  grams: number;
  currency: ShippingOption["cost"]["currency"];
  /** The rate-card options for this parcel: the couriers are asked to price these same services. */
  options: readonly ShippingOption[];
}

export interface LiveRatesAnswer {
  /** The options, those a courier priced marked `source: "courier"` (the rest are the rate card's). */
  options: (ShippingOption & { source?: RateSource })[];
  /** Couriers that did not answer in time (or failed): their options keep the rate card's price. */
  fallback: { courier: string; reason: "timeout" | "error" }[];
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
