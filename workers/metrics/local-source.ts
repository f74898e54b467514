import type { MetricsRange } from "./range";
import { CHECKOUT, type CountRow, PRODUCT_VIEW, type RawMetrics, type RequestBucket } from "./series";

/*
 * The local store: the D1 table metric_points, written where METRICS_LOCAL_SINK is "true"
 * (workers/platform/metrics.ts). The same numbers Analytics Engine gives in production, from the
 * same points, each counted once (no sampling here). Buckets start at `from + k × step`.
 */

// CAST: D1 binds JavaScript numbers as REAL, so the division would not be an integer one.
const BUCKET = "(?1 + CAST((at - ?1) / ?3 AS INTEGER) * ?3)";

// Percentiles by rank within each bucket: the value at rank ceil(n × q) (nearest-rank method).
const REQUESTS_SQL = `
WITH r AS (
  SELECT ${BUCKET} AS b, double1 AS d, double2 AS status,
         ROW_NUMBER() OVER (PARTITION BY ${BUCKET} ORDER BY double1) AS rn,
         COUNT(*) OVER (PARTITION BY ${BUCKET}) AS n
  FROM metric_points WHERE kind = 'request' AND at >= ?1 AND at < ?2
)
SELECT b, MAX(n) AS requests, SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS errors,
       MIN(CASE WHEN rn = (n * 50 + 99) / 100 THEN d END) AS p50,
       MIN(CASE WHEN rn = (n * 95 + 99) / 100 THEN d END) AS p95,
       MIN(CASE WHEN rn = (n * 99 + 99) / 100 THEN d END) AS p99
FROM r GROUP BY b`;

const COUNTS_SQL = `
SELECT ${BUCKET} AS b, kind, blob2,
       CASE WHEN kind IN ('payment', 'notification') THEN blob3 ELSE '' END AS c3,
       CASE WHEN kind = 'payment' THEN blob4 ELSE '' END AS c4,
       SUM(double1) AS n, SUM(double2) AS amount
FROM metric_points
WHERE kind IN ('order', 'payment', 'chat', 'notification') AND at >= ?1 AND at < ?2
GROUP BY b, kind, blob2, c3, c4`;

const FUNNEL_SQL = `
SELECT
  SUM(CASE WHEN kind = 'request' AND blob2 = ?3 AND blob3 = ?4 AND double2 < 400 THEN 1 ELSE 0 END) AS views,
  SUM(CASE WHEN kind = 'request' AND blob2 = ?5 AND blob3 = ?6 AND double2 < 400 THEN 1 ELSE 0 END) AS checkouts
FROM metric_points WHERE kind = 'request' AND at >= ?1 AND at < ?2`;

// The carts of the range, one row each (series.ts RawFunnel): the last add, checkout and merge of
// each cart key; a cart counts unless merged away after its last add without an order, and is
// ordered when checked out at or after its last add.
const CARTS_SQL = `
SELECT COUNT(*) AS carts, COALESCE(SUM(CASE WHEN ordered >= added THEN 1 ELSE 0 END), 0) AS ordered
FROM (
  SELECT blob3 AS cart,
         MAX(CASE WHEN blob2 IN ('start', 'add') THEN at END) AS added,
         MAX(CASE WHEN blob2 = 'ordered' THEN at END) AS ordered,
         MAX(CASE WHEN blob2 = 'merged' THEN at END) AS merged
  FROM metric_points WHERE kind = 'cart' AND blob3 <> '' AND at >= ?1 AND at < ?2
  GROUP BY blob3
)
WHERE added IS NOT NULL AND (ordered >= added OR merged IS NULL OR merged < added)`;

export async function readLocalMetrics(db: D1Database, range: MetricsRange): Promise<RawMetrics> {
  const { fromMs, toMs, stepMs } = range;
  const [requests, counts, funnel, carts] = await db.batch<Record<string, number | string | null>>([
    db.prepare(REQUESTS_SQL).bind(fromMs, toMs, stepMs),
    db.prepare(COUNTS_SQL).bind(fromMs, toMs, stepMs),
    db.prepare(FUNNEL_SQL).bind(fromMs, toMs, PRODUCT_VIEW.method, PRODUCT_VIEW.route, CHECKOUT.method, CHECKOUT.route),
    db.prepare(CARTS_SQL).bind(fromMs, toMs),
  ]);
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const opt = (v: unknown) => (typeof v === "number" ? v : null);
  const f = funnel.results[0] ?? {};
  const k = carts.results[0] ?? {};
  return {
    requests: requests.results.map(
      (r): RequestBucket => ({
        at: num(r.b),
        requests: num(r.requests),
        errors: num(r.errors),
        p50: opt(r.p50),
        p95: opt(r.p95),
        p99: opt(r.p99),
      }),
    ),
    counts: counts.results.map(
      (r): CountRow => ({
        at: num(r.b),
        kind: String(r.kind),
        blob2: String(r.blob2 ?? ""),
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
