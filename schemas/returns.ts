import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";

export const RETURN_STATUS = ["requested", "approved", "rejected", "received", "refunded"] as const;
export type ReturnStatus = (typeof RETURN_STATUS)[number];

export const ReturnStatusSchema = z.enum(RETURN_STATUS).openapi("ReturnStatus");

export const ReturnItemSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string(),
    quantity: z.number().int().positive(),
    refundAmount: MoneySchema,
  })
  .openapi("ReturnItem");

export const ReturnPhotoSchema = z
  .object({
    id: z.string(),
    url: z
      .string()
      .openapi({ example: "/api/v1/returns/ret_01JD3Q5W8T2M4V6X8Z0B2D4F6H/photos/med_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
  })
  .openapi("ReturnPhoto");

export const ReturnPhotoParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
  mediaId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "mediaId", in: "path" } }),
});

export const ReturnSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    shopId: z.string(),
    status: ReturnStatusSchema,
    items: z.array(ReturnItemSchema),
    reason: z.string(),
    note: z.string().nullable(),
    mediaIds: z.array(z.string()),
    /**
     * The buyer's photos, each served to the buyer, the shop's owner and admins only (with the
     * access token; never a public link): GET `url`.
     */
    photos: z.array(ReturnPhotoSchema),
    refundAmount: MoneySchema,
    /** True when the return takes back the order's last units: the shipping is refunded too. */
    fullReturn: z.boolean(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    receivedAt: z.string().datetime().nullable(),
    refundedAt: z.string().datetime().nullable(),
  })
  .openapi("Return");

export const CreateReturnSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            productId: z.string().min(1).max(64),
            variantId: z.string().min(1).max(64).optional(),
            quantity: z.number().int().min(1).max(10_000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    reason: z.string().trim().min(1).max(1000),
    mediaIds: z.array(z.string().min(1).max(64)).max(10).optional(),
  })
  .strict()
  .openapi("CreateReturn");

export const ReturnDecisionSchema = z
  .object({ note: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .openapi("ReturnDecision");

export const ReturnListSchema = z.object({ items: z.array(ReturnSchema) }).openapi("ReturnList");
