import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "../../schemas/platform";
import { formatRate, lessBasisPoints, parseRate, RATE_UNIT, rateFromNumber } from "../../workers/fx/decimal";
import { feeOf, midRateOf, type PricingTerms, priceConversion } from "../../workers/fx/quote-math";
import { CURRENCIES, type Currency, money } from "../../workers/platform/money";

const currency = fc.constantFrom(...CURRENCY_CODES);
/** Units per US dollar, from 0.5 to 50,000, with up to 6 decimals (what providers publish). */
const perUsd = fc.integer({ min: 500_000, max: 50_000_000_000 }).map((micro) => formatRate(BigInt(micro) * 1_000_000n));
const terms: fc.Arbitrary<PricingTerms> = fc.record({
  spreadBps: fc.integer({ min: 0, max: 1000 }),
  feeBps: fc.integer({ min: 0, max: 1000 }),
  feeMin: fc
    .tuple(...CURRENCY_CODES.map(() => fc.integer({ min: 0, max: 50 })))
    .map((mins) => Object.fromEntries(CURRENCY_CODES.map((c, i) => [c, mins[i] * CURRENCIES[c].step]))) as fc.Arbitrary<
    Record<Currency, number>
  >,
});

/** Exact rational value of `converted × rate` in the target's minor units, as numerator / denominator. */
function exactTarget(convertedMinor: number, from: Currency, to: Currency, rate: string): [bigint, bigint] {
  const r = parseRate(rate) as bigint;
  const shift = CURRENCIES[to].exponent - CURRENCIES[from].exponent;
  const num = BigInt(convertedMinor) * r * 10n ** BigInt(Math.max(0, shift));
  const den = RATE_UNIT * 10n ** BigInt(Math.max(0, -shift));
  return [num, den];
}

const lessSpread = (mid: string, bps: number) => formatRate(lessBasisPoints(parseRate(mid) as bigint, bps));

describe("quote math (property tests)", () => {
  it("from = converted + fee exactly; every amount is on its currency's step; to is rounded down by less than one step", () => {
    fc.assert(
      fc.property(
        fc.tuple(currency, currency).filter(([a, b]) => a !== b),
        perUsd,
        perUsd,
        terms,
        fc.nat(),
        ([from, to], fromPerUsd, toPerUsd, t, seed) => {
          const amount = (seed % 10_000_000_000) * CURRENCIES[from].step + CURRENCIES[from].step;
          const mid = midRateOf(fromPerUsd, toPerUsd);
          const priced = priceConversion(money(amount, from), to, mid, t);
          if (!priced.ok) {
            const fee = feeOf(money(amount, from), t).amount;
            const [num, den] = exactTarget(amount - fee, from, to, lessSpread(mid, t.spreadBps));
            if (priced.reason === "too_large") expect(num / den > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
            // Too small: the fee takes it all, or less than one step of the target comes out.
            else expect(fee >= amount || num / den < BigInt(CURRENCIES[to].step)).toBe(true);
            return;
          }
          expect(priced.converted.amount + priced.fee.amount).toBe(amount);
          expect(priced.fee.amount).toBeGreaterThanOrEqual(0);
          expect(priced.fee.amount % CURRENCIES[from].step).toBe(0);
          expect(priced.to.amount % CURRENCIES[to].step).toBe(0);
          expect(priced.to.amount).toBeGreaterThan(0);
          const [num, den] = exactTarget(priced.converted.amount, from, to, priced.rate);
          const paid = BigInt(priced.to.amount) * den;
          // Never more than the rate covers, and short of it by less than one step of the target.
          expect(paid <= num).toBe(true);
          expect(num - paid < BigInt(CURRENCIES[to].step) * den).toBe(true);
          // The customer's rate is the mid rate less the spread, never above it.
          expect((parseRate(priced.rate) as bigint) <= (parseRate(mid) as bigint)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the fee is the larger of the share and the currency's minimum", () => {
    fc.assert(
      fc.property(currency, terms, fc.nat(), (c, t, seed) => {
        const amount = (seed % 1_000_000_000) * CURRENCIES[c].step + CURRENCIES[c].step;
        const fee = feeOf(money(amount, c), t);
        expect(fee.amount).toBeGreaterThanOrEqual(t.feeMin[c]);
        expect(fee.amount).toBeGreaterThanOrEqual(
          Math.floor((amount * t.feeBps) / 10_000 / CURRENCIES[c].step) * CURRENCIES[c].step,
        );
      }),
    );
  });

  it("a bigger amount never gets less (monotone), at one rate", () => {
    fc.assert(
      fc.property(
        fc.tuple(currency, currency).filter(([a, b]) => a !== b),
        perUsd,
        perUsd,
        terms,
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        ([from, to], a, b, t, n, extra) => {
          const step = CURRENCIES[from].step;
          const mid = midRateOf(a, b);
          const noMin = { ...t, feeMin: { ...t.feeMin, [from]: 0 } };
          const small = priceConversion(money(n * step, from), to, mid, noMin);
          const big = priceConversion(money((n + extra) * step, from), to, mid, noMin);
          if (small.ok && big.ok) expect(big.to.amount).toBeGreaterThanOrEqual(small.to.amount - CURRENCIES[to].step);
        },
      ),
    );
  });

  it("worked example: 1,000.00 THB to IDR at the recorded rates, whole rupiah, rounded down", () => {
    const mid = midRateOf("31.2785", "13762.313762");
    expect(mid).toBe("439.992766980514"); // 13762.313762 / 31.2785, to 12 places
    const priced = priceConversion(money(100_000, "THB"), "IDR", mid, {
      spreadBps: 50,
      feeBps: 50,
      feeMin: { THB: 300, SGD: 15, IDR: 150_000, MYR: 50, PHP: 500, VND: 2500, USD: 10 },
    });
    if (!priced.ok) throw new Error("priced");
    expect(priced.fee).toEqual(money(500, "THB"));
    expect(priced.converted).toEqual(money(99_500, "THB"));
    expect(priced.rate).toBe("437.792803145611"); // mid less 0.5 %, rounded down
    // 995.00 × 437.792803145611 = 435,603.84 rupiah → 435,603 whole rupiah = 43,560,300 minor units.
    expect(priced.to).toEqual(money(43_560_300, "IDR"));
  });

  it("VND (no minor unit) to USD: cents rounded down; a fee that takes everything is refused", () => {
    const mid = midRateOf("22785.432006", "1");
    const t: PricingTerms = {
      spreadBps: 50,
      feeBps: 50,
      feeMin: { THB: 300, SGD: 15, IDR: 150_000, MYR: 50, PHP: 500, VND: 2500, USD: 10 },
    };
    const priced = priceConversion(money(1_000_000, "VND"), "USD", mid, t);
    if (!priced.ok) throw new Error("priced");
    expect(priced.fee).toEqual(money(5000, "VND"));
    expect(priced.to.amount).toBe(4_344); // 995,000 dong × 0.000043668252 = 43.449 dollars → 43.44
    expect(priceConversion(money(2500, "VND"), "USD", mid, t)).toMatchObject({ ok: false, reason: "too_small" });
  });

  it("reads provider numbers as their exact decimal text", () => {
    expect(rateFromNumber(13762.313762)).toBe("13762.313762");
    expect(rateFromNumber(1)).toBe("1");
    expect(rateFromNumber(0)).toBeUndefined();
    expect(rateFromNumber(-3)).toBeUndefined();
    expect(rateFromNumber("31.2")).toBeUndefined();
    expect(rateFromNumber(Number.NaN)).toBeUndefined();
    expect(formatRate(parseRate("0.000043888") as bigint)).toBe("0.000043888");
  });
});
