import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { metricPoints } from "../../d1/schema/platform";
import { readMetrics } from "../../workers/metrics";
import { metricsQueries } from "../../workers/metrics/analytics-source";
import { resolveRange } from "../../workers/metrics/range";
import { database } from "../../workers/platform/db";
import { type CartAction, flushMetrics, metricInsertValues, metricRow } from "../../workers/platform/metrics";
import { newSeller } from "../earnings/helpers";
import { ADDRESS, checkout, userCart } from "../orders/helpers";
import { register } from "../support/accounts";
import { json, recordingFetch } from "../support/recording-fetch";

// Conversion and cart abandonment count one population, carts (docs/metrics.md): of the carts that
// got an item in the range, the share checked out after their last add. So 0 <= conversion <= 1
// whatever the mix, abandonment = 1 - conversion, locally and in the Analytics Engine SQL.

interface CartPoint {
  at: number;
  action: CartAction;
  cartKey: string;
}

const MINUTE = 60_000;
let windows = 0;
/** A range of its own per call (far in the future), so no other points share it. */
const nextWindow = () => Date.UTC(2040, 0, 1) + windows++ * 24 * 60 * MINUTE;

async function seedCarts(points: readonly CartPoint[]) {
  const db = database(env);
  const values = points.map(({ at, action, cartKey }) =>
    metricInsertValues(metricRow({ kind: "cart", action, cartKey }), at),
  );
  for (let i = 0; i < values.length; i += 9) await db.insert(metricPoints).values(values.slice(i, i + 9));
}

async function funnelOf(from: number, to: number) {
  const range = resolveRange({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    granularity: "hour",
  });
  return (await readMetrics(env, range, { fetch })).funnel;
}

/** The definition, written out plainly: what the SQL must agree with. */
function modelOf(points: readonly CartPoint[], from: number, to: number) {
  const byCart = new Map<string, { added?: number; ordered?: number; merged?: number }>();
  for (const p of points) {
    if (p.at < from || p.at >= to) continue;
    const cart = byCart.get(p.cartKey) ?? {};
    const field = p.action === "start" || p.action === "add" ? "added" : p.action;
    cart[field] = Math.max(cart[field] ?? Number.NEGATIVE_INFINITY, p.at);
    byCart.set(p.cartKey, cart);
  }
  let carts = 0;
  let ordered = 0;
  for (const c of byCart.values()) {
    if (c.added === undefined) continue;
    const converted = c.ordered !== undefined && c.ordered >= c.added;
    if (!converted && c.merged !== undefined && c.merged >= c.added) continue;
    carts += 1;
    if (converted) ordered += 1;
  }
  return { carts, ordered };
}

describe("the funnel over carts", () => {
  it("gives exact figures on a known mix", async () => {
    const base = nextWindow();
    const t = (minutes: number) => base + minutes * MINUTE;
    await seedCarts([
      // a: started, more added, ordered: converted.
      { at: t(1), action: "start", cartKey: "a" },
      { at: t(2), action: "add", cartKey: "a" },
      { at: t(3), action: "ordered", cartKey: "a" },
      // b: started, left: abandoned.
      { at: t(1), action: "start", cartKey: "b" },
      // c: ordered, then filled again and left: its last lines were abandoned.
      { at: t(1), action: "start", cartKey: "c" },
      { at: t(2), action: "ordered", cartKey: "c" },
      { at: t(4), action: "start", cartKey: "c" },
      // d: a guest cart merged into an account's at sign-in: counted there (e), not here.
      { at: t(1), action: "start", cartKey: "d" },
      { at: t(2), action: "merged", cartKey: "d" },
      { at: t(2), action: "add", cartKey: "e" },
      { at: t(3), action: "ordered", cartKey: "e" },
      // f: ordered twice (a retried checkout's point): one cart.
      { at: t(1), action: "start", cartKey: "f" },
      { at: t(2), action: "ordered", cartKey: "f" },
      { at: t(2), action: "ordered", cartKey: "f" },
      // g: its add was before the range: only its order is in it, so it is not in the population.
      { at: base - MINUTE, action: "start", cartKey: "g" },
      { at: t(2), action: "ordered", cartKey: "g" },
      // h: ordered only after the range ends: abandoned within it.
      { at: t(5), action: "start", cartKey: "h" },
      { at: t(61), action: "ordered", cartKey: "h" },
    ]);
    expect(await funnelOf(base, base + 60 * MINUTE)).toEqual({
      productViews: 0,
      checkouts: 0,
      cartsStarted: 6, // a, b, c, e, f, h
      cartsOrdered: 3, // a, e, f
      conversion: 0.5,
      cartAbandonment: 0.5,
    });
  });

  it("keeps 0 <= conversion <= 1 and abandonment = 1 - conversion whatever the mix", async () => {
    const action = fc.constantFrom<CartAction>("start", "add", "ordered", "merged");
    const point = fc.record({
      // Minutes -5 to 64 of a 60-minute range: some points fall outside it.
      minute: fc.integer({ min: -5, max: 64 }),
      action,
      cartKey: fc.constantFrom("k1", "k2", "k3", "k4", "k5", "k6"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(point, { maxLength: 30 }), async (mix) => {
        const base = nextWindow();
        const points = mix.map((p) => ({ at: base + p.minute * MINUTE, action: p.action, cartKey: p.cartKey }));
        await seedCarts(points);
        const f = await funnelOf(base, base + 60 * MINUTE);
        const model = modelOf(points, base, base + 60 * MINUTE);
        expect(f.cartsStarted).toBe(model.carts);
        expect(f.cartsOrdered).toBe(model.ordered);
        if (model.carts === 0) {
          expect(f.conversion).toBeNull();
          expect(f.cartAbandonment).toBeNull();
          return;
        }
        expect(f.conversion).toBeGreaterThanOrEqual(0);
        expect(f.conversion).toBeLessThanOrEqual(1);
        expect(f.cartAbandonment).toBeCloseTo(1 - (f.conversion ?? 0), 4);
      }),
      { numRuns: 60 },
    );
  });

  it("asks Analytics Engine for the same carts: one row per cart key, no weighting, ordered after the last add", async () => {
    const range = resolveRange({ from: "2031-01-01T10:00:00Z", to: "2031-01-01T11:00:00Z", granularity: "hour" });
    const sql = metricsQueries("tchat_metrics", range).carts;
    expect(sql).toBe(
      "SELECT count() AS carts, sum(if(ordered >= added, 1, 0)) AS ordered FROM (" +
        "SELECT blob3 AS cart, " +
        "max(if(blob2 IN ('start', 'add'), toUnixTimestamp(timestamp), 0)) AS added, " +
        "max(if(blob2 = 'ordered', toUnixTimestamp(timestamp), 0)) AS ordered, " +
        "max(if(blob2 = 'merged', toUnixTimestamp(timestamp), 0)) AS merged " +
        "FROM tchat_metrics WHERE index1 = 'cart' AND blob3 != '' AND " +
        "timestamp >= toDateTime('2031-01-01 10:00:00') AND timestamp < toDateTime('2031-01-01 11:00:00') " +
        "GROUP BY cart) WHERE added > 0 AND (ordered >= added OR merged < added) FORMAT JSON",
    );
    // The product views and checkouts stay counts of requests, apart from the carts.
    expect(metricsQueries("tchat_metrics", range).funnel).not.toContain("'cart'");

    const { fetchFn } = recordingFetch(
      json(200, { data: [] }),
      json(200, { data: [] }),
      json(200, { data: [{ views: "900", checkouts: "3" }] }),
      json(200, { data: [{ carts: "8", ordered: "3" }] }),
    );
    const production = {
      ...env,
      METRICS_LOCAL_SINK: "false",
      METRICS_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
      METRICS_DATASET: "tchat_metrics",
      METRICS_API_TOKEN: "ae-token",
    } as Env;
    const m = await readMetrics(production, range, { fetch: fetchFn });
    expect(m.funnel).toEqual({
      productViews: 900,
      checkouts: 3,
      cartsStarted: 8,
      cartsOrdered: 3,
      conversion: 0.375,
      cartAbandonment: 0.625,
    });
  });

  it("writes the cart key at add-to-cart and at checkout: the same key on both", async () => {
    const s = await newSeller();
    const buyer = await register({ emailPrefix: "funnel-buyer", country: "TH" });
    const leaver = await register({ emailPrefix: "funnel-leaver", country: "TH" });
    await userCart(buyer.accessToken, [{ productId: s.product.id, quantity: 1 }]);
    await userCart(buyer.accessToken, [{ productId: s.product.id, quantity: 1 }]);
    await userCart(leaver.accessToken, [{ productId: s.product.id, quantity: 1 }]);
    await checkout({ token: buyer.accessToken }, { shippingAddress: ADDRESS.TH });
    const buyerCart = env.CART.idFromName(`user:${buyer.user.id}`).toString();
    const leaverCart = env.CART.idFromName(`user:${leaver.user.id}`).toString();
    const actionsOf = async (cartKey: string) => {
      await flushMetrics(env);
      const rows = await database(env)
        .select({ action: metricPoints.blob2 })
        .from(metricPoints)
        .where(and(eq(metricPoints.kind, "cart"), eq(metricPoints.blob3, cartKey)))
        .orderBy(metricPoints.at, metricPoints.id);
      return rows.map((r) => r.action);
    };
    await vi.waitFor(async () => expect(await actionsOf(buyerCart)).toEqual(["start", "add", "ordered"]), {
      timeout: 5000,
      interval: 100,
    });
    await vi.waitFor(async () => expect(await actionsOf(leaverCart)).toEqual(["start"]), {
      timeout: 5000,
      interval: 100,
    });
  });
});
