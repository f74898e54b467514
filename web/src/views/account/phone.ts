import { getCountryCallingCode, getExampleNumber } from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";
import type { Schemas } from "../../api/client";

// Each country's dialling code and an example mobile number, from libphonenumber's metadata (the
// server validates with the same library): loaded with the sign-in page only.

export type Country = Schemas["Country"];
export const COUNTRIES: readonly Country[] = ["TH", "SG", "ID", "MY", "PH", "VN"];

export interface CountryFormat {
  /** "+66" */
  dialCode: string;
  /** "081 234 5678" */
  national: string;
  /** "+66 81 234 5678" */
  international: string;
}

export function countryFormat(country: Country): CountryFormat {
  const example = getExampleNumber(country, examples);
  return {
    dialCode: `+${getCountryCallingCode(country)}`,
    national: example?.formatNational() ?? "",
    international: example?.formatInternational() ?? "",
  };
}

/** The country's name in the reader's language (Intl), e.g. "ประเทศไทย" in Thai. */
export function countryName(country: Country, tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: "region" }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** The country whose language the reader chose, as the picker's first guess. */
export function countryOfLocale(locale: string): Country {
  const byLocale: Record<string, Country> = { th: "TH", id: "ID", ms: "MY", fil: "PH", vi: "VN", en: "SG" };
  return byLocale[locale] ?? "TH";
}
