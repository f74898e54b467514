import type { CURRENCY_CODES } from "../../schemas/platform";
import { numberFormat } from "./intl";

export type Currency = (typeof CURRENCY_CODES)[number];

/** The one Money type: an integer count of the currency's ISO 4217 minor unit. */
export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

/**
 * Per-currency facts and rounding policy. `step` is the smallest amount we ever charge, in minor
 * units: IDR has 2 decimals in ISO 4217 but rupiah are whole in practice, so IDR amounts are
 * multiples of 100; VND has no minor unit at all. Every rounding is half away from zero, to a step.
 */
export const CURRENCIES: Record<Currency, { exponent: number; step: number }> = {
  THB: { exponent: 2, step: 1 },
  SGD: { exponent: 2, step: 1 },
  IDR: { exponent: 2, step: 100 },
  MYR: { exponent: 2, step: 1 },
  PHP: { exponent: 2, step: 1 },
  VND: { exponent: 0, step: 1 },
  USD: { exponent: 2, step: 1 },
};

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`Money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
}

export const zero = (currency: Currency): Money => money(0, currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: Currency): Money {
  return items.reduce((total, m) => add(total, m), zero(currency));
}

/** The smallest of some amounts of one currency. */
export function minimum(first: Money, ...others: readonly Money[]): Money {
  return others.reduce((least, m) => {
    sameCurrency(least, m);
    return m.amount < least.amount ? m : least;
  }, first);
}

export function multiply(m: Money, quantity: number): Money {
  if (!Number.isInteger(quantity)) throw new MoneyError(`Quantity must be an integer, got ${quantity}`);
  return money(m.amount * quantity, m.currency);
}

/** round(a * num / den) half away from zero, exact for any safe-integer inputs. */
function mulDivRound(a: bigint, num: bigint, den: bigint): bigint {
  const product = a * num;
  const negative = product < 0n !== den < 0n;
  const absP = product < 0n ? -product : product;
  const absD = den < 0n ? -den : den;
  const q = (absP + absD / 2n) / absD;
  return negative ? -q : q;
}

/** Rounds minor units to the currency's step (e.g. whole rupiah for IDR), half away from zero, in one rounding. */
export function roundToStep(amount: number, currency: Currency): number {
  const { step } = CURRENCIES[currency];
  const steps = Math.round(Math.abs(amount) / step);
  return amount < 0 ? 0 - steps * step : steps * step;
}

/** A share of an amount in basis points (700 = 7%), rounded once by the currency's policy. */
export function percentage(m: Money, basisPoints: number): Money {
  if (!Number.isInteger(basisPoints)) throw new MoneyError("Basis points must be an integer");
  const { step } = CURRENCIES[m.currency];
  const steps = mulDivRound(BigInt(m.amount), BigInt(basisPoints), 10_000n * BigInt(step));
  return money(Number(steps) * step, m.currency);
}

/**
 * Splits an amount across weights (e.g. an order discount across its lines) so the parts are
 * whole steps and add up exactly to the total: largest remainders get the leftover steps.
 */
export function allocate(m: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  const { step } = CURRENCIES[m.currency];
  if (m.amount % step !== 0) throw new MoneyError(`${m.currency} amount ${m.amount} is not a multiple of ${step}`);
  const totalWeight = weights.reduce((a, w) => a + w, 0);
  if (totalWeight <= 0 || weights.some((w) => w < 0 || !Number.isSafeInteger(w)))
    throw new MoneyError("Weights must be non-negative integers with a positive sum");
  // Split the magnitude and negate, so negative amounts (refunds) add up exactly too.
  if (m.amount < 0) return allocate(money(-m.amount, m.currency), weights).map((p) => money(0 - p.amount, m.currency));
  const totalSteps = BigInt(m.amount / step);
  const w = weights.map((x) => BigInt(x));
  const wSum = w.reduce((a, x) => a + x, 0n);
  const base = w.map((x) => (totalSteps * x) / wSum);
  const remainders = w.map((x, i) => ({ i, r: totalSteps * x - base[i] * wSum }));
  let left = totalSteps - base.reduce((a, x) => a + x, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    base[i] += 1n;
    left -= 1n;
  }
  return base.map((steps) => money(Number(steps) * step, m.currency));
}

/** A quoted exchange rate: the only way money changes currency. `rate` is a decimal string. */
export interface RateQuote {
  from: Currency;
  to: Currency;
  rate: string;
  quotedAt: string;
}

/**
 * `m` at a quoted rate, on the target currency's step: rounded half away from zero, or with
 * `"down"` toward zero (FX conversions: the customer is never paid a fraction the rate does not cover).
 */
export function convert(m: Money, quote: RateQuote, rounding: "half_away" | "down" = "half_away"): Money {
  if (m.currency !== quote.from) throw new MoneyError(`Quote is for ${quote.from}, money is ${m.currency}`);
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(quote.rate);
  if (!match) throw new MoneyError(`Invalid rate ${quote.rate}`);
  const fraction = match[2] ?? "";
  const rateNum = BigInt(match[1] + fraction);
  const from = CURRENCIES[quote.from];
  const to = CURRENCIES[quote.to];
  // amount_to = amount_from * rate * 10^(to.exp - from.exp), then rounded to the target step.
  let num = rateNum;
  let den = 10n ** BigInt(fraction.length) * BigInt(to.step);
  const expDiff = to.exponent - from.exponent;
  if (expDiff >= 0) num *= 10n ** BigInt(expDiff);
  else den *= 10n ** BigInt(-expDiff);
  const steps = rounding === "down" ? (BigInt(m.amount) * num) / den : mulDivRound(BigInt(m.amount), num, den);
  return money(Number(steps) * to.step, quote.to);
}

// ------------------------------------------------------------------ major units

/*
 * The one place where major units (baht, rupiah, dong: what price lists, people and some gateways
 * write) and minor units (what Money holds) meet. Always exact: decimal text digit by digit, never
 * a float multiplied by 100.
 */

/**
 * Money as a decimal string in major units, exactly: 15000000 IDR → "150000.00", 129950 THB →
 * "1299.50", 250000 VND → "250000".
 */
export function toMajorString(m: Money): string {
  const { exponent } = CURRENCIES[m.currency];
  const negative = m.amount < 0;
  const digits = String(Math.abs(m.amount));
  if (exponent === 0) return `${negative ? "-" : ""}${digits}`;
  const padded = digits.padStart(exponent + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** Money in major units as a JSON number (gateways that take numbers); exact because its decimal text is exact. */
export function toMajorNumber(m: Money): number {
  return Number(toMajorString(m));
}

/**
 * An amount written in major units ("150000.00", 150000, 150.5) as Money in minor units, exactly:
 * the decimal text is parsed digit by digit, never multiplied as a float. Digits beyond the
 * currency's exponent must be zeros. Undefined when the value is not a plain decimal.
 */
export function fromMajor(value: unknown, currency: Currency): Money | undefined {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const { exponent } = CURRENCIES[currency];
  const fraction = match[3] ?? "";
  if (fraction.length > exponent && /[^0]/.test(fraction.slice(exponent))) return undefined;
  const minor = BigInt(match[2] + fraction.slice(0, exponent).padEnd(exponent, "0"));
  const signed = match[1] === "-" ? -minor : minor;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) return undefined;
  return money(Number(signed), currency);
}

/**
 * A price written in major units in our own code (a courier's rate card: Rp 11,000, ฿45.00, S$1.50)
 * as Money: exact and on the currency's step, or a MoneyError, so a mistyped price list fails when
 * it is loaded rather than at a checkout.
 */
export function minorUnits(currency: Currency, major: number): Money {
  const m = fromMajor(major, currency);
  if (!m) throw new MoneyError(`${major} is not an exact ${currency} amount`);
  const { step } = CURRENCIES[currency];
  if (m.amount % step !== 0) throw new MoneyError(`${currency} ${major} is not a whole number of ${step} minor units`);
  return m;
}

/**
 * Localized display, e.g. ฿1,299.00 (th-TH) or Rp 15.000 (id-ID: whole rupiah, no decimals). The
 * formatter is the isolate's (intl.ts): building one per amount was most of a payment's instructions.
 */
export function formatMoney(m: Money, locale: string): string {
  const { exponent, step } = CURRENCIES[m.currency];
  const shownDigits = step === 1 ? exponent : Math.max(0, exponent - Math.log10(step));
  return numberFormat(locale, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: shownDigits,
    maximumFractionDigits: shownDigits,
  }).format(m.amount / 10 ** exponent);
}
