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
  };
  cache.set(env, config);
  return config;
}
