import { z } from "@hono/zod-openapi";
import { MAX_QUANTITY, MAX_TTL_MS } from "./types";

/**
 * What each RPC method of the `Inventory` object accepts. The object parses its input with these
 * (workers/platform/rpc-input.ts) before touching its tables; the Worker's callers are typed by
 * the same schemas.
 */

/** Reservation, restock and adjustment ids: opaque, at most 200 characters. */
export const OperationIdSchema = z.string().min(1).max(200);

const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
const StockCount = z.number().int().min(0).max(MAX_QUANTITY);
const TtlMs = z.number().int().min(1).max(MAX_TTL_MS);

export const ConfigureInputSchema = z.object({
  sku: OperationIdSchema.optional(),
  /** Checked against `shards` (given or current) by the object itself. */
  shard: z.number().int().min(0).max(1023).optional(),
  shards: z.number().int().min(1).max(1024).optional(),
  onHand: StockCount.optional(),
  lowStockThreshold: StockCount.nullable().optional(),
});
export type ConfigureInput = z.input<typeof ConfigureInputSchema>;

/**
 * A flash sale this hold may take units of: its id, its quota in this object (a sharded SKU's share)
 * and per-buyer limit, and whose units they are (`user:<id>` or `guest:<token hash>`).
 */
export const SaleClaimSchema = z.object({
  saleId: OperationIdSchema,
  quota: StockCount,
  perUserLimit: Quantity.nullable().optional(),
  buyer: OperationIdSchema,
});
export type SaleClaim = z.output<typeof SaleClaimSchema>;

export const ReserveInputSchema = z.object({
  reservationId: OperationIdSchema,
  quantity: Quantity,
  ttlMs: TtlMs,
  partial: z.boolean().default(false),
  sale: SaleClaimSchema.optional(),
});
export type ReserveInput = z.input<typeof ReserveInputSchema>;

export const RenewInputSchema = z.object({ reservationId: OperationIdSchema, ttlMs: TtlMs });
export type RenewInput = z.input<typeof RenewInputSchema>;

export const ReleaseOptionsSchema = z.object({ forget: z.boolean().default(false) }).default({ forget: false });
export type ReleaseOptions = z.input<typeof ReleaseOptionsSchema>;

export const RestockInputSchema = z.object({ restockId: OperationIdSchema, quantity: Quantity });
export type RestockInput = z.input<typeof RestockInputSchema>;

export const AdjustInputSchema = z.object({
  adjustmentId: OperationIdSchema,
  delta: z
    .number()
    .int()
    .min(-MAX_QUANTITY)
    .max(MAX_QUANTITY)
    .refine((delta) => delta !== 0, "must not be 0"),
  clamp: z.boolean().default(false),
});
export type AdjustInput = z.input<typeof AdjustInputSchema>;
