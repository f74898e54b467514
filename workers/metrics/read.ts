import { readConfig } from "../platform/config";
import { database } from "../platform/db";
import { flushMetrics } from "../platform/metrics";
import { analyticsAccess, readAnalyticsMetrics } from "./analytics-source";
import { readLocalMetrics } from "./local-source";
import { queueStanding } from "./queues";
import type { MetricsRange } from "./range";
import { assembleMetrics, type Metrics } from "./series";

/** What reading metrics may call out to; tests pass a recording fetch. */
export interface MetricsDeps {
  fetch: typeof fetch;
}

export const defaultMetricsDeps = (): MetricsDeps => ({ fetch: (input, init) => fetch(input, init) });

/**
 * The metrics of a range: from the local sink where METRICS_LOCAL_SINK is on (development,
 * tests; after writing this isolate's buffered points), else from Analytics Engine's SQL API; the
 * queues' standing from D1 either way.
 */
export async function readMetrics(env: Env, range: MetricsRange, deps: MetricsDeps): Promise<Metrics> {
  const config = readConfig(env).metrics;
  const queues = queueStanding(database(env));
  if (config.localSink) {
    // This isolate's points still waiting for their batch (up to a second's worth) are counted too.
    await flushMetrics(env);
    return assembleMetrics(range, await readLocalMetrics(env.DB, range), await queues, "local");
  }
  const raw = await readAnalyticsMetrics(analyticsAccess(config, env, deps.fetch), range);
  return assembleMetrics(range, raw, await queues, "analytics_engine");
}
