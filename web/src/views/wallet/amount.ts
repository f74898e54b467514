import { minorDigits } from "../../format";

// What a person types as an amount ("1,250.50", "1.250,50", "15 000") into the API's Money
// (integer minor units, CONTRACT.md), never through a float sum. IDR and VND are whole units by
// the rounding policy, so a separator there can only group thousands.

const WHOLE_UNITS = new Set(["IDR", "VND"]);

/** Digits allowed after the decimal separator for `currency` as typed by a person. */
export function typedDecimals(currency: string): number {
  return WHOLE_UNITS.has(currency) ? 0 : minorDigits(currency);
}

/**
 * The amount in minor units, or null when the text is not a positive amount in that currency
 * (letters, too many decimals, zero). The last "." or "," followed by at most the currency's
 * decimals is the decimal separator; every other separator groups thousands.
 */
export function parseAmount(text: string, currency: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  const decimals = typedDecimals(currency);
  const last = Math.max(compact.lastIndexOf("."), compact.lastIndexOf(","));
  const tail = last >= 0 ? compact.slice(last + 1) : "";
  // A separator followed by three digits groups thousands ("1,250"): no currency has three decimals.
  const hasFraction = last >= 0 && decimals > 0 && tail.length <= decimals;
  const whole = hasFraction ? compact.slice(0, last) : compact;
  const fraction = hasFraction ? tail : "";
  if (!/^([0-9]+|[0-9]{1,3}([.,][0-9]{3})+)$/.test(whole) || !/^[0-9]*$/.test(fraction)) return null;
  const wholeDigits = whole.replace(/[.,]/g, "");
  if (wholeDigits.length > 13) return null;
  const scale = minorDigits(currency);
  const minor = Number(wholeDigits) * 10 ** scale + Number(fraction.padEnd(scale, "0") || "0");
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** The amount as a person would type it back into the field (no grouping, "." for decimals). */
export function typedAmount(minor: number, currency: string): string {
  const scale = minorDigits(currency);
  const shown = typedDecimals(currency);
  const major = Math.floor(minor / 10 ** scale);
  const rest = String(minor % 10 ** scale)
    .padStart(scale, "0")
    .slice(0, shown);
  return shown > 0 && /[1-9]/.test(rest) ? `${major}.${rest}` : String(major);
}
