import { z } from "zod";

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/**
 * Every tunable of the platform, read from Worker variables. Defaults are the production values;
 * .dev.vars.example lists each variable with its local value.
 */
const ConfigSchema = z.object({
  ENVIRONMENT: z.string().default("production"),
  DEV_OUTBOX: flag,
  PAYMENTS_SANDBOX: flag,
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
  APP_BASE_URL: z.string().url().default("https://app.tchat.example"),
  ACCESS_TOKEN_TTL_SECONDS: int(900, 60).refine((v) => v <= 900, "access tokens live at most 15 minutes"),
  REFRESH_TOKEN_TTL_SECONDS: int(2_592_000, 3600),
  MAX_SESSIONS_PER_USER: int(5, 1),
  OTP_TTL_SECONDS: int(300, 30).refine((v) => v <= 600, "OTP codes live at most 10 minutes"),
  OTP_MAX_ATTEMPTS: int(5, 1),
  OTP_RESEND_SECONDS: int(60, 0),
  OTP_MAX_PER_PHONE_PER_HOUR: int(5, 1),
  OTP_MAX_PER_IP_PER_HOUR: int(30, 1),
  AUTH_MAX_PER_IP_PER_MINUTE: int(120, 1),
  LOGIN_MAX_FAILURES: int(5, 1),
  LOGIN_LOCK_SECONDS: int(900, 1),
  PASSWORD_RESET_TTL_SECONDS: int(3600, 60),
  PASSWORD_RESET_MAX_PER_HOUR: int(5, 1),
  PASSWORD_PBKDF2_ITERATIONS: int(100_000, 10_000).refine(
    (v) => v <= 100_000,
    "deployed Workers refuse more than 100000 PBKDF2 iterations",
  ),
  SMS_PROVIDER: z.enum(["twilio", ""]).default(""),
  ORDER_RESERVATION_SECONDS: int(900, 60),
  ORDER_RESERVATION_GRACE_SECONDS: int(120, 0),
  TAX_RATES_BPS: z.string().default(""),
  EMAIL_PROVIDER: z.enum(["resend", ""]).default(""),
  EMAIL_FROM: z.string().default("Tchat <no-reply@tchat.example>"),
  PUSH_PROVIDER: z.enum(["fcm", ""]).default(""),
  NOTIFICATIONS_PROVIDER_TIMEOUT_MS: int(10_000, 1000),
  NOTIFICATIONS_MAX_DELAY_SECONDS: int(43_200, 1).refine((v) => v <= 43_200, "Queues delay a message at most 12 hours"),
  NOTIFICATIONS_DELIVERY_TTL_SECONDS: int(172_800, 60),
  NOTIFICATIONS_MAX_DEVICES_PER_USER: int(10, 1),
  NOTIFICATIONS_DEVICE_REGISTRATIONS_PER_HOUR: int(60, 1),
  NOTIFICATIONS_HUB_MAX_SOCKETS: int(10, 1),
  NOTIFICATIONS_HUB_IDLE_SECONDS: int(90, 10),
  NOTIFICATIONS_HUB_HEARTBEAT_SECONDS: int(45, 5),
  NOTIFICATIONS_HUB_MAX_FRAME_BYTES: int(4096, 64),
  NOTIFICATIONS_PROMO_MAX_RECIPIENTS: int(10_000, 1),
  NOTIFICATIONS_PROMO_CHUNK: int(20, 1).refine((v) => v <= 100, "at most 100 recipients per promotion event"),
  NOTIFICATIONS_PRICE_DROP_VIEW_DAYS: int(30, 1),
  NOTIFICATIONS_BENCH_MAX_EVENTS: int(20_000, 1),
});

export interface Config {
  environment: string;
  devOutbox: boolean;
  paymentsSandbox: boolean;
  corsOrigins: string[];
  jwt: { issuer: string; audience: string };
  limits: {
    maxBodyBytes: number;
    maxMediaBytes: number;
    /** Product photos and chat pictures. */
    maxImageBytes: number;
    /** How long a product read may be served from the Cache API in another data center. */
    productCacheTtlSeconds: number;
    idempotencyTtlSeconds: number;
  };
  outbox: { batchSize: number; claimSeconds: number };
  appBaseUrl: string;
  smsProvider: "twilio" | "";
  notifications: {
    emailProvider: "resend" | "";
    /** The sender of notification emails, e.g. "Tchat <no-reply@tchat.example>". */
    emailFrom: string;
    pushProvider: "fcm" | "";
    /** A provider request that takes longer fails (retryably). */
    providerTimeoutMs: number;
    /** The longest queue delay (Cloudflare Queues: 12 h); longer deferrals hop. */
    maxDelaySeconds: number;
    /** A delivery not sent this long after it was created is given up (expired). */
    deliveryTtlSeconds: number;
    /** Push devices per user; registering one more forgets the oldest. */
    maxDevicesPerUser: number;
    deviceRegistrationsPerHour: number;
    /** Realtime sockets per user (one per device; the next one closes the oldest). */
    hubMaxSockets: number;
    /** A realtime socket silent (pings included) this long is closed. */
    hubIdleSeconds: number;
    /** How often the per-user hub checks its sockets while any are open. */
    hubHeartbeatSeconds: number;
    /** Bytes of one client frame on the realtime stream (clients only ping). */
    hubMaxFrameBytes: number;
    /** Recipients of one promotion trigger, and per promotion event. */
    promoMaxRecipients: number;
    promoChunk: number;
    /** A price drop goes to who viewed the product within this many days (when no userIds are given). */
    priceDropViewDays: number;
    /** Events one dev bench request may enqueue (local only). */
    benchMaxEvents: number;
  };
  orders: {
    /** How long an unpaid order holds its stock (CONTRACT: 15 minutes by default). */
    reservationSeconds: number;
    /** Inventory holds outlive the order's deadline by this much, so the expiry sweep releases them, not the alarm. */
    reservationGraceSeconds: number;
    /** JSON overrides of the per-country tax rates in basis points, e.g. {"MY": 800}. */
    taxRatesOverride: string;
  };
  identity: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    maxSessionsPerUser: number;
    otpTtlSeconds: number;
    otpMaxAttempts: number;
    otpResendSeconds: number;
    otpMaxPerPhonePerHour: number;
    otpMaxPerIpPerHour: number;
    authMaxPerIpPerMinute: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
    passwordResetTtlSeconds: number;
    passwordResetMaxPerHour: number;
    pbkdf2Iterations: number;
  };
}

const cache = new WeakMap<object, Config>();

/** Parses the Worker's variables once per env object; a bad value fails loudly at start-up. */
export function readConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const raw = ConfigSchema.parse(env);
  const config: Config = {
    environment: raw.ENVIRONMENT,
    devOutbox: raw.DEV_OUTBOX && raw.ENVIRONMENT !== "production",
    paymentsSandbox: raw.PAYMENTS_SANDBOX && raw.ENVIRONMENT !== "production",
    corsOrigins: raw.CORS_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    jwt: { issuer: raw.JWT_ISSUER, audience: raw.JWT_AUDIENCE },
    limits: {
      maxBodyBytes: raw.MAX_BODY_BYTES,
      maxMediaBytes: raw.MAX_MEDIA_BYTES,
      maxImageBytes: raw.MAX_IMAGE_BYTES,
      productCacheTtlSeconds: raw.PRODUCT_CACHE_TTL_SECONDS,
      idempotencyTtlSeconds: raw.IDEMPOTENCY_TTL_SECONDS,
    },
    outbox: { batchSize: raw.OUTBOX_BATCH_SIZE, claimSeconds: raw.OUTBOX_CLAIM_SECONDS },
    appBaseUrl: raw.APP_BASE_URL.replace(/\/$/, ""),
    smsProvider: raw.SMS_PROVIDER,
    notifications: {
      emailProvider: raw.EMAIL_PROVIDER,
      emailFrom: raw.EMAIL_FROM,
      pushProvider: raw.PUSH_PROVIDER,
      providerTimeoutMs: raw.NOTIFICATIONS_PROVIDER_TIMEOUT_MS,
      maxDelaySeconds: raw.NOTIFICATIONS_MAX_DELAY_SECONDS,
      deliveryTtlSeconds: raw.NOTIFICATIONS_DELIVERY_TTL_SECONDS,
      maxDevicesPerUser: raw.NOTIFICATIONS_MAX_DEVICES_PER_USER,
      deviceRegistrationsPerHour: raw.NOTIFICATIONS_DEVICE_REGISTRATIONS_PER_HOUR,
      hubMaxSockets: raw.NOTIFICATIONS_HUB_MAX_SOCKETS,
      hubIdleSeconds: raw.NOTIFICATIONS_HUB_IDLE_SECONDS,
      hubHeartbeatSeconds: raw.NOTIFICATIONS_HUB_HEARTBEAT_SECONDS,
      hubMaxFrameBytes: raw.NOTIFICATIONS_HUB_MAX_FRAME_BYTES,
      promoMaxRecipients: raw.NOTIFICATIONS_PROMO_MAX_RECIPIENTS,
      promoChunk: raw.NOTIFICATIONS_PROMO_CHUNK,
      priceDropViewDays: raw.NOTIFICATIONS_PRICE_DROP_VIEW_DAYS,
      benchMaxEvents: raw.NOTIFICATIONS_BENCH_MAX_EVENTS,
    },
    orders: {
      reservationSeconds: raw.ORDER_RESERVATION_SECONDS,
      reservationGraceSeconds: raw.ORDER_RESERVATION_GRACE_SECONDS,
      taxRatesOverride: raw.TAX_RATES_BPS,
    },
    identity: {
      accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: raw.REFRESH_TOKEN_TTL_SECONDS,
      maxSessionsPerUser: raw.MAX_SESSIONS_PER_USER,
      otpTtlSeconds: raw.OTP_TTL_SECONDS,
      otpMaxAttempts: raw.OTP_MAX_ATTEMPTS,
      otpResendSeconds: raw.OTP_RESEND_SECONDS,
      otpMaxPerPhonePerHour: raw.OTP_MAX_PER_PHONE_PER_HOUR,
      otpMaxPerIpPerHour: raw.OTP_MAX_PER_IP_PER_HOUR,
      authMaxPerIpPerMinute: raw.AUTH_MAX_PER_IP_PER_MINUTE,
      loginMaxFailures: raw.LOGIN_MAX_FAILURES,
      loginLockSeconds: raw.LOGIN_LOCK_SECONDS,
      passwordResetTtlSeconds: raw.PASSWORD_RESET_TTL_SECONDS,
      passwordResetMaxPerHour: raw.PASSWORD_RESET_MAX_PER_HOUR,
      pbkdf2Iterations: raw.PASSWORD_PBKDF2_ITERATIONS,
    },
  };
  cache.set(env, config);
  return config;
}
