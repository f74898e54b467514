import { z } from "zod";
import { CURRENCY_CODES } from "../../schemas/platform";
import { type Currency, fromMajor } from "./money";

/**
 * The wallet limits' part of config.ts (kept apart so that file stays readable): one variable per
 * currency, WALLET_LIMITS_<CURRENCY> = "basic:perTransfer,daily,maxBalance;verified:perTransfer,daily,maxBalance",
 * amounts in major units (baht, dollars, whole rupiah and dong) because that is how compliance
 * writes them. docs/wallet.md gives each default and where it comes from.
 */

export type KycLevel = "basic" | "verified";

/** One KYC level's limits in one currency, in minor units. */
export interface WalletLimit {
  perTransfer: number;
  /** Sent in any 24 hours (rolling, so no time zone decides when a day ends). */
  daily: number;
  maxBalance: number;
}

export type WalletLimits = Record<Currency, Record<KycLevel, WalletLimit>>;

const AMOUNT = "[1-9]\\d{0,14}(?:\\.\\d{1,2})?";
const TRIPLE = `${AMOUNT},${AMOUNT},${AMOUNT}`;
const FORMAT = new RegExp(`^basic:${TRIPLE};verified:${TRIPLE}$`);

function limitOf(currency: Currency, triple: string): WalletLimit {
  const [perTransfer, daily, maxBalance] = triple.split(",").map((major) => fromMajor(major, currency)?.amount ?? 0);
  return { perTransfer, daily, maxBalance };
}

const walletLimit = (currency: Currency, fallback: string) =>
  z
    .string()
    .trim()
    .regex(FORMAT, "wallet limits are 'basic:perTransfer,daily,maxBalance;verified:perTransfer,daily,maxBalance'")
    .refine(
      (v) =>
        v
          .replace(/^basic:|verified:/g, "")
          .split(/[;,]/)
          .every((major) => (fromMajor(major, currency)?.amount ?? 0) > 0),
      `each amount must be a positive ${currency} amount in major units`,
    )
    .default(fallback)
    .transform((v): Record<KycLevel, WalletLimit> => {
      const [basic, verified] = v.split(";").map((part) => part.slice(part.indexOf(":") + 1));
      return { basic: limitOf(currency, basic), verified: limitOf(currency, verified) };
    })
    .describe('"basic:perTransfer,daily,maxBalance;verified:perTransfer,daily,maxBalance" in major units');

/** The production defaults (docs/wallet.md says where each comes from). */
export const WALLET_LIMIT_DEFAULTS: Record<Currency, string> = {
  THB: "basic:5000,20000,50000;verified:50000,200000,200000",
  SGD: "basic:500,1000,1000;verified:5000,5000,5000",
  IDR: "basic:1000000,2000000,2000000;verified:10000000,20000000,10000000",
  MYR: "basic:500,1500,1500;verified:3000,5000,5000",
  PHP: "basic:10000,50000,100000;verified:50000,100000,500000",
  VND: "basic:5000000,20000000,20000000;verified:50000000,100000000,100000000",
  USD: "basic:500,1000,2000;verified:5000,10000,10000",
};

export const WALLET_LIMIT_VARS = {
  WALLET_LIMITS_THB: walletLimit("THB", WALLET_LIMIT_DEFAULTS.THB),
  WALLET_LIMITS_SGD: walletLimit("SGD", WALLET_LIMIT_DEFAULTS.SGD),
  WALLET_LIMITS_IDR: walletLimit("IDR", WALLET_LIMIT_DEFAULTS.IDR),
  WALLET_LIMITS_MYR: walletLimit("MYR", WALLET_LIMIT_DEFAULTS.MYR),
  WALLET_LIMITS_PHP: walletLimit("PHP", WALLET_LIMIT_DEFAULTS.PHP),
  WALLET_LIMITS_VND: walletLimit("VND", WALLET_LIMIT_DEFAULTS.VND),
  WALLET_LIMITS_USD: walletLimit("USD", WALLET_LIMIT_DEFAULTS.USD),
};

type Parsed = { [K in keyof typeof WALLET_LIMIT_VARS]: Record<KycLevel, WalletLimit> };

export function walletLimits(raw: Parsed): WalletLimits {
  return Object.fromEntries(
    CURRENCY_CODES.map((currency) => [currency, raw[`WALLET_LIMITS_${currency}`]]),
  ) as WalletLimits;
}
