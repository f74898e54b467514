import { z } from "@hono/zod-openapi";
import { MfaCodeInput } from "./mfa";
import { LocaleSchema } from "./platform";

export const COUNTRIES = ["TH", "SG", "ID", "MY", "PH", "VN"] as const;
export const CountrySchema = z.enum(COUNTRIES).openapi("Country", { description: "TH, SG, ID, MY, PH or VN" });
export type Country = z.infer<typeof CountrySchema>;

/** Any country code shape; membership is checked by the handler so it can answer `unsupported_country`. */
const CountryInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Use a two-letter ISO 3166 country code such as TH")
  .transform((v) => v.toUpperCase())
  .openapi({ example: "TH", description: "TH, SG, ID, MY, PH or VN" });

const PhoneInput = z.string().trim().min(3).max(32).openapi({ example: "0812345678", description: "Local or E.164" });

export const ROLES = ["customer", "seller", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES).openapi("Role");

export const UserSchema = z
  .object({
    id: z.string(),
    phone: z.string().optional().openapi({ example: "+66812345678" }),
    email: z.string().optional(),
    country: CountrySchema,
    locale: LocaleSchema,
    timezone: z.string().openapi({ example: "Asia/Bangkok" }),
    displayName: z.string(),
    avatarUrl: z.string().optional(),
    status: z.enum(["active", "suspended", "deleted"]),
    roles: z.array(RoleSchema),
    createdAt: z.string().datetime(),
  })
  .openapi("User");

export const TokensSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ example: 900 }),
    user: UserSchema,
    isNewUser: z.boolean(),
  })
  .openapi("Tokens");

export const DeviceSchema = z
  .object({
    id: z.string().trim().min(1).max(128),
    platform: z.enum(["ios", "android", "web"]),
    name: z.string().trim().max(100).optional(),
  })
  .strict()
  .openapi("Device");

export const OtpRequestSchema = z
  .object({ phone: PhoneInput, country: CountryInput, locale: LocaleSchema.optional() })
  .strict()
  .openapi("OtpRequest");

export const OtpRequestedSchema = z
  .object({
    expiresIn: z.number().int().openapi({ example: 300 }),
    resendAfter: z.number().int().openapi({ example: 60 }),
    channel: z.literal("sms"),
  })
  .openapi("OtpRequested");

export const OtpVerifySchema = z
  .object({
    phone: PhoneInput,
    country: CountryInput,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "The code is the 6 digits from the SMS"),
    device: DeviceSchema,
    mfaCode: MfaCodeInput.optional().openapi({
      description:
        "With two-step sign-in on: the authenticator's 6-digit code or a recovery code (else 401 mfa_required; the SMS code stays valid for the retry)",
    }),
  })
  .strict()
  .openapi("OtpVerify");

export const PasswordSchema = z
  .string()
  .min(8, "At least 8 characters")
  .max(128, "At most 128 characters")
  .regex(/[a-z]/, "Needs a lower-case letter")
  .regex(/[A-Z]/, "Needs an upper-case letter")
  .regex(/[0-9]/, "Needs a digit")
  .openapi({ example: "Sawasdee2026" });

const EmailInput = z
  .string()
  .trim()
  .max(254)
  .email("Enter an email address such as name@example.com")
  .transform((v) => v.toLowerCase())
  .openapi({ example: "somchai@example.com" });

export const RegisterSchema = z
  .object({
    email: EmailInput,
    password: PasswordSchema,
    displayName: z.string().trim().min(1).max(80),
    country: CountryInput,
    locale: LocaleSchema.optional(),
    device: DeviceSchema.optional(),
  })
  .strict()
  .openapi("Register");

export const LoginSchema = z
  .object({
    email: EmailInput,
    password: z.string().min(1).max(128),
    device: DeviceSchema.optional(),
    mfaCode: MfaCodeInput.optional().openapi({
      description:
        "With two-step sign-in on: the authenticator's 6-digit code or a recovery code (else 401 mfa_required)",
    }),
  })
  .strict()
  .openapi("Login");

export const RefreshSchema = z
  .object({ refreshToken: z.string().min(10).max(512) })
  .strict()
  .openapi("Refresh");

export const SessionSchema = z
  .object({
    id: z.string(),
    device: z.object({ id: z.string(), platform: z.enum(["ios", "android", "web"]), name: z.string().optional() }),
    createdAt: z.string().datetime(),
    lastActiveAt: z.string().datetime(),
    current: z.boolean(),
  })
  .openapi("Session");

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).openapi("SessionList");

export const ForgotPasswordSchema = z.object({ email: EmailInput }).strict().openapi("ForgotPassword");
export const ResetPasswordSchema = z
  .object({ token: z.string().min(10).max(256), password: PasswordSchema })
  .strict()
  .openapi("ResetPassword");

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

/** GET /api/v1/users/lookup: a person to start a chat with, found by their sign-in phone number. */
export const UserLookupQuerySchema = z.object({
  phone: PhoneInput.openapi({ param: { name: "phone", in: "query" }, example: "081 234 5678" }),
  country: CountryInput.openapi({ param: { name: "country", in: "query" }, example: "TH" }),
});

/** What anyone may see of an account found by its number: never its phone or email. */
export const PublicUserSchema = z
  .object({
    id: z.string().openapi({ example: "usr_01JD3Q8W5R0000000000000000" }),
    displayName: z.string(),
    avatarUrl: z.string().optional(),
  })
  .openapi("PublicUser");

export const AccountSuspensionSchema = z
  .object({ reason: z.string().trim().min(1).max(500).openapi({ example: "Payment fraud under review" }) })
  .strict()
  .openapi("AccountSuspension");

export const JwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi("JSONWebKeySet");

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
