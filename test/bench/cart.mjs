// Setup and runners for the cart scenarios of scenarios.mjs and the serial checkout flow:
//
//   prepareCartNew     POST /api/v1/cart/items without X-Cart-Token: every request makes a new guest cart
//   prepareHotCart     20 connections on ONE guest cart, each repeating a shopper's cycle: two adds
//                      of one unit, then the line set back to 1. A line holds at most 99; the cycle
//                      keeps it at most 1 + 2 × 2 × connections (the adds since the last reset, of
//                      this run's connections and of the warm-up's, which may stop between an add and
//                      its reset), i.e. 81 at 20 connections, so every answer should be 200; any
//                      other status (a lost update refused, a 409, a 422, a 5xx) is counted as an error
//   runCheckoutFlow    one shopper at a time, the whole guest flow, 5 calls: add to cart, validate,
//                      shipping rates, place the order, start a sandbox payment; latency is per flow
import { randomUUID } from "node:crypto";
import { ADDRESS, benchShop, call, json } from "./commerce.mjs";

export async function prepareCartNew(baseUrl) {
  const { products } = await benchShop(baseUrl);
  return {
    method: "POST",
    path: "/api/v1/cart/items",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ productId: products[0], quantity: 1 }),
  };
}

export async function prepareHotCart(baseUrl) {
  const { products } = await benchShop(baseUrl);
  const first = await call(baseUrl, "/api/v1/cart/items", json("POST", { productId: products[1], quantity: 1 }), 200);
  const token = first.res.headers.get("x-cart-token");
  const lineId = first.body.items[0].id;
  const headers = { "content-type": "application/json", "x-cart-token": token };
  const add = {
    method: "POST",
    path: "/api/v1/cart/items",
    headers,
    body: JSON.stringify({ productId: products[1], quantity: 1 }),
  };
  const reset = {
    method: "PATCH",
    path: `/api/v1/cart/items/${lineId}`,
    headers,
    body: JSON.stringify({ quantity: 1 }),
  };
  const connections = Number(process.env.BENCH_CONNECTIONS || 20);
  if (1 + 4 * connections > 99) {
    console.log(`  warning: at ${connections} connections the hot line may pass 99 units (422 quantity_limit)`);
  }
  return { ...add, requests: [add, add, reset] };
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The five calls of one guest checkout; resolves to the statuses that were not the expected ones. */
async function oneFlow(baseUrl, productId) {
  const added = await call(baseUrl, "/api/v1/cart/items", json("POST", { productId, quantity: 1 }), 200);
  const cart = { "x-cart-token": added.res.headers.get("x-cart-token") };
  await call(baseUrl, "/api/v1/cart/validate", json("POST", {}, cart), 200);
  await call(
    baseUrl,
    "/api/v1/shipping/rates",
    json("POST", { destination: { country: "TH", postalCode: ADDRESS.postalCode } }, cart),
    200,
  );
  const order = await call(
    baseUrl,
    "/api/v1/orders",
    json(
      "POST",
      { contactEmail: "bench@example.com", shippingAddress: ADDRESS },
      { ...cart, "idempotency-key": randomUUID() },
    ),
    201,
  );
  await call(
    baseUrl,
    "/api/v1/payments",
    json(
      "POST",
      { orderIds: order.body.orders.map((o) => o.id), gateway: "sandbox", method: "promptpay" },
      { ...cart, "idempotency-key": randomUUID() },
    ),
    201,
  );
}

/** Serial flows for the warm-up, then for the measured period; run.mjs's metrics shape, per flow. */
export async function runCheckoutFlow({ baseUrl, durationSeconds, warmupSeconds }) {
  const { products } = await benchShop(baseUrl);
  const loop = async (seconds, latencies) => {
    let errors = 0;
    const until = Date.now() + seconds * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const started = performance.now();
      try {
        await oneFlow(baseUrl, products[i % products.length]);
        latencies?.push(performance.now() - started);
      } catch (err) {
        if (errors++ === 0) console.log(`  first failed flow: ${String(err).slice(0, 300)}`);
      }
    }
    return errors;
  };
  await loop(warmupSeconds);
  const latencies = [];
  const started = performance.now();
  const errors = await loop(durationSeconds, latencies);
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const r = (n) => Math.round(n * 100) / 100;
  return {
    requestsPerSecond: { average: r(latencies.length / seconds), stddev: 0, min: null, max: null },
    latencyMs: {
      p50: r(percentile(sorted, 50)),
      p95: r(percentile(sorted, 95)),
      p99: r(percentile(sorted, 99)),
      average: r(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
      max: r(sorted.at(-1) ?? 0),
    },
    requests: latencies.length,
    non2xx: errors,
    statusCodes: {},
    errors,
    timeouts: 0,
    durationSeconds: r(seconds),
    unit: "flows",
  };
}
