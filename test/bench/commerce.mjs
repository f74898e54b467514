// Setup for the commerce scenarios of scenarios.mjs: reservations on one SKU (through the dev-only
// POST /api/v1/dev/bench/reserve, which calls workers/inventory's reserveStock: there is no public
// reservation endpoint) and checkout latency (POST /api/v1/orders, each request its own guest cart,
// built before the load starts).
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { localVars } from "../../scripts/dev-vars.mjs";

export const json = (method, body, headers = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export async function call(baseUrl, path, init, expected) {
  const res = await fetch(`${baseUrl}${path}`, init);
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${init?.method ?? "GET"} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { res, body: text ? JSON.parse(text) : undefined };
}

/** A benchmark SKU with practically unlimited stock over `shards` Inventory objects. */
export async function prepareReservations(baseUrl, { shards }) {
  const key = `bench:sku-${shards}-${Date.now().toString(36)}`;
  await call(baseUrl, "/api/v1/dev/bench/stock", json("PUT", { key, shards, onHand: 1_000_000_000 }), 200);
  return {
    method: "POST",
    path: "/api/v1/dev/bench/reserve",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key, shards, quantity: 1, ttlMs: 600_000 }),
  };
}

/**
 * One SKU on one object vs the same SKU on 8 shards, for runReservePair: two pairs of SKUs, each
 * pair measured in alternating slices so that the machine's drifting load falls on both alike.
 *   deep: stock no run can sell out (125,000,000 a shard), so every reservation is its home
 *         shard's one RPC, the same work as the one object's (docs/performance-async.md, section 4);
 *   low:  near sell-out held steady: 6 units a shard (48 for the one object) and holds that lapse
 *         after 1 s, so at tens of reservations/s the shards run short unevenly and spill (and
 *         the SKU is out now and then: 409s, counted apart).
 */
export async function prepareReservePair(baseUrl) {
  const arm = async (shards, onHand, ttlMs) => {
    const key = `bench:ab-${shards}-${onHand}-${Date.now().toString(36)}`;
    await call(baseUrl, "/api/v1/dev/bench/stock", json("PUT", { key, shards, onHand }), 200);
    return { shards, body: JSON.stringify({ key, shards, quantity: 1, ttlMs }) };
  };
  return {
    pairs: {
      deep: [await arm(1, 1_000_000_000, 600_000), await arm(8, 1_000_000_000, 600_000)],
      low: [await arm(1, 48, 1_000), await arm(8, 48, 1_000)],
    },
  };
}

/** The shard a reservation id tries first: workers/inventory/keys.ts's homeShard (FNV-1a), to count spills. */
function homeShard(id, shards) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** One slice of load on one arm; adds to its tally (answers, 2xx, spills, latencies). */
function slice(baseUrl, arm, seconds, connections, tally) {
  const request = {
    method: "POST",
    path: "/api/v1/dev/bench/reserve",
    headers: { "content-type": "application/json" },
    body: arm.body,
    onResponse(status, body) {
      if (!tally) return;
      if (status !== 201) return void tally.non2xx++;
      const r = JSON.parse(body);
      if (r.allocations.length > 1 || r.allocations[0]?.shard !== homeShard(r.reservationId, arm.shards))
        tally.spills++;
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, requests: [request], connections, duration: seconds, timeout: 10 },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (tally) instance.on("response", (_c, _s, _b, ms) => tally.latencies.push(ms));
  });
}

/**
 * runReservePair: for each pair (deep, low), slices of 2 s alternating one object and 8 shards
 * until each had `durationSeconds`; prints both rates, their ratio and the spill fraction. The
 * figures it returns (run.mjs's shape) are the 8 shards' in the deep pair, the row the issue names.
 */
const r1 = (n) => Math.round(n * 10) / 10;

export async function runReservePair({ baseUrl, durationSeconds, warmupSeconds, connections, prepared }) {
  const rows = {};
  for (const [name, arms] of Object.entries(prepared.pairs)) {
    for (const arm of arms) if (warmupSeconds > 0) await slice(baseUrl, arm, Math.min(2, warmupSeconds), connections);
    const tallies = arms.map(() => ({ answers: 0, non2xx: 0, spills: 0, latencies: [], seconds: 0 }));
    for (let done = 0; done < durationSeconds; done += 2) {
      const seconds = Math.min(2, durationSeconds - done);
      for (const [i, arm] of arms.entries()) {
        const result = await slice(baseUrl, arm, seconds, connections, tallies[i]);
        tallies[i].answers += result.requests.total;
        tallies[i].seconds += result.duration;
      }
    }
    const [one, sharded] = tallies.map((t) => ({ ...t, rps: t.answers / Math.max(t.seconds, 0.001) }));
    rows[name] = { one, sharded };
    const p50 = (t) => Math.round(t.latencies.sort((a, b) => a - b)[Math.floor(t.latencies.length / 2)] ?? 0);
    console.log(
      `  ${name}: one object ${one.rps.toFixed(1)} req/s (p50 ${p50(one)} ms, non-2xx ${one.non2xx}),` +
        ` 8 shards ${sharded.rps.toFixed(1)} req/s (p50 ${p50(sharded)} ms, non-2xx ${sharded.non2xx},` +
        ` spilled ${((100 * sharded.spills) / Math.max(1, sharded.answers - sharded.non2xx)).toFixed(1)} %):` +
        ` ${(sharded.rps / Math.max(one.rps, 0.001)).toFixed(2)}×`,
    );
  }
  const deep = rows.deep.sharded;
  const sorted = deep.latencies.sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return {
    requestsPerSecond: { average: Math.round(deep.rps * 10) / 10, stddev: 0, min: null, max: null },
    latencyMs: { p50: r1(at(50)), p95: r1(at(95)), p99: r1(at(99)), average: null, max: r1(sorted.at(-1) ?? 0) },
    requests: deep.answers,
    non2xx: deep.non2xx,
    statusCodes: {},
    errors: 0,
    timeouts: 0,
    durationSeconds: deep.seconds,
    connections,
    shardRatio: {
      deep: Math.round((100 * rows.deep.sharded.rps) / Math.max(rows.deep.one.rps, 0.001)) / 100,
      low: Math.round((100 * rows.low.sharded.rps) / Math.max(rows.low.one.rps, 0.001)) / 100,
    },
  };
}

export const ADDRESS = {
  recipientName: "Bench Buyer",
  phone: "081 234 5678",
  street: "1 Sukhumvit Soi 11",
  city: "Watthana",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
};

/** Runs `task(i)` for i in [0, n) with at most `parallel` at a time. */
async function pool(n, parallel, task) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

let shopOnce;
/**
 * One Thai shop per bench run with 8 products in deep stock (10,000,000 each), shared by the cart
 * and checkout scenarios: { products: [id], auth: { authorization } } of its seller.
 */
export function benchShop(baseUrl) {
  shopOnce ??= createShop(baseUrl);
  return shopOnce;
}

async function createShop(baseUrl) {
  const seller = await call(
    baseUrl,
    "/api/v1/auth/register",
    json("POST", {
      email: `bench-seller-${Date.now()}@example.com`,
      password: "Bench-2026-pass",
      displayName: "Bench Seller",
      country: "TH",
    }),
    201,
  );
  const auth = { authorization: `Bearer ${seller.body.accessToken}` };
  const shop = await call(
    baseUrl,
    "/api/v1/shops",
    json("POST", { name: `Bench Shop ${Date.now()}`, category: "electronics", country: "TH", currency: "THB" }, auth),
    201,
  );
  const products = await pool(8, 8, async (i) => {
    const p = await call(
      baseUrl,
      "/api/v1/products",
      json(
        "POST",
        {
          shopId: shop.body.id,
          name: `Bench product ${i}`,
          description: "A product for the checkout benchmark",
          sku: `BENCH-${Date.now().toString(36)}-${i}`,
          price: { amount: 19_900 + i * 1_000, currency: "THB" },
          stock: 10_000_000,
          weightGrams: 400,
        },
        auth,
      ),
      201,
    );
    return p.body.id;
  });
  return { products, auth, shopId: shop.body.id };
}

/**
 * A Thai shop with a few products in deep stock, and `carts` guest carts of one unit each (spread
 * over the products). Every checkout request takes the next cart and a fresh Idempotency-Key;
 * if the carts run out (BENCH_CHECKOUT_CARTS too small for the rate), the rest answer 422 and show
 * up as non-2xx in the report.
 */
export async function prepareCheckout(baseUrl, { carts: wanted } = {}) {
  const duration = Number(process.env.BENCH_DURATION || 8);
  const warmup = Number(process.env.BENCH_WARMUP ?? 2);
  // Locally a checkout takes ~25 ms of D1 and Durable Object round trips: ~40/s with 50 connections
  // on 2 cores. 150 carts per second of load leaves room; more cores want BENCH_CHECKOUT_CARTS.
  const carts = Number(
    process.env.BENCH_CHECKOUT_CARTS || wanted || Math.max(1_000, Math.ceil((duration + warmup + 2) * 150)),
  );
  const { products } = await benchShop(baseUrl);

  const started = Date.now();
  const tokens = await pool(carts, 64, async (i) => {
    const { res } = await call(
      baseUrl,
      "/api/v1/cart/items",
      json("POST", { productId: products[i % products.length], quantity: 1 }),
      200,
    );
    return res.headers.get("x-cart-token");
  });
  console.log(`  built ${carts} guest carts in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  let next = 0;
  let exhausted = false;
  const body = JSON.stringify({ contactEmail: "bench@example.com", shippingAddress: ADDRESS });
  const headersFor = () => {
    const token = tokens[next++];
    if (!token && !exhausted) {
      exhausted = true;
      console.log(`  warning: all ${carts} carts were used; set BENCH_CHECKOUT_CARTS higher`);
    }
    return {
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
      ...(token ? { "x-cart-token": token } : {}),
    };
  };
  return {
    method: "POST",
    path: "/api/v1/orders",
    // The preflight request run.mjs sends first uses these (and one cart).
    headers: headersFor(),
    body,
    requests: [
      {
        method: "POST",
        path: "/api/v1/orders",
        body,
        setupRequest: (request) => ({ ...request, headers: headersFor() }),
      },
    ],
  };
}

// Referenced so a change of dev variables (e.g. DEV_OUTBOX off) fails loudly here, not as 404s.
if (localVars().DEV_OUTBOX !== "true") {
  console.warn('  warning: DEV_OUTBOX is not "true" in the development variables; the bench reserve endpoint will 404');
}
