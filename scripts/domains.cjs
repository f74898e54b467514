/**
 * The domains and the one-way arrows between them: the single source of the dependency rules
 * (.dependency-cruiser.cjs) and of the README's diagram (scripts/architecture-diagram.mjs).
 */
const DOMAINS = {
  inventory: [],
  messaging: [],
  ops: [],
  backup: [],
  synthetics: [],
  metrics: ["messaging"],
  identity: ["messaging"],
  realtime: ["identity"],
  admin: ["identity", "wallet", "payments"],
  shops: ["identity"],
  catalog: ["shops", "inventory", "flash-sales"],
  media: ["catalog", "shops", "chat", "identity"],
  search: ["catalog"],
  cart: ["catalog", "inventory", "shops"],
  shipping: ["cart", "identity"],
  orders: ["cart", "catalog", "inventory", "shipping", "identity", "shops"],
  logistics: ["orders", "shipping", "shops", "identity", "cart", "catalog"],
  payments: ["orders", "identity", "wallet", "logistics", "cart"],
  reviews: ["catalog", "orders", "identity", "shops"],
  returns: ["orders", "payments", "inventory", "media", "shops", "identity"],
  recommendations: ["catalog", "cart", "orders"],
  chat: ["identity", "shops", "catalog", "orders", "realtime", "wallet"],
  notifications: ["identity", "messaging", "realtime", "orders", "shops", "catalog", "chat", "recommendations"],
  privacy: [
    "identity",
    "messaging",
    "notifications",
    "orders",
    "payments",
    "reviews",
    "chat",
    "shops",
    "media",
    "recommendations",
    "disbursements",
    "wallet",
    "earnings",
  ],
  disbursements: [],
  fx: [],
  "flash-sales": ["shops", "inventory"],
  wallet: ["identity", "disbursements", "fx"],
  earnings: ["shops", "disbursements", "wallet", "identity", "orders", "catalog"],
  dev: ["identity", "shops", "catalog", "search", "inventory", "messaging", "notifications", "wallet"],
};

/**
 * Calls that point upward, so they are not imports: the lower domain declares the function it
 * needs and the composition root (workers/app.ts) hands it the upper domain's. Drawn dashed.
 */
const INJECTED = {
  identity: { cart: "merges the guest cart at sign-in", realtime: "closes a signed-out session's sockets" },
  orders: { payments: "refunds a cancelled order's payment; asks the gateway before an unpaid order expires" },
  "flash-sales": { catalog: "checks a new sale's products: shop, price, currency, variants" },
  logistics: { payments: "marks a cash-on-delivery payment collected when the courier delivers" },
  shipping: { logistics: "asks the couriers for live rates" },
};

/** Folders every domain may use: shared mechanisms, not domains. */
const SHARED = ["platform", "middleware", "i18n"];

/** Each Durable Object class is a thin shell around code in one folder of its domain. */
const OBJECTS = {
  "durable-objects/cart.ts": "workers/cart/object/",
  "durable-objects/chat-room.ts": "workers/chat/room/",
  "durable-objects/inventory.ts": "workers/inventory/object/",
  "durable-objects/user-hub.ts": "workers/realtime/hub/",
  "durable-objects/rate-limiter.ts": "workers/platform/limiter/",
  "durable-objects/wallet.ts": "workers/wallet/object/",
};

function assertAcyclic(domains) {
  const state = {};
  const visit = (d, path) => {
    if (state[d] === "done") return;
    if (state[d] === "visiting") throw new Error(`domain cycle: ${[...path, d].join(" -> ")}`);
    if (!domains[d]) throw new Error(`unknown domain ${d} (used by ${path.at(-1)})`);
    state[d] = "visiting";
    for (const next of domains[d]) visit(next, [...path, d]);
    state[d] = "done";
  };
  for (const d of Object.keys(domains)) visit(d, []);
}
assertAcyclic(DOMAINS);

module.exports = { DOMAINS, INJECTED, SHARED, OBJECTS };
