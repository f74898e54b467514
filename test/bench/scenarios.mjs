import { prepareCartNew, prepareHotCart, runCheckoutFlow } from "./cart.mjs";
import { prepareChatRoom, runChatFanout } from "./chat-fanout.mjs";
import { prepareCheckout, prepareReservations, prepareReservePair, runReservePair } from "./commerce.mjs";
import { loadCatalog } from "./load-products.mjs";
import { prepareNotifications, runNotifications } from "./notifications.mjs";
import { PRIMITIVES_HOST } from "./primitives.mjs";
import { CEILING_HOST } from "./server.mjs";
import { prepareTransfers } from "./wallet.mjs";

// Benchmark scenarios, run in this order by test/bench/run.mjs (`npm run bench -- <name> ...` picks some).
//
// A scenario is { name, title, method?, path, headers?, body?, connections?, needs?, setup?, run? }:
//   - name      what you type after `npm run bench --`
//   - title     what the report shows
//   - connections  overrides BENCH_CONNECTIONS for this scenario (orders/s at 10 connections)
//   - needs     the platform primitives one request (or flow) needs at least, { primitive: count }
//               (primitives.mjs: d1-read, d1-write, do-read, do-write-hot, do-write-8, do-write-new,
//               cache-hit, r2-head). run.mjs measures each right before the scenario and reports it
//               as a fraction of the bound they make together ({}: the plain Worker; left out: no
//               bound, e.g. the chat fan-out and the queue consumer, which are not one request).
//               Count only what every request does whatever the code's path (a floor, not a trace):
//               a bound too high only makes the fraction look worse.
//   - method, path, headers, body
//               the request autocannon repeats (method defaults to GET, body is a string or an
//               object sent as JSON)
//   - setup(baseUrl, { mf })
//               optional, async, runs once before the warm-up: seed data, sign a user in, create
//               what the scenario reads. `mf` is the Miniflare instance (e.g. `mf.getD1Database("DB")`
//               for bulk loads; see load-products.mjs, whose 100,000-product load runs only for the
//               scenarios that ask for it, so `npm run bench -- health` stays fast). It may return { method, path, headers, body } to override
//               the fields above, or { requests } (autocannon's request sequence, e.g. one request
//               per connection cycling through several products).
//   - run({ baseUrl, duration, connections, warmup, prepared })
//               optional, async, replaces autocannon for load autocannon cannot generate (e.g. the
//               WebSocket fan-out of a chat room). Must resolve to the same shape `measure()` in
//               run.mjs returns: { requestsPerSecond, latencyMs: { p50, p95, p99, ... }, requests,
//               non2xx, errors, timeouts, durationSeconds }.

/** Ids of active products, straight from the bench's local D1. */
async function activeProductIds(mf, limit) {
  const db = await mf.getD1Database("DB");
  const { results } = await db
    .prepare("SELECT id FROM products WHERE status = 'active' AND deleted_at IS NULL ORDER BY id LIMIT ?")
    .bind(limit)
    .all();
  if (results.length === 0) throw new Error("no active products to read");
  return results.map((r) => r.id);
}

/** POST /api/v1/dev/seed once; the seeders are idempotent, so every scenario can call it. */
export async function seed(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/dev/seed`, { method: "POST" });
  if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Waits until every outbox event is settled: the seed's few hundred product events are indexed for
 * search by the queue consumer for seconds after it answers, on the same workerd thread and D1 file,
 * and a read scenario measured meanwhile measures that indexing as much as its reads.
 */
export async function eventsSettled(mf, timeoutMs = 120_000) {
  const db = await mf.getD1Database("DB");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.prepare("SELECT count(*) AS n FROM outbox_events WHERE settled_at IS NULL").first();
    if (row.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row.n} events still unsettled after ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What shoppers type, cycled through by every connection: several languages, a typo, synonyms, filters, sorts. */
const SEARCH_QUERIES = [
  "q=samsung",
  "q=hp+samsung",
  "q=samsnug+galaxy",
  `q=${encodeURIComponent("เสื้อยืด")}`,
  `q=${encodeURIComponent("กางเกงยีนส์")}&sort=price_asc&currency=THB`,
  `q=${encodeURIComponent("หูฟัง")}`,
  "q=dien+thoai+xiaomi",
  `q=${encodeURIComponent("tai nghe bluetooth")}&sort=best_selling`,
  "q=laptop+asus",
  "q=sepatu+lari&sort=rating",
  "q=kaos+polos&minPrice=5000000&maxPrice=20000000&currency=IDR",
  "q=wireless+earbuds&sort=newest",
].map((q) => `${q}&limit=20`);

const AUTOCOMPLETE_PREFIXES = ["sam", "เสื้อ", "dien th", "lap", "kaos p", "ip", "หูฟัง", "sepatu l"];

export const scenarios = [
  // The ceiling: run.mjs measures it first and last in every run and shows each scenario as a fraction of it.
  {
    name: "ceiling",
    title: "plain Worker, no framework, same Miniflare (the ceiling)",
    path: "/",
    headers: { host: CEILING_HOST },
  },
  // The plain Worker and every primitive alone (primitives.mjs), one after the other: the table of
  // ceilings per primitive (docs/performance.md). Runs first in a full run; `npm run bench -- ceilings`.
  {
    name: "ceilings",
    title: "plain Workers doing one platform primitive each (D1, Durable Objects, Cache API, R2)",
    ceilings: true,
    path: "/",
    headers: { host: PRIMITIVES_HOST },
  },
  {
    name: "health",
    title: "GET /health",
    path: "/health",
    needs: {},
  },
  {
    name: "ready",
    title: "GET /ready (D1 SELECT 1 + R2 HEAD)",
    path: "/ready",
    needs: { "d1-read": 1, "r2-head": 1 },
  },
  {
    name: "categories",
    title: "GET /api/v1/categories (D1 read, tree build)",
    path: "/api/v1/categories?locale=th",
    needs: { "d1-read": 1 },
    async setup(baseUrl, { mf }) {
      await seed(baseUrl);
      await eventsSettled(mf);
      const res = await fetch(`${baseUrl}/api/v1/categories?locale=th`);
      const { items } = await res.json();
      if (!Array.isArray(items) || items.length === 0) throw new Error("categories are empty after seeding");
      return {};
    },
  },
  {
    name: "me",
    title: "GET /api/v1/users/me (ES256 verify + session check in D1 + PII decrypt)",
    path: "/api/v1/users/me",
    // The session check (the contract ends a session at once, so it is read every time).
    needs: { "d1-read": 1 },
    async setup(baseUrl) {
      const email = `bench-${Date.now()}@example.com`;
      const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "Bench-2026-pass", displayName: "Bench", country: "TH" }),
      });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
      const { accessToken } = await res.json();
      return { headers: { authorization: `Bearer ${accessToken}` } };
    },
  },
  {
    name: "products-list",
    title: "GET /api/v1/products?limit=20 (product list, 20 per page; newest, price and category pages)",
    path: "/api/v1/products?limit=20",
    // A kept page still reads the catalog's version (workers/catalog/read-cache.ts).
    needs: { "d1-read": 1 },
    async setup(baseUrl, { mf }) {
      await seed(baseUrl);
      await eventsSettled(mf);
      const paths = ["limit=20", "limit=20&sort=price_asc", "limit=20&sort=best_selling", "limit=20&currency=THB"];
      return { requests: paths.map((q) => ({ method: "GET", path: `/api/v1/products?${q}` })) };
    },
  },
  {
    name: "product-detail",
    title: "GET /api/v1/products/:id (20 hot seeded products; live stock merged per read)",
    path: "/api/v1/products",
    // The product's version and its live stock (one Inventory object per SKU), even when kept.
    needs: { "d1-read": 1, "do-read": 1 },
    async setup(baseUrl, { mf }) {
      await seed(baseUrl);
      await eventsSettled(mf);
      const ids = await activeProductIds(mf, 20);
      return { requests: ids.map((id) => ({ method: "GET", path: `/api/v1/products/${id}?locale=th` })) };
    },
  },
  {
    name: "product-uncached",
    title: "GET /api/v1/products/:id, every request a product not read before (cache misses: D1 + Inventory)",
    path: "/api/v1/products",
    // The product's rows (one batch), its sale items, its stock; the Cache API lookup and put not counted.
    needs: { "d1-read": 2, "do-read": 1 },
    async setup(baseUrl, { mf }) {
      await loadCatalog({ baseUrl, mf });
      const ids = await activeProductIds(mf, 100_000);
      let next = 0;
      return {
        requests: [
          {
            method: "GET",
            setupRequest(req) {
              req.path = `/api/v1/products/${ids[next++ % ids.length]}?locale=en`;
              return req;
            },
          },
        ],
      };
    },
  },
  {
    name: "search",
    title: "GET /api/v1/search over 100,000 products (th/id/vi/en queries, typos, synonyms, filters, sorts)",
    path: "/api/v1/search?q=samsung",
    needs: { "d1-read": 1 },
    async setup(baseUrl, { mf }) {
      await loadCatalog({ baseUrl, mf });
      return { requests: SEARCH_QUERIES.map((query) => ({ method: "GET", path: `/api/v1/search?${query}` })) };
    },
  },
  {
    name: "autocomplete",
    title: "GET /api/v1/search/autocomplete over 100,000 products (prefixes in th/id/vi/en)",
    path: "/api/v1/search/autocomplete?q=sam",
    needs: { "d1-read": 1 },
    async setup(baseUrl, { mf }) {
      await loadCatalog({ baseUrl, mf });
      return {
        requests: AUTOCOMPLETE_PREFIXES.map((q) => ({
          method: "GET",
          path: `/api/v1/search/autocomplete?q=${encodeURIComponent(q)}`,
        })),
      };
    },
  },
  {
    name: "chat",
    title: "Chat room fan-out: 1,000 members on WebSockets in one group (delivery latency, messages/s per room)",
    path: "/api/v1/dialogs",
    async setup(baseUrl, { mf }) {
      return { room: await prepareChatRoom({ baseUrl, mf }) };
    },
    run: ({ baseUrl, durationSeconds, warmupSeconds, prepared }) =>
      runChatFanout({ baseUrl, durationSeconds, warmupSeconds, prepared: prepared.room }),
  },
  {
    name: "reserve",
    title: "POST /api/v1/dev/bench/reserve: stock reservations/s on one SKU, one Inventory object",
    path: "/api/v1/dev/bench/reserve",
    needs: { "do-write-hot": 1 },
    setup: (baseUrl) => prepareReservations(baseUrl, { shards: 1 }),
  },
  {
    name: "reserve-sharded",
    title: "POST /api/v1/dev/bench/reserve: stock reservations/s on one SKU sharded over 8 Inventory objects",
    path: "/api/v1/dev/bench/reserve",
    needs: { "do-write-8": 1 },
    setup: (baseUrl) => prepareReservations(baseUrl, { shards: 8 }),
  },
  {
    name: "reserve-pair",
    title:
      "one SKU, one object vs 8 shards in alternating 2 s slices (deep stock: no spill; near sell-out: spills): the 8 shards' deep figures, ratios printed",
    path: "/api/v1/dev/bench/reserve",
    // Its figures are the 8 shards' (deep stock: each reservation one write in its home shard).
    needs: { "do-write-8": 1 },
    setup: (baseUrl) => prepareReservePair(baseUrl),
    run: runReservePair,
  },
  {
    name: "cart-new",
    title: "POST /api/v1/cart/items with no cart token: a new guest cart each",
    method: "POST",
    path: "/api/v1/cart/items",
    // The catalog row, the stock level, the new guest's Cart object (docs/performance-write.md).
    needs: { "d1-read": 1, "do-read": 1, "do-write-new": 1 },
    setup: (baseUrl) => prepareCartNew(baseUrl),
  },
  {
    name: "cart-hot",
    title: "POST /api/v1/cart/items on ONE guest cart from every connection (add, add, the line reset to 1)",
    method: "POST",
    path: "/api/v1/cart/items",
    // Adds and resets alike: the catalog row, the stock level, a write in the one Cart object.
    needs: { "d1-read": 1, "do-read": 1, "do-write-hot": 1 },
    setup: (baseUrl) => prepareHotCart(baseUrl),
  },
  {
    name: "checkout-flow",
    connections: 1,
    title:
      "full guest checkout, serial, 5 calls (add, validate, shipping rates, order, payment): flows/s and latency per flow",
    path: "/api/v1/orders",
    // Per flow: the add (as cart-new), validate and rates (the cart), the order (as checkout), the payment's write.
    needs: { "d1-read": 4, "d1-write": 3, "do-read": 3, "do-write-new": 1, "do-write-8": 4 },
    run: runCheckoutFlow,
  },
  {
    name: "checkout",
    title:
      "POST /api/v1/orders at 10 connections: guest checkout (reserve, price, tax, write), each its own pre-built cart",
    connections: 10,
    method: "POST",
    path: "/api/v1/orders",
    // Before the 201 (docs/performance-write.md): key claim and commit batch (writes), caps, catalog
    // and held quotes (reads); 2 limit takes, the Cart hand-off, the stock reservation (object writes).
    needs: { "d1-read": 3, "d1-write": 2, "do-write-8": 4 },
    setup: (baseUrl) => prepareCheckout(baseUrl),
  },
  {
    name: "notifications",
    title: "Notification consumer: events → in-app + UserHub + push delivery (events/s, send → row latency)",
    path: "/api/v1/dev/bench/notifications",
    async setup(baseUrl, { mf }) {
      return { notifications: await prepareNotifications({ baseUrl, mf }) };
    },
    run: ({ baseUrl, prepared }) => runNotifications({ baseUrl, prepared: prepared.notifications }),
  },
  {
    name: "transfers",
    title: "POST /api/v1/wallet/transfers between random pairs of 40 funded wallets (transfers/s)",
    method: "POST",
    path: "/api/v1/wallet/transfers",
    // The saga's hold in the sender's Wallet, credit in the receiver's, settle in the sender's.
    needs: { "do-write-8": 3 },
    setup: (baseUrl) => prepareTransfers(baseUrl),
  },
  // Next: product reads.
];
