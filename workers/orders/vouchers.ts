import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { voucherRedemptions, vouchers } from "../../d1/schema/orders";
import { type Database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { CURRENCIES, type Money, money, percentage } from "../platform/money";

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
      `Spend at least ${voucher.minSpend / 10 ** CURRENCIES[eligible.currency].exponent} ${eligible.currency} to use this voucher.`,
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

  let discount =
    voucher.type === "percentage"
      ? percentage(eligible, voucher.value)
      : money(Math.min(voucher.value, eligible.amount), eligible.currency);
  if (voucher.maxDiscount !== null && discount.amount > voucher.maxDiscount)
    discount = money(voucher.maxDiscount, eligible.currency);
  // Whole steps of the currency (whole rupiah for IDR), rounded down so it never exceeds what the
  // voucher promises: a value or cap stored with odd minor units must not break the order's money.
  const { step } = CURRENCIES[eligible.currency];
  discount = money(Math.floor(discount.amount / step) * step, eligible.currency);
  return { voucher, discount };
}

/**
 * Counts one use atomically (refused when the usage limit was reached in the meantime). Run it
 * before writing the orders; if the orders then fail, `releaseVoucherUse` gives the use back.
 */
export async function claimVoucherUse(db: Database, code: string): Promise<boolean> {
  const row = await db
    .update(vouchers)
    .set({ usedCount: sql`${vouchers.usedCount} + 1` })
    .where(
      and(
        eq(vouchers.code, code),
        sql`(${vouchers.usageLimit} IS NULL OR ${vouchers.usedCount} < ${vouchers.usageLimit})`,
      ),
    )
    .returning({ code: vouchers.code })
    .get();
  return Boolean(row);
}

/** Gives one use back (only where `when` holds, e.g. only if the order's cancel move applied). */
export function releaseVoucherUse(db: Database, code: string, when?: SQL) {
  return db
    .update(vouchers)
    .set({ usedCount: sql`max(${vouchers.usedCount} - 1, 0)` })
    .where(and(eq(vouchers.code, code), when));
}
