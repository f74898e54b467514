import { z } from "@hono/zod-openapi";
import { CurrencySchema, MoneySchema, pageOf } from "./platform";

export const VOUCHER_TYPES = ["percent", "fixed", "free_shipping"] as const;
export const VoucherTypeSchema = z.enum(VOUCHER_TYPES).openapi("VoucherType");

/** What a code looks like: 3 to 32 letters, digits, - or _, stored upper case. */
export const VOUCHER_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;
const CODE_MESSAGE = "Use 3 to 32 letters, digits, - or _, starting with a letter or digit";

export const VoucherSchema = z
  .object({
    id: z.string(),
    shopId: z.string().nullable().openapi({ description: "null for a platform voucher" }),
    code: z.string().openapi({ example: "SONGKRAN10" }),
    type: VoucherTypeSchema,
    value: z.number().int().optional().openapi({
      description: "Whole percent 1–100 (percent); minor units of the currency (fixed); absent for free_shipping",
    }),
    currency: CurrencySchema.nullable().openapi({ description: "The currency of its money; null: any (percent only)" }),
    minSpend: MoneySchema.nullable(),
    maxDiscount: MoneySchema.nullable(),
    startsAt: z.string().datetime().nullable(),
    endsAt: z.string().datetime().nullable(),
    totalLimit: z.number().int().nullable().openapi({ description: "null: no limit" }),
    perUserLimit: z.number().int(),
    used: z.number().int(),
    active: z.boolean(),
    createdAt: z.string().datetime(),
  })
  .openapi("Voucher");

export const VoucherPageSchema = pageOf(VoucherSchema, "VoucherPage");

const voucherFields = {
  type: VoucherTypeSchema,
  value: z.number().int().safe().optional().openapi({
    description: "Whole percent 1–100 for percent, minor units for fixed; leave out for free_shipping",
  }),
  minSpend: MoneySchema.optional(),
  maxDiscount: MoneySchema.optional(),
  startsAt: z.string().datetime({ offset: true }),
  endsAt: z.string().datetime({ offset: true }),
  totalLimit: z.number().int().min(1).max(10_000_000).optional(),
  perUserLimit: z.number().int().min(1).max(1_000).optional().openapi({ description: "Default 1" }),
};

export const CreateShopVoucherSchema = z
  .strictObject({ code: z.string().trim().regex(VOUCHER_CODE, CODE_MESSAGE), ...voucherFields })
  .openapi("CreateShopVoucher");

export const CreatePlatformVoucherSchema = z
  .strictObject({
    code: z.string().trim().regex(VOUCHER_CODE, CODE_MESSAGE),
    ...voucherFields,
    currency: CurrencySchema.openapi({ description: "The currency of the orders it applies to" }),
  })
  .openapi("CreatePlatformVoucher");

/** A change: code, type and currency stay; null clears a limit. */
export const UpdateVoucherSchema = z
  .strictObject({
    value: voucherFields.value,
    minSpend: MoneySchema.nullable().optional(),
    maxDiscount: MoneySchema.nullable().optional(),
    startsAt: voucherFields.startsAt.optional(),
    endsAt: voucherFields.endsAt.optional(),
    totalLimit: voucherFields.totalLimit.unwrap().nullable().optional(),
    perUserLimit: voucherFields.perUserLimit,
    active: z.boolean().optional(),
  })
  .openapi("UpdateVoucher");

export type VoucherType = z.infer<typeof VoucherTypeSchema>;
export type Voucher = z.infer<typeof VoucherSchema>;
export type CreateShopVoucher = z.infer<typeof CreateShopVoucherSchema>;
export type CreatePlatformVoucher = z.infer<typeof CreatePlatformVoucherSchema>;
export type UpdateVoucher = z.infer<typeof UpdateVoucherSchema>;
