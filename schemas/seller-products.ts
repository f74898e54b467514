import { z } from "@hono/zod-openapi";
import { PageQuerySchema } from "./platform";

export const ShopProductsQuerySchema = PageQuerySchema.extend({
  status: z
    .enum(["draft", "active", "archived"])
    .optional()
    .openapi({
      param: { name: "status", in: "query" },
      description: "The owner sees every status (all when omitted); anyone else sees active products only",
    }),
});

export const BulkRefusalSchema = z
  .object({
    row: z.number().int().openapi({ description: "The CSV line (the header is line 1)", example: 3 }),
    sku: z.string().openapi({ example: "TEE-RED-M" }),
    code: z
      .enum([
        "unknown_sku",
        "duplicate_sku",
        "bad_price",
        "bad_stock",
        "nothing_to_change",
        "below_reserved",
        "malformed_row",
      ])
      .openapi({ description: "Why, as a stable code a client can translate" }),
    reason: z.string().openapi({ example: "Stock must be a whole number from 0 to 1000000." }),
  })
  .openapi("BulkRefusal");

export const BulkUpdateReportSchema = z
  .object({
    uploadId: z.string().openapi({ description: "The Idempotency-Key when one was sent, else a new id" }),
    status: z
      .enum(["applied", "refused"])
      .openapi({ description: "`refused`: at least one row was refused, so no row was applied (all or nothing)" }),
    rows: z.number().int().openapi({ description: "Data rows read (the header excluded)" }),
    applied: z.number().int().openapi({ description: "Rows applied: every row, or 0 when any was refused" }),
    refused: z.array(BulkRefusalSchema),
  })
  .openapi("BulkUpdateReport");

export type BulkRefusal = z.infer<typeof BulkRefusalSchema>;
export type BulkUpdateReport = z.infer<typeof BulkUpdateReportSchema>;
export type ShopProductsQuery = z.infer<typeof ShopProductsQuerySchema>;
