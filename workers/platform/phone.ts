import { getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { COUNTRIES, type Country } from "../../schemas/identity";
import { ApiError } from "./errors";

const COUNTRY_NAMES: Record<Country, string> = {
  TH: "Thai",
  SG: "Singapore",
  ID: "Indonesian",
  MY: "Malaysian",
  PH: "Philippine",
  VN: "Vietnamese",
};

export function supportedCountry(country: string): Country {
  if (!(COUNTRIES as readonly string[]).includes(country)) {
    throw new ApiError(
      "unsupported_country",
      `We do not serve ${country} yet. Choose one of ${COUNTRIES.join(", ")}.`,
      {
        errors: [{ path: "country", message: `Supported: ${COUNTRIES.join(", ")}` }],
      },
    );
  }
  return country as Country;
}

/** "a Thai mobile number such as 081 234 5678 or +66 81 234 5678": for field messages. */
export function phoneFormatHint(country: Country): string {
  const example = getExampleNumber(country, examples);
  const sample = example ? ` such as ${example.formatNational()} or ${example.formatInternational()}` : "";
  return `a ${COUNTRY_NAMES[country]} mobile number${sample}`;
}

/**
 * The 422 for a number that is not one of `country`'s: one whole sentence (translated into the
 * caller's language) showing the country's format with an example, national and international.
 */
function invalidPhone(country: Country, path: string): ApiError {
  const example = getExampleNumber(country, examples);
  const national = example?.formatNational();
  const international = example?.formatInternational();
  return new ApiError(
    "invalid_phone",
    national && international
      ? `That is not a valid phone number for ${country}. Enter a mobile number of ${country} such as ${national} or ${international}.`
      : `That is not a valid phone number for ${country}. Enter a mobile number of ${country}.`,
    { errors: [{ path, message: `Expected ${phoneFormatHint(country)}` }] },
  );
}

/**
 * A mobile number of `country`, given locally or in E.164, as E.164. Anything else is a 422
 * `invalid_phone` whose detail shows the country's format with an example.
 */
export function mobileNumber(input: string, country: Country, path = "phone"): string {
  const parsed = parsePhoneNumberFromString(input, country);
  const type = parsed?.getType();
  const ok =
    parsed?.isValid() &&
    parsed.country === country &&
    (type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE" || type === undefined);
  if (!parsed || !ok) {
    throw invalidPhone(country, path);
  }
  return parsed.number;
}

/** Any valid number of the country (mobile or landline), E.164: for delivery contacts. */
export function contactNumber(input: string, country: Country, path = "phone"): string {
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isValid() || parsed.country !== country) {
    throw invalidPhone(country, path);
  }
  return parsed.number;
}
