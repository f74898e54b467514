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
  accountLimit: z
    .object({ limit: z.number().int().min(0), windowSeconds: z.number().int().min(1).max(31_536_000) })
    .optional(),
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
