import { z } from "@hono/zod-openapi";
import { MoneySchema, PageQuerySchema, pageOf } from "./platform";

/** The most products one flash sale may name. */
export const MAX_FLASH_SALE_ITEMS = 50;
/** The largest quota one item may have. */
export const MAX_FLASH_SALE_QUOTA = 1_000_000;

const Id = z.string().min(1).max(64);

export const CreateFlashSaleItemSchema = z
  .strictObject({
    productId: Id,
    variantId: Id.optional().openapi({ description: "The variant on sale; omit for a product without variants" }),
    salePrice: MoneySchema.openapi({ description: "Below the product's (or variant's) price, in its currency" }),
    quota: z.number().int().min(1).max(MAX_FLASH_SALE_QUOTA).openapi({ description: "Units sold at the sale price" }),
    perUserLimit: z
      .number()
      .int()
      .min(1)
      .max(MAX_FLASH_SALE_QUOTA)
      .optional()
      .openapi({ description: "Units one buyer may get at the sale price; further units cost the normal price" }),
  })
  .openapi("CreateFlashSaleItem");

export const CreateFlashSaleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    startsAt: z.iso.datetime({ offset: true }).openapi({ description: "In the future" }),
    endsAt: z.iso.datetime({ offset: true }).openapi({ description: "After startsAt" }),
    items: z.array(CreateFlashSaleItemSchema).min(1).max(MAX_FLASH_SALE_ITEMS),
  })
  .openapi("CreateFlashSale");

export const FlashSaleItemSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    salePrice: MoneySchema,
    quota: z.number().int(),
    perUserLimit: z.number().int().nullable(),
    sold: z.number().int().openapi({ description: "Units sold at the sale price (paid orders)" }),
    remaining: z.number().int().openapi({
      description: "Units still to be had at the sale price: quota less units sold and held by unpaid orders",
    }),
  })
  .openapi("FlashSaleItem");

export const FLASH_SALE_STATES = ["upcoming", "live", "ended", "cancelled"] as const;

export const FlashSaleSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    name: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.enum(FLASH_SALE_STATES).openapi({ description: "From the window and the clock, or cancelled" }),
    items: z.array(FlashSaleItemSchema),
    createdAt: z.string(),
  })
  .openapi("FlashSale");

export const FlashSalePageSchema = pageOf(FlashSaleSchema, "FlashSalePage");
export const FlashSaleListQuerySchema = PageQuerySchema;

/** What a product read shows while a sale of it is live. */
export const ProductFlashSaleSchema = z
  .object({
    saleId: z.string(),
    price: MoneySchema,
    endsAt: z.string(),
    remaining: z.number().int(),
  })
  .openapi("ProductFlashSale");

export type CreateFlashSale = z.infer<typeof CreateFlashSaleSchema>;
export type FlashSale = z.infer<typeof FlashSaleSchema>;
export type ProductFlashSale = z.infer<typeof ProductFlashSaleSchema>;
