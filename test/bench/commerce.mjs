// Setup for the commerce scenarios of scenarios.mjs: reservations on one SKU (through the dev-only
// POST /api/v1/dev/bench/reserve, which calls workers/inventory's reserveStock: there is no public
// reservation endpoint) and checkout latency (POST /api/v1/orders, each request its own guest cart,
// built before the load starts).
import { randomUUID } from "node:crypto";
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
