import { z } from "zod";
import { CURRENCY_CODES } from "../../../schemas/platform";
import { MAX_LINE_QUANTITY, type PriceUpdate } from "./types";

/*
 * What the Cart object accepts over RPC. The Worker checked the request already; these schemas
 * guard the object's storage against a caller's bug (answered as invalid_argument, never thrown).
 */

const IdSchema = z.string().min(1).max(200);
const MinorUnitsSchema = z.number().int().min(0);
const UnitsSchema = z.number().int().min(0);

/** One line to put in the cart (add, and each line of a merge). */
export const LineInputSchema = z.object({
  productId: IdSchema,
  variantId: IdSchema.nullable(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  unitPrice: MinorUnitsSchema,
  currency: z.enum(CURRENCY_CODES),
  name: z.string().max(500),
  available: UnitsSchema,
});

/**
 * A buyer's limit taken in the Cart object (one per buyer) in the same transaction as the call's
 * own write (workers/middleware/write-limits.ts, AccountSlot).
 */
export const AccountLimitSchema = z.object({
  limit: z.number().int().min(0),
  windowSeconds: z.number().int().min(1).max(31_536_000),
});

/** An add: one line, and the buyer's cart-addition limit (WRITE_LIMIT_CART per account) when it has one. */
export const AddInputSchema = LineInputSchema.extend({ accountLimit: AccountLimitSchema.optional() });

export const SetQuantityInputSchema = z.object({
  lineId: IdSchema,
  quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY),
  available: UnitsSchema.optional(),
});

export const LineIdSchema = IdSchema;

export const MergeInputSchema = z.object({ lines: z.array(LineInputSchema).max(1000) });

export const HandOffInputSchema = z.object({
  checkoutId: IdSchema,
  keyScope: z.string().min(1).max(300),
  key: z.string().min(1).max(255),
  checkAfterMs: z.number().int().min(1_000).max(86_400_000),
  /** The buyer's checkout limit, taken here with the hand-off (workers/middleware/write-limits.ts). */
  accountLimit: AccountLimitSchema.optional(),
});

const PriceUpdateSchema = z.object({ lineId: IdSchema, unitPrice: MinorUnitsSchema });

/** The well-formed entries of a price update; anything else is skipped (recording prices is never refused). */
export function priceUpdatesOf(input: unknown): PriceUpdate[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((update) => {
    const parsed = PriceUpdateSchema.safeParse(update);
    return parsed.success ? [parsed.data] : [];
  });
}
