import { z } from "zod";
import { ConfigError, describeProblems } from "./config-error";

export { ConfigError, type ConfigProblem } from "./config-error";

// Each variable's schema carries a description of what it allows, so a bad value is reported
// with its variable's name and allowed range (see ConfigError).
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
const ConfigSchema = z.object({
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
  TAX_RATES_BPS: z.string().default(""),
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
  CHAT_MAX_SOCKETS_PER_USER: int(5, 1, 100),
  CHAT_TYPING_THROTTLE_MS: int(3000, 0),
  CHAT_MAX_GROUP_MEMBERS: int(1000, 2, 10_000),
  CHAT_SMALL_ROOM_MEMBERS: int(100, 2),
  CHAT_PRESENCE_TTL_SECONDS: int(120, 10),
  CHAT_SOCKET_IDLE_SECONDS: int(90, 10),
  CHAT_EFFECTS_DELAY_MS: int(250, 0, 60_000),
  CHAT_SEARCH_SCAN_LIMIT: int(5000, 100),
  REALTIME_TICKET_TTL_SECONDS: int(60, 5, 600),
  REALTIME_TICKETS_PER_MINUTE: int(30, 1),
  REVIEW_HIDE_AFTER_REPORTS: int(3, 1),
});

export interface Config {
  environment: string;
  devOutbox: boolean;
  paymentsSandbox: boolean;
  /** One JSON log line per request (the Analytics Engine data point is written either way). */
  accessLog: boolean;
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
  outbox: {
    batchSize: number;
    claimSeconds: number;
    /** A published event not applied by every consumer of its type this long after is published again. */
    deliveryTimeoutMs: number;
    /** Publications of one event before it is dead-lettered as never applied. */
    maxDeliveries: number;
  };
  appBaseUrl: string;
  /** This API's public origin, for callbacks providers are told to call (Twilio status callbacks). */
  apiBaseUrl: string;
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
    /** Notifications, their deliveries, tracked messages and provider receipts older than this are purged. */
    retentionDays: number;
  };
  orders: {
    /** How long an unpaid order holds its stock (CONTRACT: 15 minutes by default). */
    reservationSeconds: number;
    /** Inventory holds outlive the order's deadline by this much, so the expiry sweep releases them, not the alarm. */
    reservationGraceSeconds: number;
    /** JSON overrides of the per-country tax rates in basis points, e.g. {"MY": 800}. */
    taxRatesOverride: string;
  };
  cart: {
    /** A cart is deleted this long after its last change (CONTRACT: 30 days). */
    ttlMs: number;
    /** Distinct lines one cart may hold. */
    maxLines: number;
  };
  shipping: {
    /** Weight assumed for a product that has none recorded. */
    defaultWeightGrams: number;
  };
  /** Chat and realtime limits; the `ChatRoom` object reads them from its own env. */
  chat: {
    /** Characters of text in one message (edits too); longer is 413. */
    maxTextLength: number;
    /** Bytes of one client WebSocket frame; larger frames get an error frame. */
    maxFrameBytes: number;
    /** Messages one user may send to one room per window (HTTP and socket together). */
    sendLimit: number;
    sendWindowMs: number;
    /** Open sockets per user per room; the next one closes the oldest. */
    maxSocketsPerUser: number;
    /** One `typing: true` per user per this many ms reaches the room. */
    typingThrottleMs: number;
    /** Members of a group or channel (CONTRACT: up to 1000). */
    maxGroupMembers: number;
    /** Rooms up to this size broadcast presence and receipt frames to everyone; larger ones do not. */
    smallRoomMembers: number;
    /** A presence lease lasts this long; rooms renew it at half of it while the socket lives. */
    presenceTtlMs: number;
    /** A socket with no frame (pings included) for this long is considered dead and closed. */
    socketIdleMs: number;
    /** How long the room gathers accepted messages before writing their D1 side effects. */
    effectsDelayMs: number;
    /** Messages a per-dialog search decrypts and scans per request. */
    searchScanLimit: number;
    /** Lifetime of a realtime ticket (CONTRACT: 60 s). */
    ticketTtlSeconds: number;
    /** Tickets one user may take per minute. */
    ticketsPerMinute: number;
  };
  reviews: {
    /** Reports (since an admin last decided) that hide a review until an admin decides. */
    hideAfterReports: number;
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

/** The chat section, as the chat domain and the `ChatRoom` object pass it around. */
export type ChatConfig = Config["chat"];

type Loaded = { config: Config; error?: ConfigError };
const cache = new WeakMap<object, Loaded>();

/**
 * Checks the Worker's variables once per env object (so once per isolate, and once per Durable
 * Object, which gets its own env). A bad value gives a ConfigError naming the variable and its
 * allowed range, and a stand-in config with that variable at its default, so /health and /ready
 * can still answer while every other route refuses (middleware/misconfigured.ts).
 */
export function loadConfig(env: Env): Loaded {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(env);
  let loaded: Loaded;
  if (parsed.success) loaded = { config: buildConfig(parsed.data) };
  else {
    const problems = describeProblems(env, parsed.error, ConfigSchema.shape);
    const withDefaults: Record<string, unknown> = { ...env };
    for (const p of problems) delete withDefaults[p.variable];
    loaded = { config: buildConfig(ConfigSchema.parse(withDefaults)), error: new ConfigError(problems) };
  }
  cache.set(env, loaded);
  return loaded;
}

/** The Worker's settings; throws the (memoized) ConfigError when a variable is out of range. */
export function readConfig(env: Env): Config {
  const { config, error } = loadConfig(env);
  if (error) throw error;
  return config;
}

function buildConfig(raw: z.output<typeof ConfigSchema>): Config {
  const config: Config = {
    environment: raw.ENVIRONMENT,
    devOutbox: raw.DEV_OUTBOX && raw.ENVIRONMENT !== "production",
    paymentsSandbox: raw.PAYMENTS_SANDBOX && raw.ENVIRONMENT !== "production",
    accessLog: raw.ACCESS_LOG,
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
    outbox: {
      batchSize: raw.OUTBOX_BATCH_SIZE,
      claimSeconds: raw.OUTBOX_CLAIM_SECONDS,
      deliveryTimeoutMs: raw.EVENT_DELIVERY_TIMEOUT_SECONDS * 1000,
      maxDeliveries: raw.EVENT_MAX_DELIVERIES,
    },
    appBaseUrl: raw.APP_BASE_URL.replace(/\/$/, ""),
    apiBaseUrl: raw.API_BASE_URL.replace(/\/$/, ""),
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
      retentionDays: raw.NOTIFICATIONS_RETENTION_DAYS,
    },
    orders: {
      reservationSeconds: raw.ORDER_RESERVATION_SECONDS,
      reservationGraceSeconds: raw.ORDER_RESERVATION_GRACE_SECONDS,
      taxRatesOverride: raw.TAX_RATES_BPS,
    },
    cart: { ttlMs: raw.CART_TTL_SECONDS * 1000, maxLines: raw.CART_MAX_LINES },
    shipping: { defaultWeightGrams: raw.SHIPPING_DEFAULT_WEIGHT_GRAMS },
    chat: {
      maxTextLength: raw.CHAT_MAX_TEXT_LENGTH,
      maxFrameBytes: raw.CHAT_MAX_FRAME_BYTES,
      sendLimit: raw.CHAT_SEND_LIMIT,
      sendWindowMs: raw.CHAT_SEND_WINDOW_SECONDS * 1000,
      maxSocketsPerUser: raw.CHAT_MAX_SOCKETS_PER_USER,
      typingThrottleMs: raw.CHAT_TYPING_THROTTLE_MS,
      maxGroupMembers: raw.CHAT_MAX_GROUP_MEMBERS,
      smallRoomMembers: raw.CHAT_SMALL_ROOM_MEMBERS,
      presenceTtlMs: raw.CHAT_PRESENCE_TTL_SECONDS * 1000,
      socketIdleMs: raw.CHAT_SOCKET_IDLE_SECONDS * 1000,
      effectsDelayMs: raw.CHAT_EFFECTS_DELAY_MS,
      searchScanLimit: raw.CHAT_SEARCH_SCAN_LIMIT,
      ticketTtlSeconds: raw.REALTIME_TICKET_TTL_SECONDS,
      ticketsPerMinute: raw.REALTIME_TICKETS_PER_MINUTE,
    },
    reviews: { hideAfterReports: raw.REVIEW_HIDE_AFTER_REPORTS },
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
  return config;
}
