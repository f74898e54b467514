import { metricPoints } from "../../d1/schema/platform";
import { readConfig } from "./config";
import { type Database, database } from "./db";

/**
 * The data points of the platform: one typed schema, written to Workers Analytics Engine (the
 * ANALYTICS binding) and, where METRICS_LOCAL_SINK is "true", to the D1 table metric_points.
 *
 * Layout of every point (docs/metrics.md), the same in both stores:
 *   index1 = blob1 = kind (sampling is per index: one per kind keeps rare kinds visible)
 *
 *   kind          blob2     blob3      blob4     blob5     blob6   double1      double2
 *   request       method    route      status    country   colo    durationMs   status
 *   order         currency  shopId                                 1            total (minor units)
 *   payment       gateway   outcome    currency                    1            amount (minor units; 0 when failed)
 *   chat          kind                                             1            0
 *   notification  channel   outcome                                1            0
 *   queue         gauge                                            value        0
 *   cart          action    cartKey                                1            0
 *
 * outcome: payment "succeeded" | "failed"; notification "sent" | "failed".
 * gauge: "backlog" (outbox events no consumer has applied yet) | "deadLetters" (dead letters kept).
 * cart action: "start" (the first line put into an empty cart), "add" (any later add), "ordered" (a
 *   checkout turned the cart's lines into orders), "merged" (a guest cart moved into an account's
 *   cart at sign-in). cartKey: the Cart object's id, so conversion and cart abandonment count one
 *   population, the carts (workers/metrics/series.ts); every cart point shares index "cart", so
 *   Analytics Engine samples a cart's points alike.
 */
export type MetricPoint =
  | {
      kind: "request";
      method: string;
      route: string;
      status: number;
      durationMs: number;
      country: string;
      colo: string;
    }
  | { kind: "order"; currency: string; shopId: string; total: number }
  | { kind: "payment"; gateway: string; outcome: "succeeded" | "failed"; currency: string; amount: number }
  | { kind: "chat"; messageKind: string }
  | { kind: "notification"; channel: string; outcome: "sent" | "failed" }
  | { kind: "queue"; gauge: "backlog" | "deadLetters"; value: number }
  | { kind: "cart"; action: CartAction; cartKey: string };

export type CartAction = "start" | "add" | "ordered" | "merged";

export type MetricKind = MetricPoint["kind"];

/** A point in the layout above: five blobs after the kind, two doubles. */
export interface MetricRow {
  kind: MetricKind;
  blobs: [string, string, string, string, string];
  doubles: [number, number];
}

const cut = (blob: string | undefined) => (blob === undefined ? "" : blob.length > 128 ? blob.slice(0, 128) : blob);

/** A row of the layout: five blobs (missing ones empty, each cut to 128 characters), two doubles. */
function layoutRow(kind: MetricKind, blobs: string[], doubles: [number, number]): MetricRow {
  return { kind, blobs: [cut(blobs[0]), cut(blobs[1]), cut(blobs[2]), cut(blobs[3]), cut(blobs[4])], doubles };
}

/** The point in the layout of the table above (blobs are cut to keep a point small). */
export function metricRow(point: MetricPoint): MetricRow {
  // Built on every request (the access log's point): no closure, spread or slice per call.
  switch (point.kind) {
    case "request":
      return layoutRow(
        point.kind,
        [point.method, point.route, String(point.status), point.country, point.colo],
        [point.durationMs, point.status],
      );
    case "order":
      return layoutRow(point.kind, [point.currency, point.shopId], [1, point.total]);
    case "payment":
      return layoutRow(point.kind, [point.gateway, point.outcome, point.currency], [1, point.amount]);
    case "chat":
      return layoutRow(point.kind, [point.messageKind], [1, 0]);
    case "notification":
      return layoutRow(point.kind, [point.channel, point.outcome], [1, 0]);
    case "queue":
      return layoutRow(point.kind, [point.gauge], [point.value, 0]);
    case "cart":
      return layoutRow(point.kind, [point.action, point.cartKey], [1, 0]);
  }
}

/** Writes a point to Analytics Engine (does not block; the binding may be absent in tests). */
export function writeAnalyticsPoint(env: Env, row: MetricRow): void {
  env.ANALYTICS?.writeDataPoint({ indexes: [row.kind], blobs: [row.kind, ...row.blobs], doubles: row.doubles });
}

/** The local sink's row of a point (column names follow the Analytics Engine layout). */
export function metricInsertValues(row: MetricRow, at: number): typeof metricPoints.$inferInsert {
  const [blob2, blob3, blob4, blob5, blob6] = row.blobs;
  const [double1, double2] = row.doubles;
  return { at, kind: row.kind, blob2, blob3, blob4, blob5, blob6, double1, double2 };
}

// Points waiting for the local sink, per D1 database: the requests of about a second share one
// batch, so a request never pays a D1 insert of its own.
const buffers = new Map<D1Database, { rows: (typeof metricPoints.$inferInsert)[]; scheduledAt: number }>();
const MAX_BUFFERED = 2_000;
/** How long points wait for the batch that writes them (GET /admin/metrics flushes first: no lag there). */
export const FLUSH_INTERVAL_MS = 1_000;
/** A buffer this large is written at once instead of waiting for the interval. */
const FLUSH_AT_ROWS = 500;
/** A flush scheduled longer ago than this was lost (its context ended): the next point schedules one. */
const FLUSH_LOST_MS = 5_000;
const ROWS_PER_INSERT = 9; // 10 columns a row, D1 binds at most 100 parameters per statement

/**
 * Records one data point: written to Analytics Engine at once (writeDataPoint does not block), and
 * buffered for the local sink when it is on. Never throws, never awaits: metrics are best effort.
 * The first point after a flush schedules the next one FLUSH_INTERVAL_MS later (sooner when
 * FLUSH_AT_ROWS are waiting); `waitUntil` (the request's, the queue batch's) keeps that flush alive
 * after the response; without it the flush runs on its own (a Durable Object stays alive for it).
 */
export function recordMetric(env: Env, point: MetricPoint, waitUntil?: (p: Promise<unknown>) => void): void {
  try {
    const row = metricRow(point);
    writeAnalyticsPoint(env, row);
    if (!readConfig(env).metrics.localSink) return;
    let buffer = buffers.get(env.DB);
    if (!buffer) {
      buffer = { rows: [], scheduledAt: 0 };
      buffers.set(env.DB, buffer);
    }
    const now = Date.now();
    if (buffer.rows.length < MAX_BUFFERED) buffer.rows.push(metricInsertValues(row, now));
    const full = buffer.rows.length >= FLUSH_AT_ROWS;
    // The flush already scheduled takes this point too.
    if (!full && buffer.scheduledAt !== 0 && now - buffer.scheduledAt < FLUSH_LOST_MS) return;
    buffer.scheduledAt = now;
    const flush = full
      ? flushMetrics(env)
      : new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS)).then(() => flushMetrics(env));
    if (waitUntil) waitUntil(flush);
  } catch {
    // A failed data point must never fail what was measured.
  }
}

/** Writes the buffered points of this database to the local sink now (one batch). */
export async function flushMetrics(env: Env): Promise<void> {
  const buffer = buffers.get(env.DB);
  if (!buffer) return;
  buffer.scheduledAt = 0;
  if (buffer.rows.length === 0) return;
  const rows = buffer.rows.splice(0);
  try {
    await insertMetricRows(database(env), rows);
  } catch {
    // Best effort: a lost local point only makes a development chart a little lower.
  }
}

async function insertMetricRows(db: Database, rows: (typeof metricPoints.$inferInsert)[]): Promise<void> {
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    statements.push(db.insert(metricPoints).values(rows.slice(i, i + ROWS_PER_INSERT)));
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
