import type { vouchers } from "../../../d1/schema/orders";
import type { VoucherType } from "../../../schemas/vouchers";
import { nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { CURRENCIES, type Currency, type Money } from "../../platform/money";

type VoucherColumns = Pick<
  typeof vouchers.$inferInsert,
  "type" | "value" | "minSpend" | "maxDiscount" | "startsAt" | "expiresAt" | "usageLimit" | "perUserLimit"
>;

/** A voucher's terms as the API speaks of them, after a create or a change is applied. */
export interface VoucherTerms {
  type: VoucherType;
  value?: number;
  minSpend?: Money | null;
  maxDiscount?: Money | null;
  startsAt: string | number;
  endsAt: string | number;
  totalLimit?: number | null;
  perUserLimit?: number;
}

function invalid(path: string, detail: string): ApiError {
  return new ApiError("validation_failed", detail, { errors: [{ path, message: detail }] });
}

const at = (value: string | number) => (typeof value === "number" ? value : Date.parse(value));

/** The value column: basis points for percent (whole percent × 100), minor units for fixed, 0 for free shipping. */
function storedValue(type: VoucherType, value: number | undefined, currency: Currency): number {
  if (type === "free_shipping") {
    if (value !== undefined) throw invalid("value", "A free shipping voucher has no value: leave value out.");
    return 0;
  }
  if (type === "percent") {
    if (value === undefined || value < 1 || value > 100)
      throw invalid("value", "A percent voucher's value is a whole percent from 1 to 100.");
    return value * 100;
  }
  if (value === undefined || value < 1)
    throw invalid("value", "A fixed voucher's value is the amount it takes off in minor units, at least 1.");
  checkStep("value", value, currency);
  return value;
}

function checkStep(path: string, amount: number, currency: Currency) {
  const { step } = CURRENCIES[currency];
  if (amount % step !== 0) throw invalid(path, `Amounts in ${currency} are whole units: send a multiple of ${step}.`);
}

/** A Money field of the voucher: in its currency, not negative, whole steps; null when not set. */
function storedMoney(path: string, amount: Money | null | undefined, currency: Currency): number | null {
  if (amount === null || amount === undefined) return null;
  if (amount.currency !== currency) throw invalid(path, `This voucher's amounts are in ${currency}.`);
  if (amount.amount < 0) throw invalid(path, "Amounts cannot be negative.");
  checkStep(path, amount.amount, currency);
  return amount.amount;
}

/**
 * Checks a voucher's terms (each refusal a 422 naming its field) and gives the columns that store
 * them. `used` is how many uses the voucher already has (0 for a new one): a limit cannot go below it.
 * `newEnd`: endsAt is being set, so it must lie ahead (a change that leaves it may touch an ended voucher).
 */
export function voucherColumns(terms: VoucherTerms, currency: Currency, used: number, newEnd = true): VoucherColumns {
  const startsAt = at(terms.startsAt);
  const endsAt = at(terms.endsAt);
  if (endsAt <= startsAt) throw invalid("endsAt", "endsAt must be later than startsAt.");
  if (newEnd && endsAt <= nowMs()) throw invalid("endsAt", "endsAt is already past: choose an end in the future.");
  const totalLimit = terms.totalLimit ?? null;
  if (totalLimit !== null && totalLimit < used)
    throw invalid("totalLimit", `This voucher was already used ${used} times: totalLimit cannot be lower.`);
  const maxDiscount = storedMoney("maxDiscount", terms.maxDiscount, currency);
  if (terms.type === "fixed" && maxDiscount !== null)
    throw invalid("maxDiscount", "A fixed voucher takes off its value: leave maxDiscount out.");
  return {
    type: terms.type === "percent" ? "percentage" : terms.type,
    value: storedValue(terms.type, terms.value, currency),
    minSpend: storedMoney("minSpend", terms.minSpend, currency) ?? 0,
    maxDiscount,
    startsAt,
    expiresAt: endsAt,
    usageLimit: totalLimit,
    perUserLimit: terms.perUserLimit ?? 1,
  };
}
