import { z } from "zod";

/**
 * The metrics part of config.ts (kept apart so that file stays readable): where /admin/metrics
 * reads its numbers (docs/metrics.md). Production reads Workers Analytics Engine through its SQL
 * API (account id and dataset here, the API token as the secret METRICS_API_TOKEN); development
 * and tests keep the same data points in D1 (METRICS_LOCAL_SINK), since local Analytics Engine
 * stores nothing.
 */
export interface MetricsConfig {
  /** Also write every data point to the D1 table metric_points, and read /admin/metrics from it. */
  localSink: boolean;
  /** The Cloudflare account whose Analytics Engine the SQL API is asked. */
  accountId: string;
  /** The dataset (table) the ANALYTICS binding writes to. */
  dataset: string;
}

export const METRICS_VARS = {
  METRICS_LOCAL_SINK: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe('"true" or "false"'),
  METRICS_ACCOUNT_ID: z
    .string()
    .regex(/^([0-9a-f]{32})?$/)
    .default("")
    .describe("a 32-character Cloudflare account id, or empty"),
  METRICS_DATASET: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/)
    .default("tchat_requests_production")
    .describe("a dataset name (letters, digits, underscores)"),
};

type Parsed = { [K in keyof typeof METRICS_VARS]: z.output<(typeof METRICS_VARS)[K]> };

export function metricsConfig(raw: Parsed, environment: string): MetricsConfig {
  return {
    // Never in production: there Analytics Engine is the store, and D1 writes per request would cost.
    localSink: raw.METRICS_LOCAL_SINK && environment !== "production",
    accountId: raw.METRICS_ACCOUNT_ID,
    dataset: raw.METRICS_DATASET,
  };
}
