import { z } from "@hono/zod-openapi";
import { LocaleSchema } from "./messaging";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const UpdateMeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(80).optional(),
    locale: LocaleSchema.optional(),
    timezone: z.string().max(64).refine(isTimeZone, "Use an IANA time zone such as Asia/Bangkok").optional(),
    avatarUrl: z
      .string()
      .url()
      .max(2048)
      .refine(
        (u) => u.startsWith("https://") || u.startsWith("http://127.0.0.1") || u.startsWith("http://localhost"),
        "Use an https URL",
      )
      .nullable()
      .optional(),
  })
  .strict()
  .openapi("UpdateMe");

const AddressFields = {
  label: z.string().trim().max(40).optional().openapi({ example: "Home" }),
  recipientName: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(3).max(32).openapi({ example: "0812345678" }),
  street: z.string().trim().min(1).max(300).openapi({ example: "99/9 Sukhumvit Soi 11" }),
  city: z.string().trim().min(1).max(100).openapi({ example: "Khlong Toei Nuea, Watthana" }),
  province: z.string().trim().min(1).max(100).openapi({ example: "Bangkok" }),
  postalCode: z.string().trim().min(3).max(10).openapi({ example: "10110" }),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter ISO 3166 country code such as TH")
    .transform((v) => v.toUpperCase())
    .openapi({ example: "TH" }),
  isPrimary: z.boolean().optional(),
};

export const AddressInputSchema = z.object(AddressFields).strict().openapi("AddressInput");
export const AddressPatchSchema = z
  .object(AddressFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change")
  .openapi("AddressPatch");

export const AddressSchema = z
  .object({
    id: z.string(),
    label: z.string().optional(),
    recipientName: z.string(),
    phone: z.string().openapi({ example: "+66812345678" }),
    street: z.string(),
    city: z.string(),
    province: z.string(),
    postalCode: z.string(),
    country: z.string(),
    isPrimary: z.boolean(),
  })
  .openapi("Address");

export const PersonalDataExportSchema = z
  .object({
    exportedAt: z.string().datetime(),
    user: z.record(z.string(), z.unknown()),
    addresses: z.array(AddressSchema),
    sessions: z.array(z.record(z.string(), z.unknown())),
    securityEvents: z.array(z.record(z.string(), z.unknown())),
    messages: z.array(z.record(z.string(), z.unknown())),
    notifications: z.record(z.string(), z.unknown()),
  })
  .openapi("PersonalDataExport");

export const AuditEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    userId: z.string().nullable(),
    actorId: z.string().nullable(),
    sessionId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string().datetime(),
  })
  .openapi("AuditEvent");
