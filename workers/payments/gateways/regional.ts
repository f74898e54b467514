import type { Currency } from "../../platform/money";

// Stripe's regional payment methods for Singapore and Malaysia (PayNow, FPX, GrabPay): where each
// may be used, and the FPX banks. The Stripe gateway and the sandbox (which stands in for it)
// both judge a request by these rules, so a developer meets locally the 422 production would give.

/** The regional methods, each with the only currencies its scheme settles in (Stripe's docs). */
export const REGIONAL_METHOD_CURRENCIES = {
  /** PayNow: Singapore's real-time transfer scheme, paid by scanning a single-use QR code. SGD only. */
  paynow: ["SGD"],
  /** FPX: Malaysian online banking; the payer is sent to their bank's page. MYR only. */
  fpx: ["MYR"],
  /** GrabPay: Grab's wallet, a redirect and a one-time password. Singapore (SGD) and Malaysia (MYR). */
  grabpay: ["SGD", "MYR"],
} as const satisfies Record<string, readonly Currency[]>;

export type RegionalMethod = keyof typeof REGIONAL_METHOD_CURRENCIES;

export function isRegionalMethod(method: string): method is RegionalMethod {
  return Object.hasOwn(REGIONAL_METHOD_CURRENCIES, method);
}

/** Whether a regional method may be used in `currency` (every other method: not judged here). */
export function regionalCurrencyAllowed(method: RegionalMethod, currency: string): boolean {
  return (REGIONAL_METHOD_CURRENCIES[method] as readonly string[]).includes(currency);
}

export interface FpxBank {
  /** Stripe's code, sent as payment_method_data[fpx][bank]. */
  code: string;
  /** The name the payer knows it by. */
  name: string;
  /** Business (B2B) online banking only: paid from a company account (account_holder_type=company). */
  business?: true;
}

/**
 * The FPX banks of Stripe's `payment_method_data[fpx][bank]` enum, for the API version this
 * project pins (2026-10-28: it includes bnp_paribas, citibank and mbsb_bank, added 2026-07-29).
 * Stripe refuses any other code, so we refuse it first, naming the choices.
 */
export const FPX_BANKS: readonly FpxBank[] = [
  { code: "affin_bank", name: "Affin Bank" },
  { code: "agrobank", name: "AGRONet" },
  { code: "alliance_bank", name: "Alliance Bank (Personal)" },
  { code: "ambank", name: "AmBank" },
  { code: "bank_islam", name: "Bank Islam" },
  { code: "bank_muamalat", name: "Bank Muamalat" },
  { code: "bank_of_china", name: "Bank of China" },
  { code: "bank_rakyat", name: "Bank Rakyat" },
  { code: "bsn", name: "BSN" },
  { code: "cimb", name: "CIMB Clicks" },
  { code: "hong_leong_bank", name: "Hong Leong Bank" },
  { code: "hsbc", name: "HSBC Bank" },
  { code: "kfh", name: "KFH" },
  { code: "maybank2u", name: "Maybank2u" },
  { code: "mbsb_bank", name: "MBSB Bank" },
  { code: "ocbc", name: "OCBC Bank" },
  { code: "public_bank", name: "Public Bank" },
  { code: "rhb", name: "RHB Bank" },
  { code: "standard_chartered", name: "Standard Chartered" },
  { code: "uob", name: "UOB Bank" },
  { code: "bnp_paribas", name: "BNP Paribas", business: true },
  { code: "citibank", name: "Citibank", business: true },
  { code: "deutsche_bank", name: "Deutsche Bank", business: true },
  { code: "maybank2e", name: "Maybank2E", business: true },
  { code: "pb_enterprise", name: "PB Enterprise", business: true },
];

export function fpxBank(code: string | undefined): FpxBank | undefined {
  return code === undefined ? undefined : FPX_BANKS.find((bank) => bank.code === code);
}

/**
 * Why a request for `method` cannot be sent as it is (a regional method outside its currency; FPX
 * without a known bank; a bank on another method), in plain words for a GatewayError; undefined
 * when it can. The domain refuses the same requests earlier with localized problems (method-input.ts).
 */
export function methodInputError(method: string, currency: string, bank?: string): string | undefined {
  if (isRegionalMethod(method) && !regionalCurrencyAllowed(method, currency)) {
    return `${method} takes only ${REGIONAL_METHOD_CURRENCIES[method].join(" or ")}, not ${currency}`;
  }
  if (method !== "fpx") return bank === undefined ? undefined : `only fpx takes a bank, not ${method}`;
  if (bank === undefined) return "fpx needs the payer's bank";
  return fpxBank(bank) ? undefined : "unknown FPX bank";
}
