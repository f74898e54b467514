#!/usr/bin/env node
// npm run ops:load -- [--seconds 60] [--base http://127.0.0.1:8787] [--workers 4]
//
// Real traffic against a running LOCAL server (`npm start`) for a while, so an operator watching
// /ops/metrics sees the charts move: people browsing and searching, guest carts filled and left,
// a checkout paid through the sandbox gateway now and then, chat messages between two people, and
// a few requests that fail on purpose (unknown products, invalid input). It signs up its own
// accounts (a seller with a shop, a buyer, two chatters) through the public API, and uses the
// sandbox gateway and the dev outbox, so it refuses production-like servers. docs/metrics.md.
import { pathToFileURL } from "node:url";
import { checkoutOneOfEach, httpClient, sellerWithProducts, signUp } from "../test/faults/client.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Words the seeded catalog's names contain (Thai, Indonesian, Vietnamese and English). */
const SEARCHES = ["shirt", "เสื้อ", "kopi", "áo", "phone", "batik", "tas", "ข้าว"];

/**
 * What the traffic is made of, by weight: each worker draws one action at a time. A checkout is
 * rarer (it holds stock and takes a payment); chat is paced below the per-person send limit.
 */
const ACTIONS = [
  ["browse", 40],
  ["search", 20],
  ["cart", 20],
  ["chat", 10],
  ["error", 8],
  ["checkout", 2],
];

/** The accounts, shop and dialog the traffic uses, made through the public API. */
async function prepare(base) {
  const http = httpClient(base);
  const shop = await sellerWithProducts(http, "Load", [100_000, 100_000, 100_000]);
  const buyer = await signUp(http, "Load buyer");
  const [anong, budi] = [await signUp(http, "Load Anong"), await signUp(http, "Load Budi")];
  const dialog = await http.expect(201, "POST", "/api/v1/dialogs", anong, {
    type: "direct",
    participantIds: [budi.userId],
  });
  const page = await http.expect(200, "GET", "/api/v1/products?limit=50");
  const productIds = [...new Set([...page.json.items.map((p) => p.id), ...shop.products.map((p) => p.id)])];
  return { http, shop, buyer, chatters: [anong, budi], dialogId: dialog.json.id, productIds };
}

/** One request, counted in `stats` by status class; the answer's status, headers and JSON body. */
function counted(base, stats) {
  return async function hit(method, path, { who, body, headers } = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(who?.token ? { Authorization: `Bearer ${who.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    stats.requests += 1;
    if (res.status >= 500) stats.serverErrors += 1;
    else if (res.status >= 400) stats.clientErrors += 1;
    else stats.ok += 1;
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? safeJson(text) : undefined };
  };
}

/** What one draw of ACTIONS does, against the prepared world. */
function loadActions(world, hit, stats) {
  const lastSent = new Map();
  const actions = {
    async browse() {
      await hit("GET", "/api/v1/products?limit=20");
      await hit("GET", `/api/v1/products/${pick(world.productIds)}`);
    },
    async search() {
      await hit("GET", `/api/v1/search?q=${encodeURIComponent(pick(SEARCHES))}`);
    },
    async cart() {
      // A guest fills a cart and leaves it: what the cart-abandonment figure counts.
      const added = await hit("POST", "/api/v1/cart/items", {
        body: { productId: pick(world.productIds), quantity: 1 },
      });
      const token = added.headers.get("X-Cart-Token");
      if (token) await hit("GET", "/api/v1/cart", { headers: { "X-Cart-Token": token } });
    },
    async chat() {
      const sender = pick(world.chatters);
      // One message a second per person at most: below CHAT_USER_SEND_LIMIT, so no 429s.
      if (Date.now() - (lastSent.get(sender.userId) ?? 0) < 1_100) return actions.browse();
      lastSent.set(sender.userId, Date.now());
      const sent = await hit("POST", `/api/v1/dialogs/${world.dialogId}/messages`, {
        who: sender,
        body: { clientId: crypto.randomUUID(), kind: "text", text: `load ${new Date().toISOString()}` },
      });
      if (sent.status === 201) stats.chatMessages += 1;
    },
    async error() {
      await hit("GET", `/api/v1/products/prd_does_not_exist_${Math.floor(Math.random() * 1e6)}`);
      await hit("POST", "/api/v1/cart/items", { body: { productId: "", quantity: -1 } });
    },
    async checkout() {
      const orders = await checkoutOneOfEach(world.http, world.buyer, [world.shop]);
      const payment = await hit("POST", "/api/v1/payments", {
        who: world.buyer,
        headers: { "Idempotency-Key": crypto.randomUUID() },
        body: { orderIds: orders.map((o) => o.id), gateway: "sandbox", method: "promptpay" },
      });
      if (payment.status !== 201) return;
      const paid = await hit("POST", `/api/v1/payments/${payment.json.id}/simulate`, {
        who: world.buyer,
        body: { outcome: "success" },
      });
      if (paid.status < 300) stats.checkouts += 1;
    },
  };
  return actions;
}

/** An action's name, drawn by ACTIONS' weights. */
function draw() {
  let n = Math.random() * ACTIONS.reduce((sum, [, w]) => sum + w, 0);
  for (const [name, weight] of ACTIONS) {
    n -= weight;
    if (n < 0) return name;
  }
  return "browse";
}

/**
 * Drives traffic at `base` for `seconds` with `workers` concurrent clients. Resolves with what was
 * sent: requests by status class, checkouts paid and chat messages sent. `signal` stops it early.
 */
export async function runLoad({ base, seconds = 60, workers = 4, signal, onProgress } = {}) {
  const world = await prepare(base);
  const stats = {
    requests: 0,
    ok: 0,
    clientErrors: 0,
    serverErrors: 0,
    failedActions: 0,
    checkouts: 0,
    chatMessages: 0,
  };
  const actions = loadActions(world, counted(base, stats), stats);
  const until = Date.now() + seconds * 1000;
  const running = () => Date.now() < until && !signal?.aborted;
  // One checkout first, so even a short run has an order.
  await actions.checkout();
  const worker = async () => {
    while (running()) {
      try {
        await actions[draw()]();
      } catch {
        // A dropped connection, a timeout or a refused set-up step (a checkout's): the run goes on.
        stats.failedActions += 1;
      }
      onProgress?.(stats);
      await sleep(20 + Math.random() * 80);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return stats;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function parseArgs(argv) {
  const args = { base: "http://127.0.0.1:8787", seconds: 60, workers: 4 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!["--base", "--seconds", "--workers"].includes(flag)) throw new Error(`unknown argument ${flag}`);
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    args[flag.slice(2)] = flag === "--base" ? value : Number(value);
  }
  for (const key of ["seconds", "workers"]) {
    if (!Number.isInteger(args[key]) || args[key] < 1) throw new Error(`--${key} must be a positive whole number`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const health = await fetch(`${args.base}/api/v1/dev/outbox?limit=1`).catch(() => undefined);
    if (!health?.ok) {
      throw new Error(`${args.base} is not a local server with the dev outbox (start one with npm start)`);
    }
    console.log(`Load on ${args.base} for ${args.seconds} s with ${args.workers} workers; watch /ops/metrics.`);
    let shown = 0;
    const stats = await runLoad({
      ...args,
      onProgress: (s) => {
        if (Date.now() - shown < 5_000) return;
        shown = Date.now();
        console.log(`  ${s.requests} requests (${s.clientErrors} 4xx, ${s.serverErrors} 5xx), ${s.checkouts} paid`);
      },
    });
    console.log(
      `Done: ${stats.requests} requests, ${stats.ok} ok, ${stats.clientErrors} 4xx, ${stats.serverErrors} 5xx; ` +
        `${stats.checkouts} checkouts paid, ${stats.chatMessages} chat messages, ${stats.failedActions} actions cut short.`,
    );
  } catch (err) {
    console.error(`ops:load: ${err.message}`);
    process.exit(1);
  }
}
