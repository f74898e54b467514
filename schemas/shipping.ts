import { z } from "@hono/zod-openapi";
import { CurrencySchema, MoneySchema } from "./platform";

export const ShippingRatesRequestSchema = z
  .object({
    destination: z
      .object({
        country: z
          .string()
          .trim()
          .regex(/^[A-Za-z]{2}$/, "Use a two-letter ISO 3166 country code such as TH")
          .transform((v) => v.toUpperCase())
          .openapi({ example: "TH", description: "TH, SG, ID, MY, PH or VN" }),
        postalCode: z.string().trim().min(3).max(10).openapi({ example: "10110" }),
        city: z.string().trim().min(1).max(100).optional().openapi({
          example: "Phường 14, Quận 10",
          description:
            "As in the delivery address (in Vietnam: ward, district). Optional: couriers that price by area (GHN) need it with province, else their options keep the rate card's price",
        }),
        province: z.string().trim().min(1).max(100).optional().openapi({ example: "Hồ Chí Minh" }),
        street: z.string().trim().min(1).max(300).optional().openapi({ example: "12 Đường 3 Tháng 2" }),
      })
      .strict(),
  })
  .strict()
  .openapi("ShippingRatesRequest");

export const EtdSchema = z
  .object({
    minDays: z.number().int().openapi({ example: 1 }),
    maxDays: z.number().int().openapi({ example: 3 }),
  })
  .openapi("ShippingEtd", { description: "Estimated delivery, in days after dispatch" });

export const ShippingOptionSchema = z
  .object({
    id: z.string().openapi({ example: "th-kerry-standard", description: "Send as shippingOptionId at checkout" }),
    courier: z.string().openapi({ example: "Kerry Express" }),
    service: z.string().openapi({ example: "Standard" }),
    cost: MoneySchema,
    etd: EtdSchema,
    source: z.enum(["courier", "rate_card"]).optional().openapi({
      description:
        "courier: priced live by the courier; rate_card: from our published rate card (the courier was not asked, or did not answer)",
    }),
  })
  .openapi("ShippingOption");

export const ShopShippingSchema = z
  .object({
    shopId: z.string(),
    country: z.string().openapi({ description: "Where the shop ships from" }),
    weightGrams: z.number().int().openapi({ description: "Chargeable weight of this shop's parcel" }),
    options: z.array(ShippingOptionSchema),
    reason: z.enum(["not_domestic", "too_heavy"]).optional().openapi({
      description: "Why there are no options: the shop ships only within its own country, or the parcel is too heavy",
    }),
    reasonDetail: z.string().optional().openapi({ description: "The reason in a sentence for the buyer" }),
  })
  .openapi("ShopShipping");

export const ShippingRatesSchema = z
  .object({
    options: z.array(ShippingOptionSchema).openapi({
      description:
        "Services every shop of the cart offers to the destination, each cost the sum over the cart's shops (one parcel per shop). For a single-shop cart: that shop's options.",
    }),
    shops: z.array(ShopShippingSchema).openapi({ description: "The options of each shop's parcel" }),
    currency: CurrencySchema,
    fallback: z
      .array(
        z.object({
          courier: z.string(),
          reason: z.enum(["timeout", "error", "origin_unresolved", "destination_unresolved"]).openapi({
            description:
              "timeout, error: the courier did not answer (in time); origin_unresolved: the shop's address lacks what the courier prices by; destination_unresolved: the destination does (e.g. GHN's ward and district)",
          }),
          detail: z.string().optional().openapi({ description: "What the address lacks, in a sentence" }),
        }),
      )
      .optional()
      .openapi({
        description: "Couriers that were not asked or did not answer: their options are priced from the rate cards",
      }),
  })
  .openapi("ShippingRates");
