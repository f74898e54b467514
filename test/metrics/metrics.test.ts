import { env } from "cloudflare:test";
import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { alertIncidents } from "../../d1/schema/metrics";
import { metricPoints } from "../../d1/schema/platform";
import { messagesSentTo } from "../../workers/messaging";
import { evaluateAlerts, readMetrics } from "../../workers/metrics";
import { alertSignature, noticeWrites } from "../../workers/metrics/alerts/notify";
import { type AlertRule, notifyTarget } from "../../workers/metrics/alerts/rules";
import { metricsQueries } from "../../workers/metrics/analytics-source";
import { resolveRange } from "../../workers/metrics/range";
import { database } from "../../workers/platform/db";
import {
  flushMetrics,
  type MetricPoint,
  metricInsertValues,
  metricRow,
  recordMetric,
} from "../../workers/platform/metrics";
import { grantAdmin, register } from "../support/accounts";
import { expectJson, expectProblem, get, put } from "../support/http";
import { json, recordingFetch } from "../support/recording-fetch";

// GET /admin/metrics (local sink and the Analytics Engine SQL API), alert rules, and the cron's
// alert pass: one incident, notified once, for a sustained error rate, resolved when it recovers.

async function admin() {
  const a = await register({ emailPrefix: "metrics-admin" });
  await grantAdmin(a.user.id);
  return a.accessToken;
}

/** Points of this test, far in the future so no other test's points share their window. */
async function seed(points: { at: number; point: MetricPoint }[]) {
  const db = database(env);
  for (const { at, point } of points) await db.insert(metricPoints).values(metricInsertValues(metricRow(point), at));
}

const request = (status: number, durationMs: number): MetricPoint => ({
  kind: "request",
  method: "GET",
  route: "/api/v1/products/:id",
  status,
  durationMs,
  country: "TH",
  colo: "BKK",
});

describe("GET /api/v1/admin/metrics", () => {
  it("answers admins only, with every bucket of the range from the requests just made", async () => {
    const token = await admin();
    const customer = await register({ emailPrefix: "metrics-customer" });
    await expectProblem(await get("/api/v1/admin/metrics", customer.accessToken), 403, "forbidden");
    for (let i = 0; i < 3; i++) await get("/api/v1/health");
    await vi.waitFor(
      async () => {
        const body = await expectJson<{
          source: string;
          series: { requests: number; p50Ms: number | null }[];
          queues: { backlog: number; deadLetters: number };
        }>(await get("/api/v1/admin/metrics?granularity=minute", token), 200);
        expect(body.source).toBe("local");
        expect(body.series.length).toBeGreaterThanOrEqual(60);
        expect(body.series.reduce((n, p) => n + p.requests, 0)).toBeGreaterThanOrEqual(3);
        expect(body.queues.backlog).toBeGreaterThanOrEqual(0);
      },
      { timeout: 5000, interval: 100 },
    );
  });

  it("counts the points still waiting for their batch: the local sink is written before it is read", async () => {
    const token = await admin();
    type Body = { series: { requests: number }[] };
    const requests = async () =>
      (await expectJson<Body>(await get("/api/v1/admin/metrics?granularity=minute", token), 200)).series.reduce(
        (n, p) => n + p.requests,
        0,
      );
    const before = await requests();
    for (let i = 0; i < 3; i++) await get("/api/v1/health");
    // No waiting: the three points (and the first read's own) are buffered, and the read flushes them first.
    expect(await requests()).toBeGreaterThanOrEqual(before + 4);
  });

  it("buffers points and writes them in one batch a little later, not one insert per point", async () => {
    const marker = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    const rows = async () =>
      (
        await env.DB.prepare("SELECT COUNT(*) AS n FROM metric_points WHERE kind = 'queue' AND double1 = ?")
          .bind(marker)
          .first<{ n: number }>()
      )?.n;
    await flushMetrics(env); // what earlier requests left waiting
    const flushes: Promise<unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      recordMetric(env, { kind: "queue", gauge: "backlog", value: marker }, (p) => void flushes.push(p));
    }
    // The first point scheduled the flush; the next two joined it.
    expect(flushes).toHaveLength(1);
    await Promise.all(flushes);
    expect(await rows()).toBe(3);
    // A full buffer is written at once, without waiting for the interval.
    flushes.length = 0;
    for (let i = 0; i < 500; i++) {
      recordMetric(env, { kind: "queue", gauge: "deadLetters", value: marker }, (p) => void flushes.push(p));
    }
    expect(flushes).toHaveLength(2);
    await Promise.all(flushes);
    expect(await rows()).toBe(503);
  });

  it("sums a range's points: percentiles, error rate, revenue per currency, funnel", async () => {
    const base = Date.UTC(2031, 0, 1, 10, 0);
    const durations = Array.from({ length: 100 }, (_, i) => i + 1);
    await seed([
      ...durations.map((d) => ({ at: base + 1000, point: request(d > 90 ? 503 : 200, d) })),
      { at: base + 2000, point: { kind: "order", currency: "THB", shopId: "shp_1", total: 12_000 } },
      {
        at: base + 2000,
        point: { kind: "payment", gateway: "omise", outcome: "succeeded", currency: "THB", amount: 12_000 },
      },
      {
        at: base + 2000,
        point: { kind: "payment", gateway: "xendit", outcome: "succeeded", currency: "IDR", amount: 500_000 },
      },
      { at: base + 3000, point: { kind: "payment", gateway: "omise", outcome: "failed", currency: "", amount: 0 } },
      { at: base + 61_000, point: { kind: "chat", messageKind: "text" } },
      { at: base + 61_000, point: { kind: "notification", channel: "email", outcome: "sent" } },
      { at: base + 61_000, point: { kind: "notification", channel: "sms", outcome: "failed" } },
      { at: base + 61_000, point: { kind: "cart", action: "start", cartKey: "cart-a" } },
      { at: base + 61_000, point: { kind: "cart", action: "start", cartKey: "cart-b" } },
      { at: base + 62_000, point: { kind: "cart", action: "ordered", cartKey: "cart-a" } },
      { at: base + 61_000, point: { ...request(201, 40), method: "POST", route: "/api/v1/orders" } as MetricPoint },
    ]);
    const range = resolveRange({
      from: new Date(base).toISOString(),
      to: new Date(base + 120_000).toISOString(),
      granularity: "minute",
    });
    const m = await readMetrics(env, range, { fetch });
    expect(m.series.map((p) => p.at)).toEqual([new Date(base).toISOString(), new Date(base + 60_000).toISOString()]);
    const [first, second] = m.series;
    expect(first).toMatchObject({ requests: 100, errorRate: 0.1, p50Ms: 50, p95Ms: 95, p99Ms: 99, orders: 1 });
    expect(first?.paymentsSucceeded).toBe(2);
    expect(first?.paymentsFailed).toBe(1);
    expect(first?.revenue).toEqual(
      expect.arrayContaining([
        { amount: 12_000, currency: "THB" },
        { amount: 500_000, currency: "IDR" },
      ]),
    );
    expect(second).toMatchObject({ requests: 1, chatMessages: 1, notificationsSent: 1, notificationsFailed: 1 });
    expect(m.funnel).toEqual({
      productViews: 90,
      checkouts: 1,
      cartsStarted: 2,
      cartsOrdered: 1,
      conversion: 0.5,
      cartAbandonment: 0.5,
    });
  });

  it("refuses a range of too many buckets with a clear 422", async () => {
    const token = await admin();
    const res = await get(
      "/api/v1/admin/metrics?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&granularity=minute",
      token,
    );
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(problem.detail).toContain("coarser granularity");
  });

  it("reads Analytics Engine through its SQL API in production, weighted by _sample_interval", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        meta: [],
        data: [{ b: "2031-01-01 10:00:00", requests: "40", errors: "4", p50: 12, p95: 80, p99: 120 }],
        rows: 1,
      }),
      json(200, {
        data: [
          { b: "2031-01-01 10:00:00", kind: "order", c2: "THB", c3: "", c4: "", n: 3, amount: 9000 },
          { b: "2031-01-01 10:00:00", kind: "payment", c2: "omise", c3: "succeeded", c4: "THB", n: 2, amount: 7000 },
        ],
      }),
      json(200, { data: [{ views: "20", checkouts: "2" }] }),
      json(200, { data: [{ carts: "4", ordered: "1" }] }),
    );
    const production = {
      ...env,
      METRICS_LOCAL_SINK: "false",
      METRICS_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
      METRICS_DATASET: "tchat_requests_production",
      METRICS_API_TOKEN: "ae-token",
    } as Env;
    const range = resolveRange({ from: "2031-01-01T10:00:00Z", to: "2031-01-01T10:01:00Z", granularity: "minute" });
    const m = await readMetrics(production, range, { fetch: fetchFn });
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.url).toBe(
        "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/analytics_engine/sql",
      );
      expect(call.method).toBe("POST");
      expect(call.headers.get("Authorization")).toBe("Bearer ae-token");
    }
    expect(calls.map((c) => c.body)).toEqual(Object.values(metricsQueries("tchat_requests_production", range)));
    expect(calls[0]?.body).toContain("quantileWeighted(0.99, double1, _sample_interval)");
    expect(m.source).toBe("analytics_engine");
    expect(m.series[0]).toMatchObject({ requests: 40, errorRate: 0.1, p95Ms: 80, orders: 3, paymentsSucceeded: 2 });
    expect(m.series[0]?.revenue).toEqual([{ amount: 7000, currency: "THB" }]);
    expect(m.funnel).toMatchObject({
      productViews: 20,
      checkouts: 2,
      cartsStarted: 4,
      cartsOrdered: 1,
      conversion: 0.25,
      cartAbandonment: 0.75,
    });
  });
});

/** The tracked emails to an address (ids). */
async function emailsTo(address: string) {
  const sent = await messagesSentTo(env, database(env), [address], 0);
  return sent.filter((m) => m.channel === "email").map((m) => m.id);
}

describe("alerts", () => {
  it("refuses unknown metrics and webhooks that are not public https URLs", async () => {
    const token = await admin();
    const rule = {
      id: "r1",
      metric: "errorRate",
      op: ">",
      threshold: 0.1,
      windowMinutes: 5,
      notify: ["ops@tchat.example"],
    };
    await expectProblem(
      await put("/api/v1/admin/alerts", { rules: [{ ...rule, metric: "cpu" }] }, token),
      422,
      "validation_failed",
    );
    for (const bad of [
      "http://hooks.example.com/x",
      "https://127.0.0.1/x",
      "https://localhost/x",
      "https://[::1]/x",
      "https://0x7f.1/x",
      "https://a:b@hooks.example.com/",
    ]) {
      expect(notifyTarget(bad)).toBeUndefined();
    }
    expect(notifyTarget("https://hooks.example.com/alert")).toEqual({
      type: "webhook",
      url: "https://hooks.example.com/alert",
    });
    await expectProblem(
      await put("/api/v1/admin/alerts", { rules: [{ ...rule, notify: ["https://169.254.169.254/latest"] }] }, token),
      422,
      "validation_failed",
    );
  });

  it("opens one incident for a sustained error rate, notifies once, resolves and notifies when it recovers", async () => {
    const token = await admin();
    const rules = [
      {
        id: "errors-high",
        metric: "errorRate",
        op: ">",
        threshold: 0.2,
        windowMinutes: 5,
        notify: ["oncall@tchat.example", "https://hooks.example.com/tchat"],
      },
    ];
    expect(await expectJson(await put("/api/v1/admin/alerts", { rules }, token), 200)).toEqual({ rules });
    expect(await expectJson(await get("/api/v1/admin/alerts", token), 200)).toEqual({ rules });

    const t0 = Date.UTC(2032, 5, 1, 8, 0);
    // Five minutes of half the requests failing.
    await seed(Array.from({ length: 10 }, (_, i) => ({ at: t0 + i * 30_000, point: request(i % 2 ? 500 : 200, 20) })));
    const { fetchFn, calls } = recordingFetch(new Response(null, { status: 204 }), new Response(null, { status: 204 }));
    const now = t0 + 5 * 60_000;
    // Runs that overlap and runs that repeat: one incident, one notification.
    const runs = await Promise.all([0, 1, 2].map(() => evaluateAlerts(env, { fetch: fetchFn, now })));
    runs.push(await evaluateAlerts(env, { fetch: fetchFn, now: now + 10_000 }));
    expect(runs.reduce((n, r) => n + r.opened, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.notified, 0)).toBe(2);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("https://hooks.example.com/tchat");
    expect(JSON.parse(calls[0]?.body ?? "{}")).toMatchObject({
      type: "alert.opened",
      ruleId: "errors-high",
      value: 0.5,
    });
    expect(calls[0]?.headers.get("Tchat-Signature")).toBe(
      await alertSignature(env.ALERT_WEBHOOK_SECRET, calls[0]?.body ?? "", now),
    );
    expect(await emailsTo("oncall@tchat.example")).toHaveLength(1);

    const page = await expectJson<{ items: { ruleId: string; status: string }[] }>(
      await get("/api/v1/admin/alerts/incidents?limit=5", token),
      200,
    );
    expect(page.items[0]).toMatchObject({ ruleId: "errors-high", status: "open" });

    // Recovery: the next five minutes all succeed.
    await seed(Array.from({ length: 10 }, (_, i) => ({ at: now + 60_000 + i * 25_000, point: request(200, 20) })));
    const later = now + 6 * 60_000 + 30_000;
    const recovered = await Promise.all([0, 1].map(() => evaluateAlerts(env, { fetch: fetchFn, now: later })));
    expect(recovered.reduce((n, r) => n + r.resolved, 0)).toBe(1);
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[1]?.body ?? "{}")).toMatchObject({ type: "alert.resolved", value: 0 });
    expect(await emailsTo("oncall@tchat.example")).toHaveLength(2);
    const after = await expectJson<{ items: { ruleId: string; status: string; resolvedValue: number }[] }>(
      await get("/api/v1/admin/alerts/incidents?limit=5", token),
      200,
    );
    expect(after.items[0]).toMatchObject({ ruleId: "errors-high", status: "resolved", resolvedValue: 0 });
    await expectJson(await put("/api/v1/admin/alerts", { rules: [] }, token), 200);
  });

  it("keeps a notice whose send failed or whose run died, and sends it once on a later run", async () => {
    const token = await admin();
    const rules = [
      {
        id: "p99-slow",
        metric: "p99Ms",
        op: ">",
        threshold: 500,
        windowMinutes: 5,
        notify: ["slow@tchat.example", "https://hooks.example.com/slow"],
      },
    ];
    await expectJson(await put("/api/v1/admin/alerts", { rules }, token), 200);
    const t0 = Date.UTC(2033, 2, 1, 8, 0);
    await seed(Array.from({ length: 4 }, (_, i) => ({ at: t0 + i * 60_000, point: request(200, 900) })));
    const now = t0 + 5 * 60_000;
    // The webhook is down: the incident opens, the email is handed to messaging, the webhook waits.
    const down = recordingFetch(new Response("busy", { status: 503 }));
    const first = await evaluateAlerts(env, { fetch: down.fetchFn, now });
    expect(first).toEqual({ opened: 1, resolved: 0, notified: 1 });
    expect(down.calls).toHaveLength(1);
    expect(await emailsTo("slow@tchat.example")).toHaveLength(1);
    // The next runs (two racing) retry it: one POST, same notice id, no second email.
    const up = recordingFetch(new Response(null, { status: 204 }));
    const next = await Promise.all([0, 1].map(() => evaluateAlerts(env, { fetch: up.fetchFn, now: now + 60_000 })));
    expect(next.reduce((n, r) => n + r.opened + r.notified, 0)).toBe(1);
    expect(up.calls).toHaveLength(1);
    expect(up.calls[0]?.headers.get("Tchat-Alert-Id")).toBe(down.calls[0]?.headers.get("Tchat-Alert-Id"));
    expect(JSON.parse(up.calls[0]?.body ?? "{}")).toMatchObject({ type: "alert.opened", ruleId: "p99-slow" });
    expect(await evaluateAlerts(env, { fetch: up.fetchFn, now: now + 120_000 })).toEqual({
      opened: 0,
      resolved: 0,
      notified: 0,
    });
    expect(await emailsTo("slow@tchat.example")).toHaveLength(1);

    // A run that resolves the incident and dies before sending: the notices are written with the
    // change, so the next run sends them, once.
    const [open] = await database(env).select().from(alertIncidents).where(eq(alertIncidents.openRuleId, "p99-slow"));
    expect(open).toBeDefined();
    const later = now + 30 * 60_000;
    await database(env).batch([
      database(env)
        .update(alertIncidents)
        .set({ openRuleId: null, resolvedAt: later, resolvedValue: 100 })
        .where(eq(alertIncidents.id, open?.id ?? "")),
      ...noticeWrites(
        database(env),
        {
          kind: "resolved",
          incidentId: open?.id ?? "",
          rule: { ...rules[0], op: ">" } as AlertRule,
          value: 100,
          at: later,
        },
        isNotNull(alertIncidents.resolvedAt),
      ),
    ]);
    const resend = recordingFetch(new Response(null, { status: 200 }));
    const after = await evaluateAlerts(env, { fetch: resend.fetchFn, now: later + 60_000 });
    expect(after).toEqual({ opened: 0, resolved: 0, notified: 2 });
    expect(resend.calls.map((c) => JSON.parse(c.body).type)).toEqual(["alert.resolved"]);
    expect(await emailsTo("slow@tchat.example")).toHaveLength(2);
    await expectJson(await put("/api/v1/admin/alerts", { rules: [] }, token), 200);
  });
});
