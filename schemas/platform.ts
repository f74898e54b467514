import { z } from "@hono/zod-openapi";

export const CURRENCY_CODES = ["THB", "SGD", "IDR", "MYR", "PHP", "VND", "USD"] as const;
export const CurrencySchema = z.enum(CURRENCY_CODES).openapi("Currency", {
  description: "ISO 4217 code. VND has 0 decimals; the others 2.",
});

/** Money on the wire: an integer amount in the currency's ISO 4217 minor unit. Never floats. */
export const MoneySchema = z
  .strictObject({
    amount: z.number().int().safe().openapi({
      description: "Integer amount in the currency's minor unit (satang, sen, cents; whole dong)",
      example: 129900,
    }),
    currency: CurrencySchema,
  })
  .openapi("Money");

/** What a query or path integer looks like: decimal digits only, an optional minus sign (range checks say the rest). */
const PLAIN_INTEGER = /^-?\d{1,16}$/;
const NOT_AN_INTEGER = "Expected a whole number written in decimal digits, such as 20";

/**
 * The one parser of integers in query strings and paths. Only plain decimal digits are numbers:
 * `0x10`, `1e3`, `0b11`, ` 5`, `5.0` and the empty string are refused (422) instead of being read
 * as 16, 1000, 3, 5 and 0 as `Number()` and `z.coerce` would. The OpenAPI document still says
 * integer, with the bounds.
 */
export function queryInt(bounds: { min?: number; max?: number } = {}) {
  let int = z.number({ error: NOT_AN_INTEGER }).int(NOT_AN_INTEGER).safe();
  if (bounds.min !== undefined) int = int.min(bounds.min);
  if (bounds.max !== undefined) int = int.max(bounds.max);
  return z.preprocess((raw) => (typeof raw === "string" && PLAIN_INTEGER.test(raw) ? Number(raw) : raw), int);
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** `?limit=&cursor=` for every list endpoint. */
export const PageQuerySchema = z.object({
  limit: queryInt({ min: 1, max: MAX_PAGE_LIMIT })
    .default(DEFAULT_PAGE_LIMIT)
    .openapi({ param: { name: "limit", in: "query" }, example: 20 }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor from the previous page" }),
});

/** `{ items, nextCursor }` around any item schema. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as ?cursor= for the next page; null at the end" }),
    })
    .openapi(name);
}

/**
 * The closed set of error codes the API answers with. Every code has exactly one status and one
 * title; CONTRACT.md fixes the public ones, domains add theirs here and nowhere else.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, title: "Bad request" },
  idempotency_key_required: { status: 400, title: "Idempotency-Key header required" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  rate_limited: { status: 429, title: "Too many requests" },
  // Identity
  invalid_phone: { status: 422, title: "Invalid phone number" },
  unsupported_country: { status: 422, title: "Unsupported country" },
  invalid_code: { status: 401, title: "Invalid code" },
  otp_locked: { status: 429, title: "Too many wrong codes" },
  invalid_credentials: { status: 401, title: "Invalid credentials" },
  token_reused: { status: 401, title: "Refresh token reused" },
  account_suspended: { status: 403, title: "Account suspended" },
  // Two-step sign-in: 401 at sign-in; admin routes answer it with 403 (ApiErrorOptions.status).
  mfa_required: { status: 401, title: "Second factor required" },
  // Cart and checkout
  insufficient_stock: { status: 409, title: "Insufficient stock" },
  currency_mismatch: { status: 409, title: "Currency mismatch" },
  // Chat and realtime
  upgrade_required: { status: 426, title: "WebSocket upgrade required" },
  // Orders and payments
  invalid_transition: { status: 409, title: "Invalid status change" },
  // Vouchers
  voucher_unavailable: { status: 409, title: "Voucher unavailable" },
  voucher_min_spend: { status: 422, title: "Below the voucher's minimum spend" },
  // Reviews
  not_a_buyer: { status: 403, title: "Not a buyer of this product" },
  // Wallet
  insufficient_funds: { status: 409, title: "Insufficient funds" },
  limit_exceeded: { status: 422, title: "Limit exceeded" },
  recipient_not_found: { status: 404, title: "Recipient not found" },
  wallet_restricted: { status: 403, title: "Wallet restricted" },
  // FX quotes and conversions
  rates_unavailable: { status: 409, title: "Exchange rates unavailable" },
  quote_expired: { status: 409, title: "Quote expired" },
  quote_used: { status: 409, title: "Quote already used" },
  // Logistics
  cod_not_allowed: { status: 422, title: "Cash on delivery not allowed" },
  internal_error: { status: 500, title: "Internal error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<
  string,
  { status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 426 | 429 | 500 | 503; title: string }
>;

export type ErrorCode = keyof typeof ERROR_CODES;

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: "phone" }),
  message: z.string().openapi({ example: "Expected a Thai mobile number such as 081 234 5678" }),
});

/** RFC 9457 problem details, as every error of the API is written. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:tchat:problem:validation_failed" }),
    title: z.string().openapi({ example: "Validation failed" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({ example: "Fix the fields listed in errors and send the request again." }),
    code: z.enum(codes).openapi({ example: "validation_failed" }),
    requestId: z.string().openapi({ example: "9f1c2a4e-7b7d-4c55-9a55-0d4b2f0c1e11" }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi("Problem");

/** The six languages of the platform. */
export const LOCALES = ["th", "en", "id", "ms", "fil", "vi"] as const;
export const LocaleSchema = z.enum(LOCALES).openapi("Locale", { description: "th, en, id, ms, fil or vi" });
export type Locale = z.infer<typeof LocaleSchema>;
