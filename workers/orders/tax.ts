import type { Country } from "../../schemas/identity";
import { type Money, percentage } from "../platform/money";

/**
 * Consumer tax on goods and shipping, by destination country, in basis points. Prices are
 * stored without tax; tax is added at checkout on (subtotal − discount + shipping), rounded once
 * by the currency's policy. Overridable with TAX_RATES_BPS (JSON, e.g. {"MY": 800}).
 *  TH VAT 7% · SG GST 9% · ID PPN 11% · MY sales tax 10% (standard rate) · PH VAT 12% · VN VAT 10%
 */
export const DEFAULT_TAX_RATES_BPS: Record<Country, number> = {
  TH: 700,
  SG: 900,
  ID: 1100,
  MY: 1000,
  PH: 1200,
  VN: 1000,
};

export function taxRates(override: string | undefined): Record<Country, number> {
  if (!override) return DEFAULT_TAX_RATES_BPS;
  const parsed = JSON.parse(override) as Partial<Record<Country, number>>;
  return { ...DEFAULT_TAX_RATES_BPS, ...parsed };
}

export function taxOn(base: Money, country: Country, rates: Record<Country, number>): Money {
  return percentage(base, rates[country]);
}
