import type { MetricsConfig } from "../platform/config-metrics";
import { ApiError } from "../platform/errors";
import type { MetricsRange } from "./range";
import { CHECKOUT, type CountRow, PRODUCT_VIEW, type RawMetrics, type RequestBucket } from "./series";

/*
 * Production's store: Workers Analytics Engine, read through its SQL API
 * (POST https://api.cloudflare.com/client/v4/accounts/{account_id}/analytics_engine/sql, the SQL as
 * the body, a bearer token with Account Analytics Read). Analytics Engine samples: every row
 * stands for `_sample_interval` points, so counts are sum(_sample_interval), sums are
 * sum(x × _sample_interval) and percentiles quantileWeighted(q, x, _sample_interval).
 */

const SQL_TIMEOUT_MS = 15_000;

export interface AnalyticsAccess {
  accountId: string;
  dataset: string;
  token: string;
  fetch: typeof fetch;
}

export function analyticsAccess(config: MetricsConfig, env: Env, fetchFn: typeof fetch): AnalyticsAccess {
  const token = env.METRICS_API_TOKEN ?? "";
  if (!config.accountId || !token) {
    throw new ApiError(
      "service_unavailable",
      "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.",
    );
  }
  return { accountId: config.accountId, dataset: config.dataset, token, fetch: fetchFn };
}

/** "2026-12-06 05:00:00": how the SQL API reads and writes times (UTC). */
const sqlTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
const fromSqlTime = (text: unknown) => Date.parse(`${String(text).replace(" ", "T")}Z`);

/**
 * The bucket of each row: `from + k × step`. A step that is a whole number of minutes, hours or
 * days and divides the day uses toStartOfInterval (aligned with `from`, which resolveRange rounds);
 * one bucket over the whole range (an alert's window) needs no grouping at all.
 */
function bucketOf(range: MetricsRange): string {
  const seconds = range.stepMs / 1000;
  if (range.fromMs + range.stepMs >= range.toMs) return `toDateTime('${sqlTime(range.fromMs)}')`;
  if (seconds % 86_400 === 0) return `toStartOfInterval(timestamp, INTERVAL '${seconds / 86_400}' DAY)`;
  if (seconds % 3600 === 0) return `toStartOfInterval(timestamp, INTERVAL '${seconds / 3600}' HOUR)`;
  return `toStartOfInterval(timestamp, INTERVAL '${Math.max(1, Math.round(seconds / 60))}' MINUTE)`;
}

/**
 * The carts of the range (series.ts RawFunnel), as local-source.ts counts them: per cart key the
 * last add, checkout and merge (Unix seconds, 0 for none); a subquery, as the SQL API has no JOIN.
 * Counted per cart, not weighted: a cart's points share index "cart", so sampling keeps or drops
 * carts alike, and the ordered carts stay a part of the carts counted.
 */
function cartsQuery(dataset: string, where: string): string {
  const last = (cond: string) => `max(if(${cond}, toUnixTimestamp(timestamp), 0))`;
  const perCart = `SELECT blob3 AS cart, ${last("blob2 IN ('start', 'add')")} AS added, ${last("blob2 = 'ordered'")} AS ordered, ${last("blob2 = 'merged'")} AS merged FROM ${dataset} WHERE index1 = 'cart' AND blob3 != '' AND ${where} GROUP BY cart`;
  return `SELECT count() AS carts, sum(if(ordered >= added, 1, 0)) AS ordered FROM (${perCart}) WHERE added > 0 AND (ordered >= added OR merged < added) FORMAT JSON`;
}

/** The four queries of a range (exported for the tests that pin them). */
export function metricsQueries(
  dataset: string,
  range: MetricsRange,
): { requests: string; counts: string; funnel: string; carts: string } {
  const where = `timestamp >= toDateTime('${sqlTime(range.fromMs)}') AND timestamp < toDateTime('${sqlTime(range.toMs)}')`;
  const bucket = bucketOf(range);
  return {
    requests: `SELECT ${bucket} AS b, sum(_sample_interval) AS requests, sum(if(double2 >= 500, _sample_interval, 0)) AS errors, quantileWeighted(0.5, double1, _sample_interval) AS p50, quantileWeighted(0.95, double1, _sample_interval) AS p95, quantileWeighted(0.99, double1, _sample_interval) AS p99 FROM ${dataset} WHERE index1 = 'request' AND ${where} GROUP BY b ORDER BY b FORMAT JSON`,
    counts: `SELECT ${bucket} AS b, blob1 AS kind, blob2 AS c2, if(blob1 IN ('payment', 'notification'), blob3, '') AS c3, if(blob1 = 'payment', blob4, '') AS c4, sum(double1 * _sample_interval) AS n, sum(double2 * _sample_interval) AS amount FROM ${dataset} WHERE index1 IN ('order', 'payment', 'chat', 'notification') AND ${where} GROUP BY b, kind, c2, c3, c4 ORDER BY b FORMAT JSON`,
    funnel: `SELECT sum(if(index1 = 'request' AND blob2 = '${PRODUCT_VIEW.method}' AND blob3 = '${PRODUCT_VIEW.route}' AND double2 < 400, _sample_interval, 0)) AS views, sum(if(index1 = 'request' AND blob2 = '${CHECKOUT.method}' AND blob3 = '${CHECKOUT.route}' AND double2 < 400, _sample_interval, 0)) AS checkouts FROM ${dataset} WHERE index1 = 'request' AND ${where} FORMAT JSON`,
    carts: cartsQuery(dataset, where),
  };
}

async function query(access: AnalyticsAccess, sql: string): Promise<Record<string, unknown>[]> {
  const url = `https://api.cloudflare.com/client/v4/accounts/${access.accountId}/analytics_engine/sql`;
  let data: unknown;
  try {
    const res = await access.fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${access.token}`, "Content-Type": "text/plain" },
      body: sql,
      signal: AbortSignal.timeout(SQL_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`${res.status}`);
    data = ((await res.json()) as { data?: unknown }).data;
  } catch {
    throw unavailable();
  }
  if (!Array.isArray(data)) throw unavailable();
  return data as Record<string, unknown>[];
}

const unavailable = () =>
  new ApiError("service_unavailable", "The metrics store did not answer. Try again in a minute.", {
    headers: { "Retry-After": "60" },
  });

const num = (v: unknown) => (v === null || v === undefined || v === "" ? 0 : Number(v) || 0);
const opt = (v: unknown) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));

export async function readAnalyticsMetrics(access: AnalyticsAccess, range: MetricsRange): Promise<RawMetrics> {
  const sql = metricsQueries(access.dataset, range);
  const [requests, counts, funnel, carts] = await Promise.all([
    query(access, sql.requests),
    query(access, sql.counts),
    query(access, sql.funnel),
    query(access, sql.carts),
  ]);
  const f = funnel[0] ?? {};
  const k = carts[0] ?? {};
  return {
    requests: requests.map(
      (r): RequestBucket => ({
        at: fromSqlTime(r.b),
        requests: num(r.requests),
        errors: num(r.errors),
        p50: num(r.requests) > 0 ? opt(r.p50) : null,
        p95: num(r.requests) > 0 ? opt(r.p95) : null,
        p99: num(r.requests) > 0 ? opt(r.p99) : null,
      }),
    ),
    counts: counts.map(
      (r): CountRow => ({
        at: fromSqlTime(r.b),
        kind: String(r.kind ?? ""),
        blob2: String(r.c2 ?? ""),
        blob3: String(r.c3 ?? ""),
        blob4: String(r.c4 ?? ""),
        n: num(r.n),
        amount: num(r.amount),
      }),
    ),
    funnel: {
      productViews: num(f.views),
      checkouts: num(f.checkouts),
      carts: num(k.carts),
      cartsOrdered: num(k.ordered),
    },
  };
}
