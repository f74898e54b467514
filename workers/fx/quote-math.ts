import { CURRENCIES, type Currency, convert, type Money, MoneyError, money, percentage } from "../platform/money";
import { divideRates, formatRate, lessBasisPoints, parseRate } from "./decimal";

/*
 * The price of a conversion, as pure arithmetic (property-tested in test/fx/quote-math.test.ts):
 *   fee       = max(from × FX_FEE_BPS, FX_FEE_MIN of the source currency), on the source step;
 *   converted = from − fee (so from = converted + fee exactly: the fee is never lost to rounding);
 *   rate      = mid × (1 − FX_SPREAD_BPS), rounded down to 12 places;
 *   to        = converted × rate, rounded DOWN to the target currency's step (whole rupiah, whole
 *               dong), so the platform never pays out a fraction the rate does not cover.
 */

export interface PricingTerms {
  spreadBps: number;
  feeBps: number;
  /** Per source currency, minor units. */
  feeMin: Record<Currency, number>;
}

export interface Priced {
  ok: true;
  from: Money;
  to: Money;
  fee: Money;
  /** What was converted at `rate`: from − fee. */
  converted: Money;
  rate: string;
  midRate: string;
  spreadBps: number;
}

/** The amount is too small to convert: the fee takes all of it, or nothing reaches the target step. */
export interface TooSmall {
  ok: false;
  reason: "too_small";
  /** The fee this amount would carry (so the detail can say it). */
  fee: Money;
}

/** The converted amount would not fit a safe integer of the target's minor units. */
export interface TooLarge {
  ok: false;
  reason: "too_large";
}

/** Units of `to` per unit of `from`, from rates per US dollar (both decimal strings). */
export function midRateOf(fromPerUsd: string, toPerUsd: string): string {
  const from = parseRate(fromPerUsd);
  const to = parseRate(toPerUsd);
  if (!from || !to) throw new Error(`Invalid rates ${fromPerUsd} / ${toPerUsd}`);
  return formatRate(divideRates(to, from));
}

export function feeOf(from: Money, terms: PricingTerms): Money {
  const share = percentage(from, terms.feeBps);
  return money(Math.max(share.amount, terms.feeMin[from.currency]), from.currency);
}

export function priceConversion(
  from: Money,
  to: Currency,
  midRate: string,
  terms: PricingTerms,
): Priced | TooSmall | TooLarge {
  const mid = parseRate(midRate);
  if (mid === undefined) throw new Error(`Invalid mid rate ${midRate}`);
  if (from.amount <= 0 || from.amount % CURRENCIES[from.currency].step !== 0) {
    throw new Error(`${from.currency} ${from.amount} is not a positive amount on the currency's step`);
  }
  const fee = feeOf(from, terms);
  if (fee.amount >= from.amount) return { ok: false, reason: "too_small", fee };
  const converted = money(from.amount - fee.amount, from.currency);
  const rate = formatRate(lessBasisPoints(mid, terms.spreadBps));
  let out: Money;
  try {
    out = convert(converted, { from: from.currency, to, rate, quotedAt: "" }, "down");
  } catch (err) {
    // Billions of dollars in dong pass a safe integer: an input to refuse (422), never a crash.
    if (err instanceof MoneyError) return { ok: false, reason: "too_large" };
    throw err;
  }
  if (out.amount <= 0) return { ok: false, reason: "too_small", fee };
  return { ok: true, from, to: out, fee, converted, rate, midRate, spreadBps: terms.spreadBps };
}
