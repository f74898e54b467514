import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "../../schemas/platform";
import {
  add,
  allocate,
  CURRENCIES,
  type Currency,
  convert,
  formatMoney,
  MoneyError,
  money,
  multiply,
  percentage,
  type RateQuote,
  roundToStep,
  subtract,
  sum,
} from "../../workers/platform/money";

const quote = (from: Currency, to: Currency, rate: string): RateQuote => ({
  from,
  to,
  rate,
  quotedAt: "2026-01-01T00:00:00.000Z",
});

/** Normalises the no-break spaces Intl puts between symbol and number. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const currencyArb = fc.constantFrom(...CURRENCY_CODES);

describe("Money basics", () => {
  it("adds, subtracts, multiplies and sums in one currency", () => {
    expect(add(money(1050, "THB"), money(250, "THB"))).toEqual({ amount: 1300, currency: "THB" });
    expect(subtract(money(1050, "THB"), money(2050, "THB"))).toEqual({ amount: -1000, currency: "THB" });
    expect(multiply(money(129900, "THB"), 3)).toEqual({ amount: 389700, currency: "THB" });
    expect(sum([money(100, "SGD"), money(250, "SGD"), money(1, "SGD")], "SGD")).toEqual({
      amount: 351,
      currency: "SGD",
    });
    expect(sum([], "VND")).toEqual({ amount: 0, currency: "VND" });
  });

  it("refuses to combine different currencies", () => {
    expect(() => add(money(100, "THB"), money(100, "USD"))).toThrow(MoneyError);
    expect(() => subtract(money(100, "IDR"), money(100, "VND"))).toThrow(MoneyError);
    expect(() => sum([money(100, "THB"), money(1, "SGD")], "THB")).toThrow(MoneyError);
  });

  it("property: add/subtract of different currencies always throws", () => {
    fc.assert(
      fc.property(
        currencyArb,
        currencyArb,
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (c1, c2, a, b) => {
          fc.pre(c1 !== c2);
          expect(() => add(money(a, c1), money(b, c2))).toThrow(MoneyError);
          expect(() => subtract(money(a, c1), money(b, c2))).toThrow(MoneyError);
        },
      ),
    );
  });

  it("only holds safe integers", () => {
    expect(() => money(1.5, "THB")).toThrow(MoneyError);
    expect(() => money(Number.NaN, "THB")).toThrow(MoneyError);
    expect(() => money(2 ** 53, "THB")).toThrow(MoneyError);
    expect(() => multiply(money(100, "THB"), 1.5)).toThrow(MoneyError);
  });
});

describe("rounding policy: half away from zero, to the currency's step", () => {
  it("percentage rounds satang/cents half away from zero", () => {
    expect(percentage(money(1005, "THB"), 5000)).toEqual({ amount: 503, currency: "THB" }); // 502.5 → 503
    expect(percentage(money(-1005, "THB"), 5000)).toEqual({ amount: -503, currency: "THB" }); // -502.5 → -503
    expect(percentage(money(1004, "THB"), 5000)).toEqual({ amount: 502, currency: "THB" });
    expect(percentage(money(129900, "THB"), 700)).toEqual({ amount: 9093, currency: "THB" }); // 7% VAT
    expect(percentage(money(999, "USD"), 1)).toEqual({ amount: 0, currency: "USD" }); // 0.0999 → 0
    expect(percentage(money(5000, "USD"), 1)).toEqual({ amount: 1, currency: "USD" }); // 0.5 → 1
  });

  it("IDR percentages are whole rupiah (multiples of 100 minor units)", () => {
    // 12,345 rupiah × 10% = 1,234.5 rupiah → 1,235 rupiah
    expect(percentage(money(1_234_500, "IDR"), 1000)).toEqual({ amount: 123_500, currency: "IDR" });
    expect(percentage(money(-1_234_500, "IDR"), 1000)).toEqual({ amount: -123_500, currency: "IDR" });
    // 15,000 rupiah × 11% = 1,650 rupiah exactly
    expect(percentage(money(1_500_000, "IDR"), 1100)).toEqual({ amount: 165_000, currency: "IDR" });
    // 99 rupiah × 0.5% = 0.495 rupiah → 0
    expect(percentage(money(9_900, "IDR"), 50)).toEqual({ amount: 0, currency: "IDR" });
  });

  it("VND percentages are whole dong", () => {
    expect(percentage(money(12_345, "VND"), 700)).toEqual({ amount: 864, currency: "VND" }); // 864.15
    expect(percentage(money(10, "VND"), 500)).toEqual({ amount: 1, currency: "VND" }); // 0.5 → 1
    expect(percentage(money(-10, "VND"), 500)).toEqual({ amount: -1, currency: "VND" }); // -0.5 → -1
  });

  it("property: percentage results are multiples of the step and within half a step of the exact value", () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (currency, rawAmount, bp) => {
          const { step } = CURRENCIES[currency];
          const amount = rawAmount - (rawAmount % step);
          const result = percentage(money(amount, currency), bp);
          expect(result.currency).toBe(currency);
          expect(Number.isSafeInteger(result.amount)).toBe(true);
          expect(Math.abs(result.amount % step)).toBe(0);
          // Compare exactly with bigints: |result*10000 - amount*bp| <= step*10000/2
          const diff = BigInt(result.amount) * 10_000n - BigInt(amount) * BigInt(bp);
          const abs = diff < 0n ? -diff : diff;
          expect(abs <= BigInt(step) * 5_000n).toBe(true);
          // Ties go away from zero: the result is never nearer zero than the exact value by a half step.
          if (abs === BigInt(step) * 5_000n) {
            expect(Math.abs(result.amount) * 10_000 > Math.abs(amount * bp)).toBe(true);
          }
        },
      ),
    );
  });

  it("roundToStep rounds to the step, half away from zero", () => {
    expect(roundToStep(150, "IDR")).toBe(200);
    expect(roundToStep(149, "IDR")).toBe(100);
    expect(roundToStep(-150, "IDR")).toBe(-200);
    expect(roundToStep(-149, "IDR")).toBe(-100);
    expect(roundToStep(50, "IDR")).toBe(100);
    expect(roundToStep(149.5, "IDR")).toBe(100);
    expect(roundToStep(1234, "THB")).toBe(1234);
    expect(roundToStep(2.5, "THB")).toBe(3);
    expect(roundToStep(-2.5, "THB")).toBe(-3);
    expect(roundToStep(-2.4, "VND")).toBe(-2);
    expect(roundToStep(-0.4, "VND")).toBe(0);
  });
});

describe("allocate", () => {
  it("splits so the parts add up exactly, leftovers to the largest remainders", () => {
    expect(allocate(money(100, "THB"), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    expect(allocate(money(1000, "USD"), [70, 30]).map((m) => m.amount)).toEqual([700, 300]);
    expect(allocate(money(1, "SGD"), [1, 1]).map((m) => m.amount)).toEqual([1, 0]);
    // 1,000 rupiah over three lines: whole rupiah each, 334 + 333 + 333
    expect(allocate(money(100_000, "IDR"), [1, 1, 1]).map((m) => m.amount)).toEqual([33_400, 33_300, 33_300]);
    expect(allocate(money(10, "VND"), [1, 2]).map((m) => m.amount)).toEqual([3, 7]);
    expect(allocate(money(-100, "THB"), [1, 1, 1]).reduce((a, m) => a + m.amount, 0)).toBe(-100);
    expect(allocate(money(100, "THB"), [0, 5]).map((m) => m.amount)).toEqual([0, 100]);
    expect(allocate(money(100, "THB"), [])).toEqual([]);
  });

  it("refuses amounts off the step and weights that cannot split", () => {
    expect(() => allocate(money(150, "IDR"), [1, 1])).toThrow(MoneyError);
    expect(() => allocate(money(100, "THB"), [0, 0])).toThrow(MoneyError);
    expect(() => allocate(money(100, "THB"), [-1, 2])).toThrow(MoneyError);
    expect(() => allocate(money(100, "THB"), [0.4, 0.4])).toThrow(MoneyError);
  });

  it("property: parts always sum exactly to the total and are multiples of the currency step", () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (currency, rawAmount, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const { step } = CURRENCIES[currency];
          const amount = rawAmount - (rawAmount % step);
          const parts = allocate(money(amount, currency), weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(amount);
          const totalWeight = weights.reduce((a, w) => a + w, 0);
          parts.forEach((p, i) => {
            expect(p.currency).toBe(currency);
            expect(Math.abs(p.amount % step)).toBe(0);
            if (weights[i] === 0) expect(p.amount).toBe(0);
            // Each part is within one step of its exact proportional share.
            const exact = (amount * weights[i]) / totalWeight;
            expect(Math.abs(p.amount - exact)).toBeLessThanOrEqual(step + Math.abs(exact) * 1e-9);
          });
        },
      ),
    );
  });
});

describe("convert: currency changes only through a quote", () => {
  it("USD → IDR rounds to whole rupiah", () => {
    // $1.00 at 16,250.5 = Rp 16,250.5 → Rp 16,251
    expect(convert(money(100, "USD"), quote("USD", "IDR", "16250.5"))).toEqual({ amount: 1_625_100, currency: "IDR" });
    // $12.34 at 16,000 = Rp 197,440
    expect(convert(money(1234, "USD"), quote("USD", "IDR", "16000"))).toEqual({
      amount: 19_744_000,
      currency: "IDR",
    });
  });

  it("IDR → VND across exponents", () => {
    // Rp 1,000,000 at 1.62 = ₫1,620,000
    expect(convert(money(100_000_000, "IDR"), quote("IDR", "VND", "1.62"))).toEqual({
      amount: 1_620_000,
      currency: "VND",
    });
    // Rp 15,050 at 1.6 = ₫24,080
    expect(convert(money(1_505_000, "IDR"), quote("IDR", "VND", "1.6"))).toEqual({ amount: 24_080, currency: "VND" });
    // Rp 1 at 1.5 = ₫1.5 → ₫2 (half away from zero)
    expect(convert(money(100, "IDR"), quote("IDR", "VND", "1.5"))).toEqual({ amount: 2, currency: "VND" });
  });

  it("THB → USD and VND → THB", () => {
    // ฿1,000.00 at 0.02735 = $27.35
    expect(convert(money(100_000, "THB"), quote("THB", "USD", "0.02735"))).toEqual({ amount: 2735, currency: "USD" });
    // ฿1.00 at 0.025 = 2.5¢ → 3¢
    expect(convert(money(100, "THB"), quote("THB", "USD", "0.025"))).toEqual({ amount: 3, currency: "USD" });
    expect(convert(money(-100, "THB"), quote("THB", "USD", "0.025"))).toEqual({ amount: -3, currency: "USD" });
    // ₫100,000 at 0.00139 THB = ฿139.00
    expect(convert(money(100_000, "VND"), quote("VND", "THB", "0.00139"))).toEqual({
      amount: 13_900,
      currency: "THB",
    });
  });

  it("refuses a quote for another currency or a malformed rate", () => {
    expect(() => convert(money(100, "THB"), quote("USD", "IDR", "16000"))).toThrow(MoneyError);
    expect(() => convert(money(100, "USD"), quote("USD", "IDR", "1e3"))).toThrow(MoneyError);
    expect(() => convert(money(100, "USD"), quote("USD", "IDR", "-1"))).toThrow(MoneyError);
    expect(() => convert(money(100, "USD"), quote("USD", "IDR", ""))).toThrow(MoneyError);
  });

  it("property: converted amounts are multiples of the target step", () => {
    fc.assert(
      fc.property(
        currencyArb,
        currencyArb,
        // Kept small enough that every result is a safe integer (larger ones throw MoneyError).
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        (from, to, amount, rateDigits, scale) => {
          const digits = String(rateDigits).padStart(scale + 1, "0");
          const rate = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
          const result = convert(money(amount, from), quote(from, to, rate));
          expect(result.currency).toBe(to);
          expect(Math.abs(result.amount % CURRENCIES[to].step)).toBe(0);
        },
      ),
    );
  });
});

describe("formatMoney", () => {
  it("formats baht with satang for th-TH", () => {
    expect(plain(formatMoney(money(129_900, "THB"), "th-TH"))).toBe("฿1,299.00");
    expect(plain(formatMoney(money(5, "THB"), "th-TH"))).toBe("฿0.05");
  });

  it("formats rupiah without decimals for id-ID", () => {
    expect(plain(formatMoney(money(1_500_000, "IDR"), "id-ID"))).toBe("Rp 15.000");
    expect(plain(formatMoney(money(123_456_700, "IDR"), "id-ID"))).toBe("Rp 1.234.567");
  });

  it("formats dong, which has no minor unit, for vi-VN", () => {
    expect(plain(formatMoney(money(1_500_000, "VND"), "vi-VN"))).toBe("1.500.000 ₫");
  });
});
