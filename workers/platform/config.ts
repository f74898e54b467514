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
    idempotencyTtlSeconds: number;
  };
  outbox: { batchSize: number; claimSeconds: number };
  appBaseUrl: string;
  smsProvider: "twilio" | "";
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
      idempotencyTtlSeconds: raw.IDEMPOTENCY_TTL_SECONDS,
    },
    outbox: { batchSize: raw.OUTBOX_BATCH_SIZE, claimSeconds: raw.OUTBOX_CLAIM_SECONDS },
    appBaseUrl: raw.APP_BASE_URL.replace(/\/$/, ""),
    smsProvider: raw.SMS_PROVIDER,
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
