import { and, eq, isNull, sql } from "drizzle-orm";
import { voucherRedemptions, vouchers } from "../../d1/schema/orders";
import { batchGuard } from "../platform/batch-guard";
import { type Database, nowMs } from "../platform/db";
import { ApiError, type ErrorCode } from "../platform/errors";
import {
  type Currency,
  type Money,
  minimum,
  money,
  percentage,
  roundToStep,
  subtract,
  sum,
  toMajorNumber,
  zero,
} from "../platform/money";
import { splitDiscount } from "./pricing";

export type Voucher = typeof vouchers.$inferSelect;

/** A refusal naming the field that carried the code. */
function refused(code: ErrorCode, path: string, detail: string): ApiError {
  return new ApiError(code, detail, { errors: [{ path, message: detail }] });
}

/** A voucher the checkout cannot use: 409 voucher_unavailable. */
function unavailable(path: string, detail: string): ApiError {
  return refused("voucher_unavailable", path, detail);
}

/** This buyer's uses of a voucher still held: one per checkout, however many of its orders share it. */
const usesOf = (code: string, userKey: string) =>
  sql`(SELECT count(DISTINCT coalesce(${voucherRedemptions.checkoutId}, ${voucherRedemptions.orderId}))
    FROM ${voucherRedemptions} WHERE ${and(
      eq(voucherRedemptions.code, code),
      eq(voucherRedemptions.userKey, userKey),
      isNull(voucherRedemptions.releasedAt),
    )})`;

/** The voucher behind a code, if this buyer may use it now (whatever the cart holds); else 409. */
async function usableVoucher(db: Database, code: string, userKey: string, path: string): Promise<Voucher> {
  const voucher = await db.select().from(vouchers).where(eq(vouchers.code, code.trim().toUpperCase())).get();
  const now = nowMs();
  if (!voucher) throw unavailable(path, "This voucher code does not exist. Check the spelling.");
  if (!voucher.active) throw unavailable(path, "This voucher is no longer available.");
  if (voucher.startsAt && voucher.startsAt > now) throw unavailable(path, "This voucher is not valid yet.");
  if (voucher.expiresAt && voucher.expiresAt <= now) throw unavailable(path, "This voucher has expired.");
  if (voucher.usageLimit !== null && voucher.usedCount >= voucher.usageLimit)
    throw unavailable(path, "This voucher has been fully used.");
  const used = await db
    .select({ n: sql<number>`${usesOf(voucher.code, userKey)}` })
    .from(sql`(SELECT 1)`)
    .get();
  if ((used?.n ?? 0) >= voucher.perUserLimit)
    throw unavailable(path, "You have already used this voucher as many times as allowed.");
  return voucher;
}

/**
 * The discount a voucher gives on `eligible`, by the one rounding rule of money.ts (README, "Money"):
 *
 *   discount = round(min(face, maxDiscount, eligible))
 *
 * where `face` is `value` basis points of `eligible` for a percentage voucher (exact, not rounded
 * yet), `value` minor units for a fixed one, and all of `eligible` for free shipping (whose
 * `eligible` is the shipping cost), and `round` is half away from zero to the currency's step
 * (whole rupiah for IDR), applied once. So a value or cap stored with odd minor units still gives
 * whole steps, and the order's parts keep adding up to its total.
 *
 * Rounding is monotonic, so the rounded minimum is the minimum of the rounded figures: the
 * percentage's share rounded once by `percentage`, the fixed value and the cap by `roundToStep`,
 * and `eligible` itself (a subtotal of whole-step prices).
 */
export function voucherDiscountOn(voucher: Pick<Voucher, "type" | "value" | "maxDiscount">, eligible: Money): Money {
  const rounded = (amount: number) => money(roundToStep(amount, eligible.currency), eligible.currency);
  const face =
    voucher.type === "percentage"
      ? percentage(eligible, voucher.value)
      : voucher.type === "free_shipping"
        ? eligible
        : rounded(voucher.value);
  const cap = voucher.maxDiscount === null ? [] : [rounded(voucher.maxDiscount)];
  return minimum(face, ...cap, eligible);
}

/** What a voucher needs of a checkout's shop order. */
export interface VoucherParcel {
  shopId: string;
  subtotal: Money;
  option: { cost: Money };
}

/** A voucher that discounts a checkout: its code and its share of each shop order's discount. */
export interface AppliedVoucher {
  code: string;
  shares: Money[];
}

/** The vouchers a checkout uses and the discount of each shop order (in `parcels` order). */
export interface CheckoutVouchers {
  applied: AppliedVoucher[];
  discounts: Money[];
}

/** The codes of the vouchers that discount the `index`-th order (the ones its redemptions count). */
export function orderVoucherCodes(vouchers: CheckoutVouchers, index: number): string[] {
  return vouchers.applied.filter((a) => a.shares[index].amount > 0).map((a) => a.code);
}

/**
 * The codes a checkout asks for, each with the field that carried it: `voucherCode` (the
 * contract's) and `voucherCodes` (beyond it, for stacking a shop and a platform voucher).
 */
export function askedCodes(input: { voucherCode?: string; voucherCodes?: string[] }): { code: string; path: string }[] {
  const asked = [
    ...(input.voucherCode ? [{ code: input.voucherCode, path: "voucherCode" }] : []),
    ...(input.voucherCodes ?? []).map((code, i) => ({ code, path: `voucherCodes.${i}` })),
  ];
  const seen = new Set<string>();
  return asked.filter((a) => {
    const key = a.code.trim().toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Applies a checkout's vouchers (README, "Vouchers"): at most one shop voucher and one platform
 * voucher. Each is checked (409 voucher_unavailable, 422 voucher_min_spend) and gives its discount;
 * the shop voucher first, on its shop's order; the platform voucher then on what is left of the
 * whole checkout, split across the orders in proportion. Free shipping discounts shipping, the
 * others the goods. A voucher that gives nothing (say free shipping on a free parcel) is not used.
 * The use itself is counted by `voucherUseWrites`, in the batch that writes the orders.
 */
export async function checkoutVouchers(
  db: Database,
  input: { voucherCode?: string; voucherCodes?: string[] },
  buyerKey: string,
  currency: Currency,
  parcels: readonly VoucherParcel[],
): Promise<CheckoutVouchers> {
  const asked = askedCodes(input);
  const found = await Promise.all(
    asked.map(async (a) => ({ ...a, voucher: await usableVoucher(db, a.code, buyerKey, a.path) })),
  );
  const shopOnes = found.filter((f) => f.voucher.shopId !== null);
  if (shopOnes.length > 1 || found.length - shopOnes.length > 1) {
    throw refused(
      "validation_failed",
      "voucherCodes",
      "Use at most one shop voucher and one platform voucher per checkout.",
    );
  }
  const left = { goods: parcels.map((p) => p.subtotal), shipping: parcels.map((p) => p.option.cost) };
  const applied: AppliedVoucher[] = [];
  for (const { voucher, path } of [...shopOnes, ...found.filter((f) => f.voucher.shopId === null)]) {
    const shares = sharesOf(voucher, path, parcels, left, currency);
    const kind = voucher.type === "free_shipping" ? "shipping" : "goods";
    left[kind] = left[kind].map((m, i) => subtract(m, shares[i]));
    if (shares.some((s) => s.amount > 0)) applied.push({ code: voucher.code, shares });
  }
  return {
    applied,
    discounts: parcels.map((_, i) =>
      sum(
        applied.map((a) => a.shares[i]),
        currency,
      ),
    ),
  };
}

/** One voucher's share of each order's discount, on what earlier vouchers left; its cart-bound checks. */
function sharesOf(
  voucher: Voucher,
  path: string,
  parcels: readonly VoucherParcel[],
  left: { goods: Money[]; shipping: Money[] },
  currency: Currency,
): Money[] {
  if (voucher.currency && voucher.currency !== currency) {
    throw unavailable(path, `This voucher is for ${voucher.currency} orders; your cart is in ${currency}.`);
  }
  const mine = parcels.map((p) => voucher.shopId === null || p.shopId === voucher.shopId);
  if (!mine.includes(true)) throw unavailable(path, "This voucher is for a shop that is not in your cart.");
  const spent = sum(
    parcels.filter((_, i) => mine[i]).map((p) => p.subtotal),
    currency,
  );
  if (spent.amount < voucher.minSpend) {
    const least = toMajorNumber(money(voucher.minSpend, currency));
    throw refused("voucher_min_spend", path, `Spend at least ${least} ${currency} to use this voucher.`);
  }
  const base = (voucher.type === "free_shipping" ? left.shipping : left.goods).map((m, i) =>
    mine[i] ? m : zero(currency),
  );
  return splitDiscount(voucherDiscountOn(voucher, sum(base, currency)), base);
}

/**
 * The writes that count one use of the voucher, for the checkout's D1 batch (with its redemption
 * rows, see checkout-writes.ts): a guard that stops the batch if the voucher was used up,
 * deactivated, or this buyer reached its own limit, since `checkoutVouchers` checked
 * (platform/batch-guard.ts), then the count. D1 runs one batch at a time, so the guard and the count
 * see the same state: a use is never counted for orders that were not written, and no race passes
 * a limit.
 */
export function voucherUseWrites(db: Database, code: string, buyerKey: string) {
  const usable = sql`EXISTS (SELECT 1 FROM ${vouchers} WHERE ${vouchers.code} = ${code} AND ${vouchers.active} = 1
    AND (${vouchers.usageLimit} IS NULL OR ${vouchers.usedCount} < ${vouchers.usageLimit})
    AND ${usesOf(code, buyerKey)} < ${vouchers.perUserLimit})`;
  return [
    batchGuard(db, usable),
    db
      .update(vouchers)
      .set({ usedCount: sql`${vouchers.usedCount} + 1` })
      .where(eq(vouchers.code, code)),
  ] as const;
}
