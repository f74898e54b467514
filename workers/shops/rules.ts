import type { Country } from "../../schemas/identity";
import { ApiError } from "../platform/errors";
import type { Currency } from "../platform/money";
import { supportedCountry } from "../platform/phone";

/** The one currency a shop of each country sells in: prices, orders and payouts all use it. */
export const COUNTRY_CURRENCY: Record<Country, Currency> = {
  TH: "THB",
  SG: "SGD",
  ID: "IDR",
  MY: "MYR",
  PH: "PHP",
  VN: "VND",
};

/** A supported country and its own currency; anything else is a 422 that names the right one. */
export function shopCountryAndCurrency(country: string, currency: string): { country: Country; currency: Currency } {
  const supported = supportedCountry(country);
  const expected = COUNTRY_CURRENCY[supported];
  if (currency !== expected) {
    throw new ApiError(
      "validation_failed",
      `A shop in ${supported} sells in ${expected}, not ${currency}. Send currency "${expected}".`,
      { errors: [{ path: "currency", message: `Expected ${expected} for ${supported}` }] },
    );
  }
  return { country: supported, currency: expected };
}
