import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { voucherRedemptions, vouchers } from "../../d1/schema/orders";
import { batchGuard } from "../platform/batch-guard";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import {
  type Currency,
  type Money,
  minimum,
  money,
  percentage,
  roundToStep,
  sum,
  toMajorNumber,
  zero,
} from "../platform/money";
import { splitDiscount } from "./pricing";

export type Voucher = typeof vouchers.$inferSelect;

function invalid(detail: string): ApiError {
  return new ApiError("validation_failed", detail, { errors: [{ path: "voucherCode", message: detail }] });
}

/**
 * Checks a voucher for a checkout and returns the discount it gives on `eligible` (the subtotal
 * it applies to: the shop's order for a shop voucher, the whole checkout otherwise).
 */
export async function voucherDiscount(db: Database, code: string, userKey: string, eligible: Money, shopIds: string[]) {
  const voucher = await db.select().from(vouchers).where(eq(vouchers.code, code.trim().toUpperCase())).get();
  const now = nowMs();
  if (!voucher) throw invalid("This voucher code does not exist. Check the spelling.");
  if (voucher.startsAt && voucher.startsAt > now) throw invalid("This voucher is not valid yet.");
  if (voucher.expiresAt && voucher.expiresAt <= now) throw invalid("This voucher has expired.");
  if (voucher.shopId && !shopIds.includes(voucher.shopId))
    throw invalid("This voucher is for a shop that is not in your cart.");
  if (voucher.usageLimit !== null && voucher.usedCount >= voucher.usageLimit)
    throw invalid("This voucher has been fully used.");
  if (voucher.currency && voucher.currency !== eligible.currency) {
    throw invalid(`This voucher is for ${voucher.currency} orders; your cart is in ${eligible.currency}.`);
  }
  if (eligible.amount < voucher.minSpend) {
    throw invalid(
      `Spend at least ${toMajorNumber(money(voucher.minSpend, eligible.currency))} ${eligible.currency} to use this voucher.`,
    );
  }
  const used = await db
    .select({ n: sql<number>`count(*)` })
    .from(voucherRedemptions)
    .where(
      and(
        eq(voucherRedemptions.code, voucher.code),
        eq(voucherRedemptions.userKey, userKey),
        isNull(voucherRedemptions.releasedAt),
      ),
    )
    .get();
  if ((used?.n ?? 0) >= voucher.perUserLimit)
    throw invalid("You have already used this voucher as many times as allowed.");

  return { voucher, discount: voucherDiscountOn(voucher, eligible) };
}

/**
 * The discount a voucher gives on `eligible`, by the one rounding rule of money.ts (README, "Money"):
 *
 *   discount = round(min(face, maxDiscount, eligible))
 *
 * where `face` is `value` basis points of `eligible` for a percentage voucher (exact, not rounded
 * yet) and `value` minor units for a fixed one, and `round` is half away from zero to the
 * currency's step (whole rupiah for IDR), applied once. So a value or cap stored with odd minor
 * units still gives whole steps, and the order's parts keep adding up to its total.
 *
 * Rounding is monotonic, so the rounded minimum is the minimum of the rounded figures: the
 * percentage's share rounded once by `percentage`, the fixed value and the cap by `roundToStep`,
 * and `eligible` itself (a subtotal of whole-step prices).
 */
export function voucherDiscountOn(voucher: Pick<Voucher, "type" | "value" | "maxDiscount">, eligible: Money): Money {
  const rounded = (amount: number) => money(roundToStep(amount, eligible.currency), eligible.currency);
  const face = voucher.type === "percentage" ? percentage(eligible, voucher.value) : rounded(voucher.value);
  const cap = voucher.maxDiscount === null ? [] : [rounded(voucher.maxDiscount)];
  return minimum(face, ...cap, eligible);
}

/** The voucher a checkout uses: its code and the discount of each shop's order (in `subtotals` order). */
export interface CheckoutVoucher {
  code: string | undefined;
  discounts: Money[];
}

/**
 * Applies a voucher code to a checkout's shop orders: checks it (422 when unknown, expired, used
 * up...) and works out the discounts. A shop voucher discounts only its shop's order; a platform
 * voucher's discount on the whole checkout is split across the orders in proportion to their
 * subtotals. The use itself is counted by `voucherUseWrites`, in the batch that writes the orders.
 */
export async function checkoutVoucher(
  db: Database,
  code: string | undefined,
  buyerKey: string,
  currency: Currency,
  orders: readonly { shopId: string; subtotal: Money }[],
): Promise<CheckoutVoucher> {
  const none = orders.map(() => zero(currency));
  if (!code) return { code: undefined, discounts: none };
  const shopIds = orders.map((o) => o.shopId);
  const whole = sum(
    orders.map((o) => o.subtotal),
    currency,
  );
  const preview = await voucherDiscount(db, code, buyerKey, whole, shopIds);
  const { voucher } = preview;
  if (voucher.shopId) {
    const index = orders.findIndex((o) => o.shopId === voucher.shopId);
    const own = await voucherDiscount(db, code, buyerKey, orders[index].subtotal, shopIds);
    return { code: voucher.code, discounts: none.map((nothing, i) => (i === index ? own.discount : nothing)) };
  }
  return {
    code: voucher.code,
    discounts: splitDiscount(
      preview.discount,
      orders.map((o) => o.subtotal),
    ),
  };
}

/**
 * The writes that count one use of the voucher, for the checkout's D1 batch (with its redemption
 * rows, see checkout-writes.ts): a guard that stops the batch if the voucher was used up, or this
 * buyer reached its own limit, since `checkoutVoucher` checked (platform/batch-guard.ts), then the
 * count. So a use is never counted for orders that were not written, and no race passes a limit.
 */
export function voucherUseWrites(db: Database, code: string, buyerKey: string) {
  const mine = and(
    eq(voucherRedemptions.code, code),
    eq(voucherRedemptions.userKey, buyerKey),
    isNull(voucherRedemptions.releasedAt),
  );
  const usable = sql`EXISTS (SELECT 1 FROM ${vouchers} WHERE ${vouchers.code} = ${code}
    AND (${vouchers.usageLimit} IS NULL OR ${vouchers.usedCount} < ${vouchers.usageLimit})
    AND (SELECT count(*) FROM ${voucherRedemptions} WHERE ${mine}) < ${vouchers.perUserLimit})`;
  return [
    batchGuard(db, usable),
    db
      .update(vouchers)
      .set({ usedCount: sql`${vouchers.usedCount} + 1` })
      .where(eq(vouchers.code, code)),
  ] as const;
}

/** Gives one use back (only where `when` holds, e.g. only if the order's cancel move applied). */
export function releaseVoucherUse(db: Database, code: string, when?: SQL) {
  return db
    .update(vouchers)
    .set({ usedCount: sql`max(${vouchers.usedCount} - 1, 0)` })
    .where(and(eq(vouchers.code, code), when));
}
