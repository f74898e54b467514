import type { z } from "@hono/zod-openapi";
import type { MetricsPointSchema, MetricsSchema } from "../../schemas/metrics";
import { CurrencySchema } from "../../schemas/platform";
import type { MetricsRange } from "./range";

export type MetricsPoint = z.infer<typeof MetricsPointSchema>;
export type Metrics = z.infer<typeof MetricsSchema>;

/** Requests of one bucket: count (weighted by sampling in Analytics Engine), 5xx, duration percentiles. */
export interface RequestBucket {
  at: number;
  requests: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * Business data points of one bucket, summed by kind and their first blobs (layout in
 * workers/platform/metrics.ts): `n` sums double1 (a count), `amount` sums double2.
 */
export interface CountRow {
  at: number;
  kind: string;
  blob2: string;
  blob3: string;
  blob4: string;
  n: number;
  amount: number;
}

/** What a store answers for a range: the source-specific part of GET /admin/metrics. */
export interface RawMetrics {
  requests: RequestBucket[];
  counts: CountRow[];
  funnel: RawFunnel;
}

/**
 * The funnel of a range. Conversion and cart abandonment count one population, carts (by the cart
 * key of their data points): `carts` got an item in the range (an add, or lines merged in at
 * sign-in) and did not leave it by a merge into an account's cart; of those, `cartsOrdered` were
 * checked out after their last add (their last lines became orders). So cartsOrdered <= carts.
 */
export interface RawFunnel {
  productViews: number;
  checkouts: number;
  carts: number;
  cartsOrdered: number;
}

/** The routes the funnel counts (request data points answered below 400). */
export const PRODUCT_VIEW = { method: "GET", route: "/api/v1/products/:id" } as const;
export const CHECKOUT = { method: "POST", route: "/api/v1/orders" } as const;

function emptyPoint(at: number): MetricsPoint {
  return {
    at: new Date(at).toISOString(),
    requests: 0,
    errorRate: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    orders: 0,
    revenue: [],
    paymentsSucceeded: 0,
    paymentsFailed: 0,
    chatMessages: 0,
    notificationsSent: 0,
    notificationsFailed: 0,
  };
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Applies one business row to its bucket's point. */
function addCount(point: MetricsPoint, row: CountRow): void {
  if (row.kind === "order") point.orders += row.n;
  else if (row.kind === "chat") point.chatMessages += row.n;
  else if (row.kind === "notification") {
    if (row.blob3 === "sent") point.notificationsSent += row.n;
    else point.notificationsFailed += row.n;
  } else if (row.kind === "payment") {
    if (row.blob3 !== "succeeded") {
      point.paymentsFailed += row.n;
      return;
    }
    point.paymentsSucceeded += row.n;
    const currency = CurrencySchema.safeParse(row.blob4);
    if (!currency.success || row.amount === 0) return;
    const same = point.revenue.find((m) => m.currency === currency.data);
    if (same) same.amount += Math.round(row.amount);
    else point.revenue.push({ amount: Math.round(row.amount), currency: currency.data });
  }
}

/** The answer of GET /admin/metrics: every bucket of the range (empty ones as zeros), the funnel, the queues. */
export function assembleMetrics(
  range: MetricsRange,
  raw: RawMetrics,
  queues: Metrics["queues"],
  source: Metrics["source"],
): Metrics {
  const points = new Map<number, MetricsPoint>();
  for (let at = range.fromMs; at < range.toMs; at += range.stepMs) points.set(at, emptyPoint(at));
  const pointAt = (at: number) =>
    points.get(range.fromMs + Math.floor((at - range.fromMs) / range.stepMs) * range.stepMs);
  for (const r of raw.requests) {
    const p = pointAt(r.at);
    if (!p) continue;
    p.requests = Math.round(r.requests);
    p.errorRate = r.requests > 0 ? round(r.errors / r.requests) : 0;
    p.p50Ms = r.p50 === null ? null : round(r.p50, 1);
    p.p95Ms = r.p95 === null ? null : round(r.p95, 1);
    p.p99Ms = r.p99 === null ? null : round(r.p99, 1);
  }
  for (const row of raw.counts) {
    const p = pointAt(row.at);
    if (p) addCount(p, row);
  }
  const { productViews, checkouts, carts, cartsOrdered } = raw.funnel;
  const conversion = carts > 0 ? round(cartsOrdered / carts) : null;
  return {
    from: new Date(range.fromMs).toISOString(),
    to: new Date(range.toMs).toISOString(),
    granularity: range.granularity,
    source,
    series: [...points.values()],
    queues,
    funnel: {
      productViews,
      checkouts,
      cartsStarted: carts,
      cartsOrdered,
      conversion,
      cartAbandonment: conversion === null ? null : round(1 - conversion),
    },
  };
}
