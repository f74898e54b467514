import { z } from "@hono/zod-openapi";
import { AddressInputSchema, COUNTRIES } from "./identity";
import { CURRENCY_CODES } from "./platform";

/** Any two-letter code; membership is checked by the handler so it can answer `unsupported_country`. */
const CountryInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Use a two-letter ISO 3166 country code such as TH")
  .transform((v) => v.toUpperCase())
  .openapi({ example: "TH", description: COUNTRIES.join(", ") });

/** Any three-letter code; the handler checks it is the country's currency and says which one is. */
const CurrencyInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "Use a three-letter ISO 4217 currency code such as THB")
  .transform((v) => v.toUpperCase())
  .openapi({
    example: "THB",
    description: "The shop country's currency: TH THB, SG SGD, ID IDR, MY MYR, PH PHP, VN VND",
  });

/*
 * The shop's pickup address: the fields of a delivery address (AddressInput: `city` is the district in
 * Thailand, "ward, district" in Vietnam, the kota/kabupaten or kecamatan in Indonesia), in the shop's
 * own country. Couriers that price and book by place names (Flash Express, GHN) need it whole.
 */
const { street, city, province, postalCode } = AddressInputSchema.shape;

export const ShopPickupAddressInputSchema = z
  .object({
    street,
    street2: street.optional().openapi({ example: "Building B, 3rd floor" }),
    city,
    province,
    postalCode,
  })
  .strict()
  .openapi("ShopPickupAddressInput");

export const ShopPickupAddressSchema = z
  .object({
    street: z.string(),
    street2: z.string().optional(),
    city: z.string().openapi({ example: "Khlong Toei Nuea, Watthana" }),
    province: z.string().openapi({ example: "Bangkok" }),
    postalCode: z.string().openapi({ example: "10110" }),
  })
  .openapi("ShopPickupAddress");

export const ShopContactInputSchema = z
  .object({
    phone: z.string().trim().min(3).max(32).optional().openapi({ example: "021234567" }),
    email: z
      .string()
      .trim()
      .max(254)
      .email("Enter an email address such as shop@example.com")
      .transform((v) => v.toLowerCase())
      .optional(),
    address: z.string().trim().min(1).max(300).optional().openapi({ example: "99/9 Sukhumvit Soi 11, Bangkok 10110" }),
    pickupAddress: ShopPickupAddressInputSchema.nullable().optional().openapi({
      description:
        "Where couriers collect parcels, in the shop's country; null or absent: none (the contact is replaced whole, as sent)",
    }),
  })
  .strict()
  .refine(
    (v) => Object.values(v).some((field) => field !== undefined && field !== null),
    "Give at least a phone, an email, an address or a pickup address (or send contact: null to remove the contact)",
  )
  .openapi("ShopContactInput");

export const ShopContactSchema = z
  .object({
    phone: z.string().optional().openapi({ example: "+6621234567" }),
    email: z.string().optional(),
    address: z.string().optional(),
    pickupAddress: ShopPickupAddressSchema.optional(),
  })
  .openapi("ShopContact");

const ShopName = z.string().trim().min(2).max(100).openapi({ example: "Bangkok Gadget Hub" });
const ShopDescription = z.string().trim().max(2000);
const ShopCategory = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .openapi({ example: "electronics", description: "What the shop mainly sells (a category slug or a short label)" });

export const CreateShopSchema = z
  .object({
    name: ShopName,
    description: ShopDescription.optional(),
    category: ShopCategory,
    country: CountryInput,
    currency: CurrencyInput,
    contact: ShopContactInputSchema.optional(),
  })
  .strict()
  .openapi("CreateShop");

export const UpdateShopSchema = z
  .object({
    name: ShopName.optional(),
    description: ShopDescription.nullable().optional(),
    category: ShopCategory.optional(),
    contact: ShopContactInputSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change")
  .openapi("UpdateShop");

export const ShopVerificationInputSchema = z
  .object({
    status: z.enum(["verified", "rejected"]),
    note: z.string().trim().max(500).optional().openapi({ example: "Business registration checked" }),
  })
  .strict()
  .openapi("ShopVerificationInput");

export const ShopSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string(),
    country: z.enum(COUNTRIES),
    currency: z.enum(CURRENCY_CODES),
    verificationStatus: z.enum(["pending", "verified", "rejected"]),
    verifiedAt: z.string().datetime().nullable(),
    verificationNote: z.string().optional().openapi({ description: "Shown to the owner and admins only" }),
    contact: ShopContactSchema.optional().openapi({ description: "Shown to the owner and admins only" }),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi("Shop");

export type Shop = z.infer<typeof ShopSchema>;
export type ShopContactInput = z.infer<typeof ShopContactInputSchema>;
export type ShopContact = z.infer<typeof ShopContactSchema>;
export type ShopPickupAddress = z.infer<typeof ShopPickupAddressSchema>;
