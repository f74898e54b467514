import { z } from "zod";
import { CURRENCY_CODES } from "../../schemas/platform";
import { CURRENCIES, type Currency, fromMajor } from "./money";

/**
 * The logistics part of config.ts (docs/logistics.md): which couriers are on, how long their calls
 * and rate quotes may take and live, when a silent shipment is polled, and where and up to what
 * amount cash on delivery is allowed.
 */
export interface LogisticsConfig {
  /** Real couriers switched on (their credentials are secrets: NINJAVAN_CLIENT_ID, NINJAVAN_CLIENT_SECRET, BITESHIP_API_KEY, BITESHIP_WEBHOOK_SECRET, FLASH_MCH_ID, FLASH_SECRET_KEY...). */
  couriers: string[];
  /** The sandbox courier (books at once, simulate endpoint); never in production. */
  sandbox: boolean;
  /** POST /shipping/rates asks the couriers for live prices (else the rate cards alone). */
  liveRates: boolean;
  /** A courier call (rates, booking, tracking) that takes longer is given up. */
  timeoutMs: number;
  /** How long a courier's live rate quote is reused. */
  ratesCacheSeconds: number;
  /** A live shipment whose courier said nothing this long is polled by the cron. */
  pollAfterMs: number;
  /** How long the checkout charges a courier's live price shown by POST /shipping/rates (then the card's again). */
  quoteHoldSeconds: number;
  /** Ninja Van's API origin (sandbox or production); the country code follows it. */
  ninjavanBaseUrl: string;
  /** GHN's API origin (dev-online-gateway or online-gateway.ghn.vn); its secrets are GHN_TOKEN, GHN_SHOP_ID, GHN_WEBHOOK_SECRET. */
  ghnBaseUrl: string;
  /** Biteship's API origin (one for both: a biteship_test.* key is its sandbox). */
  biteshipBaseUrl: string;
  /** Flash Express's Open API origin (open-api-tra training, open-api production); its secrets are FLASH_MCH_ID, FLASH_SECRET_KEY. */
  flashBaseUrl: string;
  /** The header Biteship's webhooks carry the secret in (named with the webhook in Biteship's dashboard). */
  biteshipWebhookHeader: string;
  /** Countries where cash on delivery is offered at all. */
  codCountries: string[];
  /** The largest order total per currency paid by cash on delivery (minor units); a currency left out allows none. */
  codMaxAmount: Partial<Record<Currency, number>>;
}

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(`an integer from ${min} to ${max}`);

/** The production default of COD_MAX_AMOUNT, in major units. */
export const COD_MAX_AMOUNT_DEFAULT = "THB:10000,SGD:500,IDR:5000000,MYR:1500,PHP:20000,VND:10000000";

const ENTRY = /^(THB|SGD|IDR|MYR|PHP|VND|USD):(\d{1,12}(?:\.\d{1,2})?)$/;

function parseAmounts(text: string): Partial<Record<Currency, number>> | undefined {
  const out: Partial<Record<Currency, number>> = {};
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const match = ENTRY.exec(part);
    if (!match || !(CURRENCY_CODES as readonly string[]).includes(match[1])) return undefined;
    const currency = match[1] as Currency;
    const amount = fromMajor(match[2], currency)?.amount;
    if (amount === undefined || amount % CURRENCIES[currency].step !== 0) return undefined;
    out[currency] = amount;
  }
  return out;
}

const list = (fallback: string, pattern: RegExp, what: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((items) => items.every((i) => pattern.test(i)))
    .describe(what);

export const LOGISTICS_VARS = {
  COURIERS: list(
    "ninjavan",
    /^(ninjavan|biteship|ghn|flash)$/,
    'a comma-separated list of couriers, e.g. "ninjavan,biteship,ghn,flash"',
  ),
  COURIER_SANDBOX: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe('"true" or "false"'),
  COURIER_LIVE_RATES: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe('"true" or "false"'),
  COURIER_TIMEOUT_MS: int(4000, 100, 30_000),
  COURIER_RATES_CACHE_SECONDS: int(300, 0, 86_400),
  TRACKING_POLL_AFTER_SECONDS: int(21_600, 60, 604_800),
  SHIPPING_QUOTE_HOLD_SECONDS: int(1800, 0, 86_400),
  NINJAVAN_BASE_URL: z.string().url().default("https://api.ninjavan.co").describe("an absolute URL"),
  GHN_BASE_URL: z.string().url().default("https://online-gateway.ghn.vn").describe("an absolute URL"),
  BITESHIP_BASE_URL: z.string().url().default("https://api.biteship.com").describe("an absolute URL"),
  FLASH_BASE_URL: z.string().url().default("https://open-api.flashexpress.com").describe("an absolute URL"),
  BITESHIP_WEBHOOK_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .default("X-Biteship-Webhook-Secret")
    .describe("an HTTP header name, e.g. X-Biteship-Webhook-Secret"),
  COD_COUNTRIES: list("TH,ID,MY,PH,VN", /^(TH|SG|ID|MY|PH|VN)$/, 'a list of countries like "ID,VN,PH"'),
  COD_MAX_AMOUNT: z
    .string()
    .default(COD_MAX_AMOUNT_DEFAULT)
    .refine((v) => parseAmounts(v) !== undefined)
    .transform((v) => parseAmounts(v) as Partial<Record<Currency, number>>)
    .describe('"IDR:5000000,VND:10000000,..." in major units, each on its currency\'s step'),
};

type Parsed = { [K in keyof typeof LOGISTICS_VARS]: z.output<(typeof LOGISTICS_VARS)[K]> };

export function logisticsConfig(raw: Parsed & { ENVIRONMENT: string }): LogisticsConfig {
  return {
    couriers: raw.COURIERS,
    sandbox: raw.COURIER_SANDBOX && raw.ENVIRONMENT !== "production",
    liveRates: raw.COURIER_LIVE_RATES,
    timeoutMs: raw.COURIER_TIMEOUT_MS,
    ratesCacheSeconds: raw.COURIER_RATES_CACHE_SECONDS,
    pollAfterMs: raw.TRACKING_POLL_AFTER_SECONDS * 1000,
    quoteHoldSeconds: raw.SHIPPING_QUOTE_HOLD_SECONDS,
    ninjavanBaseUrl: raw.NINJAVAN_BASE_URL,
    ghnBaseUrl: raw.GHN_BASE_URL,
    biteshipBaseUrl: raw.BITESHIP_BASE_URL,
    flashBaseUrl: raw.FLASH_BASE_URL,
    biteshipWebhookHeader: raw.BITESHIP_WEBHOOK_HEADER,
    codCountries: raw.COD_COUNTRIES,
    codMaxAmount: raw.COD_MAX_AMOUNT,
  };
}
