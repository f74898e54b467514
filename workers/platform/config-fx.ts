import { z } from "zod";
import { CURRENCY_CODES } from "../../schemas/platform";
import { CURRENCIES, type Currency, fromMajor } from "./money";

/**
 * The FX part of config.ts (kept apart so that file stays readable): which rates provider, how
 * often the cron refreshes, how old rates may be before quotes are refused, the spread and fee,
 * and how long a quote stays valid. docs/fx.md explains each.
 */

export type FxProviderName = "openexchangerates" | "fixed";

export interface FxConfig {
  provider: FxProviderName;
  /** The cron asks the provider again once the latest rates are this old. */
  refreshMs: number;
  /** Rates older than this refuse quotes (409 rates_unavailable). */
  maxAgeMs: number;
  /** The platform's margin under the mid rate, in basis points. */
  spreadBps: number;
  /** The fee as a share of the converted amount, in basis points, never less than `feeMin`. */
  feeBps: number;
  /** The smallest fee per source currency, in minor units (on the currency's step). */
  feeMin: Record<Currency, number>;
  /** How long a quote may be used (CONTRACT: at least 30 s). */
  quoteTtlMs: number;
}

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`an integer from ${min} to ${max}`);

/** The production default of FX_FEE_MIN: about 10 US cents in each currency, on its step. */
export const FX_FEE_MIN_DEFAULT = "THB:3,SGD:0.15,IDR:1500,MYR:0.5,PHP:5,VND:2500,USD:0.1";

const ENTRY = /^(THB|SGD|IDR|MYR|PHP|VND|USD):(\d{1,12}(?:\.\d{1,2})?)$/;

/** "THB:3,SGD:0.15,..." (major units) → minor units per currency; a currency left out has no minimum. */
function parseFeeMin(text: string): Record<Currency, number> | undefined {
  const out = Object.fromEntries(CURRENCY_CODES.map((c) => [c, 0])) as Record<Currency, number>;
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const match = ENTRY.exec(part);
    if (!match) return undefined;
    const currency = match[1] as Currency;
    const amount = fromMajor(match[2], currency)?.amount;
    if (amount === undefined || amount % CURRENCIES[currency].step !== 0) return undefined;
    out[currency] = amount;
  }
  return out;
}

export const FX_VARS = {
  FX_PROVIDER: z
    .enum(["openexchangerates", "fixed"])
    .default("openexchangerates")
    .describe('"openexchangerates" or "fixed"'),
  FX_REFRESH_SECONDS: int(3600, 60, 86_400),
  FX_RATES_MAX_AGE_SECONDS: int(10_800, 300, 604_800),
  FX_SPREAD_BPS: int(50, 0, 1000),
  FX_FEE_BPS: int(50, 0, 1000),
  FX_FEE_MIN: z
    .string()
    .default(FX_FEE_MIN_DEFAULT)
    .refine((v) => parseFeeMin(v) !== undefined)
    .transform((v) => parseFeeMin(v) as Record<Currency, number>)
    .describe('"THB:3,SGD:0.15,..." in major units, each on its currency\'s step (whole rupiah and dong)'),
  FX_QUOTE_TTL_SECONDS: int(60, 30, 3600),
};

type Parsed = { [K in keyof typeof FX_VARS]: z.output<(typeof FX_VARS)[K]> };

export function fxConfig(raw: Parsed): FxConfig {
  return {
    provider: raw.FX_PROVIDER,
    refreshMs: raw.FX_REFRESH_SECONDS * 1000,
    maxAgeMs: raw.FX_RATES_MAX_AGE_SECONDS * 1000,
    spreadBps: raw.FX_SPREAD_BPS,
    feeBps: raw.FX_FEE_BPS,
    feeMin: raw.FX_FEE_MIN,
    quoteTtlMs: raw.FX_QUOTE_TTL_SECONDS * 1000,
  };
}
