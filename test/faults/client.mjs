// A client as a well-behaved app is written: every request keeps its keys (Idempotency-Key,
// clientId, cart token) across attempts, and is sent again after a dropped connection, a 5xx,
// a 429 or a 409 "still being processed", until the server gives a definite answer.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A seeded random source (mulberry32): the same FAULTS_SEED replays the same kill instants and traffic. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, between: (min, max) => min + next() * (max - min), int: (n) => Math.floor(next() * n) };
}

/** Counts across the run: what clients had to retry, and any server error they met. */
export const traffic = { requests: 0, dropped: 0, serverErrors: 0, inProgress: 0, rateLimited: 0 };

/** Whether an answer is final for a client: 2xx, or a 4xx other than "in progress" and "too many". */
function isFinal(status, body) {
  if (status >= 500) return false;
  if (status === 429) return false;
  // The Idempotency-Key is held by an attempt the crash interrupted, or still running.
  if (status === 409 && body?.code === "conflict" && /still being processed/.test(body?.detail ?? "")) return false;
  return true;
}

/**
 * Creates the HTTP client of one server. `who` = { token?, cartToken? }. Returns
 * { status, json, headers, attempts } of the first final answer.
 */
export function httpClient(base) {
  async function once(method, path, who, body, headers) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(who?.token ? { Authorization: `Bearer ${who.token}` } : {}),
        ...(who?.cartToken ? { "X-Cart-Token": who.cartToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  /** Sends until a final answer; gives up only after `deadlineMs` (default: 4 minutes). */
  async function call(method, path, who = {}, body = undefined, headers = {}, deadlineMs = 240_000) {
    const until = Date.now() + deadlineMs;
    for (let attempts = 1; ; attempts++) {
      traffic.requests += 1;
      let res;
      try {
        res = await once(method, path, who, body, headers);
      } catch {
        // Connection refused or dropped: the server is down (killed) or restarting.
        traffic.dropped += 1;
      }
      if (res && isFinal(res.status, res.json)) return { ...res, attempts };
      if (res?.status >= 500) traffic.serverErrors += 1;
      if (res?.status === 429) traffic.rateLimited += 1;
      if (res?.status === 409) traffic.inProgress += 1;
      if (Date.now() > until) {
        throw new Error(
          `${method} ${path}: no final answer in ${deadlineMs / 1000} s (last: ${res?.status ?? "no connection"})`,
        );
      }
      const retryAfter = Number(res?.headers.get("Retry-After"));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : 400);
    }
  }

  /** `call`, expecting `status`; throws with the answer otherwise (for set-up steps). */
  async function expect(status, method, path, who, body, headers) {
    const res = await call(method, path, who, body, headers);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    return res;
  }

  /** Every item of a paged list (`items` + `nextCursor`). */
  async function all(path, who) {
    const items = [];
    let cursor;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const res = await expect(
        200,
        "GET",
        `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        who,
      );
      items.push(...res.json.items);
      cursor = res.json.nextCursor;
    } while (cursor);
    return items;
  }

  return { base, call, expect, all };
}

/** A new account signed up by email, in English (so the harness can read its notifications). */
export async function signUp(http, name) {
  const email = `faults-${crypto.randomUUID().slice(0, 12)}@example.com`;
  const res = await http.expect(
    201,
    "POST",
    "/api/v1/auth/register",
    {},
    {
      email,
      password: "Sawasdee2026",
      displayName: name,
      country: "TH",
      locale: "en",
    },
  );
  return { token: res.json.accessToken, userId: res.json.user.id, email };
}

/** A deliverable address in Bangkok. */
export const ADDRESS_TH = {
  recipientName: "Somchai Jaidee",
  phone: "089 765 4321",
  street: "99/1 Sukhumvit Road",
  city: "Khlong Toei",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
};

/** A seller with a THB shop and products (each with `stock` units). */
export async function sellerWithProducts(http, label, stocks) {
  const seller = await signUp(http, `${label} seller`);
  const shop = await http.expect(201, "POST", "/api/v1/shops", seller, {
    name: `${label} ${crypto.randomUUID().slice(0, 6)}`,
    category: "electronics",
    country: "TH",
    currency: "THB",
  });
  const products = [];
  for (const [i, stock] of stocks.entries()) {
    const product = await http.expect(201, "POST", "/api/v1/products", seller, {
      shopId: shop.json.id,
      name: `${label} item ${i + 1}`,
      description: "Fault-injection stock",
      sku: `FAULT-${label.replace(/[^A-Za-z0-9]/g, "")}-${i}-${Date.now()}`.toUpperCase(),
      price: { amount: 25_000 + i * 1_000, currency: "THB" },
      stock,
      weightGrams: 300,
    });
    products.push({ id: product.json.id, stock });
  }
  return { seller, shopId: shop.json.id, products };
}

/** A signed-in buyer's checkout (one unit from each shop's first product); its orders, one per shop. */
export async function checkoutOneOfEach(http, buyer, shops) {
  for (const shop of shops) {
    await http.expect(200, "POST", "/api/v1/cart/items", buyer, { productId: shop.products[0].id, quantity: 1 });
  }
  const res = await http.expect(
    201,
    "POST",
    "/api/v1/orders",
    buyer,
    { shippingAddress: ADDRESS_TH },
    {
      "Idempotency-Key": crypto.randomUUID(),
    },
  );
  return res.json.orders;
}

/** `count` checkouts by `buyers` signed-in buyers (in parallel, one after another per buyer). */
export async function checkoutsBy(http, buyers, shops, count) {
  const checkouts = [];
  await Promise.all(
    buyers.map(async (buyer, b) => {
      for (let i = b; i < count; i += buyers.length) {
        checkouts.push({ buyer, orders: await checkoutOneOfEach(http, buyer, shops) });
      }
    }),
  );
  return checkouts;
}
