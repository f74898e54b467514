import { type BackupConfig, backupConfig } from "./config-backup";
import { type EarningsConfig, earningsConfig } from "./config-earnings";
import { ConfigError, describeProblems } from "./config-error";
import { type FxConfig, fxConfig } from "./config-fx";
import { type LogisticsConfig, logisticsConfig } from "./config-logistics";
import { type MetricsConfig, metricsConfig } from "./config-metrics";
import { parsePiiKeyring } from "./config-pii-keys";
import { type SellerUploads, sellerUploads } from "./config-seller-uploads";
import { ConfigSchema, type ConfigVars } from "./config-vars";
import { type WalletLimits, walletLimits } from "./config-wallet-limits";
import { type WriteLimit, type WriteLimitName, writeLimits } from "./config-write-limits";

export { ConfigError, type ConfigProblem } from "./config-error";

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
  /** Per-account and per-IP limits of the writes a person or a bot can repeat. */
  writeLimits: Record<WriteLimitName, WriteLimit>;
  wallet: {
    /** Per-transfer, rolling-24-hour and balance limits per currency and KYC level (docs/wallet.md). */
    limits: WalletLimits;
    /** A transfer whose receiving step did not answer is retried by the sender's alarm after this long (then backing off). */
    transferRetryMs: number;
  };
  disbursements: {
    /** The provider that pays out each currency (production; the sandbox pays out everything where PAYMENTS_SANDBOX is on). */
    providers: Record<string, "xendit" | "omise">;
    /** A disbursement the provider accepted but whose webhook has not come is asked about after this long (then backing off). */
    statusCheckMs: number;
  };
  /** FX rates, quotes and their spread and fee (config-fx.ts, docs/fx.md). */
  fx: FxConfig;
  /** The commission on sales and the longest statement or report (config-earnings.ts, docs/earnings.md). */
  earnings: EarningsConfig;
  /** D1 backups to R2 and synthetic checks (config-backup.ts, docs/runbooks/restore-from-backup.md). */
  backup: BackupConfig;
  /** Where the metric data points are kept and read (config-metrics.ts, docs/metrics.md). */
  metrics: MetricsConfig;
  /** Seller center uploads: the bulk price and stock CSV, verification documents. */
  sellerUploads: SellerUploads;
  /** Returns: how long after delivery a buyer may return items (then the order completes). */
  returns: { windowMs: number };
  /** Couriers, tracking polls and cash on delivery (config-logistics.ts, docs/logistics.md). */
  logistics: LogisticsConfig;
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
    /**
     * Stock hoarding caps: what one buyer (an account, or a guest cart token) and one IP may hold in
     * unpaid orders that still reserve stock. A checkout that would pass one is refused (409).
     */
    caps: { ordersPerBuyer: number; unitsPerBuyer: number; ordersPerIp: number; unitsPerIp: number };
    /**
     * How long after a checkout took the cart's lines its Cart object looks whether it died (no
     * answer under its Idempotency-Key, no live attempt); then the lines come back and its holds go.
     */
    abandonSeconds: number;
  };
  payments: {
    /** A payment still pending this long is asked of its gateway (and again this often while it stays pending). */
    statusCheckAfterSeconds: number;
    /**
     * How long past reservationExpiresAt an unpaid order waits when its gateway cannot say whether
     * it was paid; then it expires anyway (a payment found later is refunded).
     */
    statusMaxWaitSeconds: number;
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
    /** Messages one user may send across all rooms per window (HTTP and socket together). */
    userSendLimit: number;
    userSendWindowSeconds: number;
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
    /** Messages one replay page sends (socket `since`, `replay` frames): bounds the room's work per request. */
    replayPageSize: number;
    /** Lifetime of a realtime ticket (CONTRACT: 60 s). */
    ticketTtlSeconds: number;
    /** Tickets one user may take per minute. */
    ticketsPerMinute: number;
  };
  reviews: {
    /** Reports (since an admin last decided) that hide a review until an admin decides. */
    hideAfterReports: number;
  };
  privacy: {
    /** The PII encryption keys' ids, newest (the one that encrypts) first. */
    piiKeyIds: string[];
    /** Rows (or one room's messages) the PII key rotation re-encrypts per D1 batch. */
    rotationBatchSize: number;
    /** Batches one admin call or one cron run of the rotation does before it stops for the next. */
    rotationBatchesPerRun: number;
    /** Chat messages (per room call) or uploads an account erasure handles per step. */
    erasureBatchSize: number;
    /** An erasure job a runner took is left alone this long, then another run takes it over. */
    erasureLeaseMs: number;
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
    /** Admin routes answer 403 mfa_required to an admin whose account has no second factor on. */
    adminMfaRequired: boolean;
  };
}

/** The chat section, as the chat domain and the `ChatRoom` object pass it around. */
export type ChatConfig = Config["chat"];

type Loaded = { config: Config; error?: ConfigError };
const cache = new WeakMap<object, Loaded>();

function ordersSection(raw: ConfigVars): Config["orders"] {
  return {
    reservationSeconds: raw.ORDER_RESERVATION_SECONDS,
    reservationGraceSeconds: raw.ORDER_RESERVATION_GRACE_SECONDS,
    taxRatesOverride: raw.TAX_RATES_BPS,
    caps: {
      ordersPerBuyer: raw.CHECKOUT_MAX_OPEN_ORDERS_PER_BUYER,
      unitsPerBuyer: raw.CHECKOUT_MAX_HELD_UNITS_PER_BUYER,
      ordersPerIp: raw.CHECKOUT_MAX_OPEN_ORDERS_PER_IP,
      unitsPerIp: raw.CHECKOUT_MAX_HELD_UNITS_PER_IP,
    },
    abandonSeconds: raw.CHECKOUT_ABANDON_SECONDS,
  };
}

function paymentsConfig(raw: ConfigVars): Config["payments"] {
  return {
    statusCheckAfterSeconds: raw.PAYMENT_STATUS_CHECK_AFTER_SECONDS,
    statusMaxWaitSeconds: raw.PAYMENT_STATUS_MAX_WAIT_SECONDS,
  };
}

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
  if (parsed.success) loaded = { config: buildConfig(env, parsed.data) };
  else {
    const problems = describeProblems(env, parsed.error, ConfigSchema.shape);
    const withDefaults: Record<string, unknown> = { ...env };
    for (const p of problems) delete withDefaults[p.variable];
    loaded = { config: buildConfig(env, ConfigSchema.parse(withDefaults)), error: new ConfigError(problems) };
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

function buildConfig(env: Env, raw: ConfigVars): Config {
  return {
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
    writeLimits: writeLimits(raw),
    wallet: { limits: walletLimits(raw), transferRetryMs: raw.WALLET_TRANSFER_RETRY_SECONDS * 1000 },
    disbursements: {
      providers: Object.fromEntries(
        raw.DISBURSEMENT_PROVIDERS.split(",")
          .filter(Boolean)
          .map((pair) => pair.split(":") as [string, "xendit" | "omise"]),
      ),
      statusCheckMs: raw.DISBURSEMENT_STATUS_CHECK_SECONDS * 1000,
    },
    fx: fxConfig(raw),
    earnings: earningsConfig(raw),
    backup: backupConfig(raw),
    metrics: metricsConfig(raw, raw.ENVIRONMENT),
    sellerUploads: sellerUploads(raw),
    returns: { windowMs: raw.RETURN_WINDOW_DAYS * 86_400_000 },
    logistics: logisticsConfig(raw),
    appBaseUrl: raw.APP_BASE_URL.replace(/\/$/, ""),
    apiBaseUrl: raw.API_BASE_URL.replace(/\/$/, ""),
    smsProvider: raw.SMS_PROVIDER,
    notifications: notificationsConfig(raw),
    orders: ordersSection(raw),
    payments: paymentsConfig(raw),
    cart: { ttlMs: raw.CART_TTL_SECONDS * 1000, maxLines: raw.CART_MAX_LINES },
    shipping: { defaultWeightGrams: raw.SHIPPING_DEFAULT_WEIGHT_GRAMS },
    chat: chatConfig(raw),
    reviews: { hideAfterReports: raw.REVIEW_HIDE_AFTER_REPORTS },
    privacy: privacyConfig(env, raw),
    identity: identityConfig(raw),
  };
}

function privacyConfig(env: Env, raw: ConfigVars): Config["privacy"] {
  return {
    piiKeyIds: parsePiiKeyring(env).map((k) => k.id),
    rotationBatchSize: raw.PII_ROTATION_BATCH_SIZE,
    rotationBatchesPerRun: raw.PII_ROTATION_BATCHES_PER_RUN,
    erasureBatchSize: raw.ACCOUNT_ERASURE_BATCH_SIZE,
    erasureLeaseMs: raw.ACCOUNT_ERASURE_LEASE_SECONDS * 1000,
  };
}

function notificationsConfig(raw: ConfigVars): Config["notifications"] {
  return {
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
  };
}

function chatConfig(raw: ConfigVars): Config["chat"] {
  return {
    maxTextLength: raw.CHAT_MAX_TEXT_LENGTH,
    maxFrameBytes: raw.CHAT_MAX_FRAME_BYTES,
    sendLimit: raw.CHAT_SEND_LIMIT,
    sendWindowMs: raw.CHAT_SEND_WINDOW_SECONDS * 1000,
    userSendLimit: raw.CHAT_USER_SEND_LIMIT,
    userSendWindowSeconds: raw.CHAT_USER_SEND_WINDOW_SECONDS,
    maxSocketsPerUser: raw.CHAT_MAX_SOCKETS_PER_USER,
    typingThrottleMs: raw.CHAT_TYPING_THROTTLE_MS,
    maxGroupMembers: raw.CHAT_MAX_GROUP_MEMBERS,
    smallRoomMembers: raw.CHAT_SMALL_ROOM_MEMBERS,
    presenceTtlMs: raw.CHAT_PRESENCE_TTL_SECONDS * 1000,
    socketIdleMs: raw.CHAT_SOCKET_IDLE_SECONDS * 1000,
    effectsDelayMs: raw.CHAT_EFFECTS_DELAY_MS,
    searchScanLimit: raw.CHAT_SEARCH_SCAN_LIMIT,
    replayPageSize: raw.CHAT_REPLAY_PAGE_SIZE,
    ticketTtlSeconds: raw.REALTIME_TICKET_TTL_SECONDS,
    ticketsPerMinute: raw.REALTIME_TICKETS_PER_MINUTE,
  };
}

function identityConfig(raw: ConfigVars): Config["identity"] {
  return {
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
    adminMfaRequired: raw.ADMIN_MFA_REQUIRED,
  };
}
