import { z } from "zod";

// The variables config.ts reads, each typed and range-checked (kept apart so that file stays readable).

import { BACKUP_VARS } from "./config-backup";
import { EARNINGS_VARS } from "./config-earnings";
import { FX_VARS } from "./config-fx";
import { LOGISTICS_VARS } from "./config-logistics";
import { METRICS_VARS } from "./config-metrics";
import { SELLER_UPLOAD_VARS } from "./config-seller-uploads";
import { WALLET_LIMIT_VARS } from "./config-wallet-limits";
import { WRITE_LIMIT_VARS } from "./config-write-limits";

// Each variable's schema carries a description of what it allows, so a bad value is reported
// with its variable's name and allowed range (see ConfigError in config-error.ts).
const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true")
  .describe('"true" or "false"');
/** A "true"/"false" variable that is on unless set to "false". */
const flagOn = z
  .enum(["true", "false"])
  .default("true")
  .transform((v) => v === "true")
  .describe('"true" or "false"');
/** An integer variable from `min` to `max`; `why` explains a maximum the platform imposes. */
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER, why?: string) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(max, why)
    .default(fallback)
    .describe(max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .enum(values)
    .default(fallback as never)
    .describe(`one of ${values.map((v) => JSON.stringify(v)).join(", ")}`);
const url = (fallback: string) => z.string().url().default(fallback).describe("an absolute URL");

/**
 * Every tunable of the platform, read from Worker variables. Defaults are the production values;
 * .dev.vars.example lists each variable with its local value.
 */
export const ConfigSchema = z.object({
  ENVIRONMENT: z.string().default("production"),
  DEV_OUTBOX: flag,
  PAYMENTS_SANDBOX: flag,
  ACCESS_LOG: flagOn,
  CORS_ORIGINS: z.string().default(""),
  JWT_ISSUER: z.string().default("https://api.tchat.example"),
  JWT_AUDIENCE: z.string().default("tchat-api"),
  MAX_BODY_BYTES: int(1_048_576, 1024),
  MAX_MEDIA_BYTES: int(26_214_400, 1024),
  MAX_IMAGE_BYTES: int(10_485_760, 1024),
  PRODUCT_CACHE_TTL_SECONDS: int(60, 0),
  IDEMPOTENCY_TTL_SECONDS: int(86_400, 60),
  OUTBOX_BATCH_SIZE: int(100, 1),
  OUTBOX_CLAIM_SECONDS: int(30, 1),
  EVENT_DELIVERY_TIMEOUT_SECONDS: int(600, 5, 86_400),
  EVENT_MAX_DELIVERIES: int(5, 1, 50),
  ...WRITE_LIMIT_VARS,
  ...WALLET_LIMIT_VARS,
  ...SELLER_UPLOAD_VARS,
  WALLET_TRANSFER_RETRY_SECONDS: int(30, 1, 3600),
  // Disbursements (docs/disbursements.md): the provider per currency, and when a payout whose webhook never came is asked about.
  DISBURSEMENT_PROVIDERS: z
    .string()
    .regex(/^([A-Z]{3}:(xendit|omise))?(,[A-Z]{3}:(xendit|omise))*$/)
    .default("THB:omise,IDR:xendit,PHP:xendit")
    .describe('a list like "THB:omise,IDR:xendit,PHP:xendit"'),
  DISBURSEMENT_STATUS_CHECK_SECONDS: int(900, 60, 86_400),
  ...FX_VARS,
  ...EARNINGS_VARS,
  ...BACKUP_VARS,
  // Returns: a delivered order may be returned this many days; then the cron completes it.
  RETURN_WINDOW_DAYS: int(7, 1, 365),
  ...LOGISTICS_VARS,
  ...METRICS_VARS,
  APP_BASE_URL: url("https://app.tchat.example"),
  API_BASE_URL: url("https://api.tchat.example"),
  ACCESS_TOKEN_TTL_SECONDS: int(900, 60, 900, "access tokens live at most 15 minutes"),
  REFRESH_TOKEN_TTL_SECONDS: int(2_592_000, 3600),
  MAX_SESSIONS_PER_USER: int(5, 1),
  OTP_TTL_SECONDS: int(300, 30, 600, "OTP codes live at most 10 minutes"),
  OTP_MAX_ATTEMPTS: int(5, 1),
  OTP_RESEND_SECONDS: int(60, 0),
  OTP_MAX_PER_PHONE_PER_HOUR: int(5, 1),
  OTP_MAX_PER_IP_PER_HOUR: int(30, 1),
  AUTH_MAX_PER_IP_PER_MINUTE: int(120, 1),
  LOGIN_MAX_FAILURES: int(5, 1),
  LOGIN_LOCK_SECONDS: int(900, 1),
  ADMIN_MFA_REQUIRED: flag,
  PASSWORD_RESET_TTL_SECONDS: int(3600, 60),
  PASSWORD_RESET_MAX_PER_HOUR: int(5, 1),
  PASSWORD_PBKDF2_ITERATIONS: int(
    100_000,
    10_000,
    100_000,
    "deployed Workers refuse more than 100000 PBKDF2 iterations",
  ),
  SMS_PROVIDER: oneOf(["twilio", ""], ""),
  ORDER_RESERVATION_SECONDS: int(900, 60),
  ORDER_RESERVATION_GRACE_SECONDS: int(120, 0),
  PAYMENT_STATUS_CHECK_AFTER_SECONDS: int(600, 60, 86_400),
  PAYMENT_STATUS_MAX_WAIT_SECONDS: int(1800, 0, 86_400),
  TAX_RATES_BPS: z.string().default(""),
  CHECKOUT_MAX_OPEN_ORDERS_PER_BUYER: int(10, 1, 10_000),
  CHECKOUT_MAX_HELD_UNITS_PER_BUYER: int(200, 1, 1_000_000),
  CHECKOUT_MAX_OPEN_ORDERS_PER_IP: int(100, 1, 100_000_000),
  CHECKOUT_MAX_HELD_UNITS_PER_IP: int(2_000, 1, 1_000_000_000),
  CHECKOUT_ABANDON_SECONDS: int(600, 120, 3_600),
  EMAIL_PROVIDER: oneOf(["resend", ""], ""),
  EMAIL_FROM: z.string().default("Tchat <no-reply@tchat.example>"),
  PUSH_PROVIDER: oneOf(["fcm", ""], ""),
  NOTIFICATIONS_PROVIDER_TIMEOUT_MS: int(10_000, 1000),
  NOTIFICATIONS_MAX_DELAY_SECONDS: int(43_200, 1, 43_200, "Queues delay a message at most 12 hours"),
  NOTIFICATIONS_DELIVERY_TTL_SECONDS: int(172_800, 60),
  NOTIFICATIONS_MAX_DEVICES_PER_USER: int(10, 1),
  NOTIFICATIONS_DEVICE_REGISTRATIONS_PER_HOUR: int(60, 1),
  NOTIFICATIONS_HUB_MAX_SOCKETS: int(10, 1),
  NOTIFICATIONS_HUB_IDLE_SECONDS: int(90, 10),
  NOTIFICATIONS_HUB_HEARTBEAT_SECONDS: int(45, 5),
  NOTIFICATIONS_HUB_MAX_FRAME_BYTES: int(4096, 64),
  NOTIFICATIONS_PROMO_MAX_RECIPIENTS: int(10_000, 1),
  NOTIFICATIONS_PROMO_CHUNK: int(20, 1, 100, "at most 100 recipients per promotion event"),
  NOTIFICATIONS_PRICE_DROP_VIEW_DAYS: int(30, 1),
  NOTIFICATIONS_BENCH_MAX_EVENTS: int(20_000, 1),
  NOTIFICATIONS_RETENTION_DAYS: int(90, 1),
  CART_TTL_SECONDS: int(2_592_000, 60, 31_536_000),
  CART_MAX_LINES: int(100, 1, 500),
  SHIPPING_DEFAULT_WEIGHT_GRAMS: int(500, 1, 1_000_000),
  CHAT_MAX_TEXT_LENGTH: int(4000, 1, 100_000),
  CHAT_MAX_FRAME_BYTES: int(32_768, 1024, 1_048_576),
  CHAT_SEND_LIMIT: int(30, 1),
  CHAT_SEND_WINDOW_SECONDS: int(10, 1),
  CHAT_USER_SEND_LIMIT: int(60, 1),
  CHAT_USER_SEND_WINDOW_SECONDS: int(60, 1),
  CHAT_MAX_SOCKETS_PER_USER: int(5, 1, 100),
  CHAT_TYPING_THROTTLE_MS: int(3000, 0),
  CHAT_MAX_GROUP_MEMBERS: int(1000, 2, 10_000),
  CHAT_SMALL_ROOM_MEMBERS: int(100, 2),
  CHAT_PRESENCE_TTL_SECONDS: int(120, 10),
  CHAT_SOCKET_IDLE_SECONDS: int(90, 10),
  CHAT_EFFECTS_DELAY_MS: int(250, 0, 60_000),
  CHAT_SEARCH_SCAN_LIMIT: int(5000, 100),
  CHAT_REPLAY_PAGE_SIZE: int(500, 10, 5000),
  REALTIME_TICKET_TTL_SECONDS: int(60, 5, 600),
  REALTIME_TICKETS_PER_MINUTE: int(30, 1),
  REVIEW_HIDE_AFTER_REPORTS: int(3, 1),
  PII_ROTATION_BATCH_SIZE: int(100, 1, 500),
  PII_ROTATION_BATCHES_PER_RUN: int(10, 1, 100),
  ACCOUNT_ERASURE_BATCH_SIZE: int(200, 1, 1000),
  ACCOUNT_ERASURE_LEASE_SECONDS: int(300, 30, 3600),
});

/** The variables, parsed: what config.ts shapes into its sections. */
export type ConfigVars = z.output<typeof ConfigSchema>;
