/*
 * Exchange rates as exact decimals: a rate is text ("35.1234") on the wire and in storage, and a
 * bigint of 10^-12 units in arithmetic, never a float (a float would make 0.1 + 0.2 of a rate).
 * Twelve places keep even the smallest cross rate of the platform (US dollars per dong, about
 * 0.00004) to eight significant digits, and `convert` in platform/money reads up to twelve.
 */

export const RATE_PLACES = 12;
export const RATE_UNIT = 10n ** BigInt(RATE_PLACES);

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

/** "35.12" → 35_120_000_000_000n; undefined unless a plain non-negative decimal of ≤ 12 places. */
export function parseRate(text: string): bigint | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  return BigInt(match[1]) * RATE_UNIT + BigInt((match[2] ?? "").padEnd(RATE_PLACES, "0"));
}

/** The shortest decimal text of a scaled rate: 35_120_000_000_000n → "35.12". */
export function formatRate(scaled: bigint): string {
  const whole = scaled / RATE_UNIT;
  const fraction = (scaled % RATE_UNIT).toString().padStart(RATE_PLACES, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * A provider's JSON number as a rate: its shortest round-trip text (what the provider wrote, for
 * any figure it sends), cut to twelve places. Undefined for anything but a positive finite number.
 */
export function rateFromNumber(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return undefined;
  const text = String(value);
  if (/e/i.test(text)) return undefined;
  const [whole, fraction = ""] = text.split(".");
  const cut = fraction.slice(0, RATE_PLACES).replace(/0+$/, "");
  const rate = cut ? `${whole}.${cut}` : whole;
  return (parseRate(rate) ?? 0n) > 0n ? rate : undefined;
}

/** `a / b` for scaled rates, rounded half up to twelve places (both positive). */
export function divideRates(a: bigint, b: bigint): bigint {
  return (a * RATE_UNIT * 2n + b) / (2n * b);
}

/** `rate * (10000 - bps) / 10000`, rounded down: a margin taken off never rounds in the customer's favour. */
export function lessBasisPoints(rate: bigint, bps: number): bigint {
  return (rate * BigInt(10_000 - bps)) / 10_000n;
}
