import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADDRESS_TH, addToCart, api, checkout, ok, signUp, simulatePayment, startPayment, type Who } from "./flows";

// Against the real local server of the e2e global setup (wrangler dev, seeded demo data), the way
// a new user and a seeded seller would use it: plain HTTP, nothing imported from the Worker.

/** SEED_ADMIN_PASSWORD, as the server read it from .dev.vars.example (every seeded account's password). */
const SEED_PASSWORD = (() => {
  const file = readFileSync(join(import.meta.dirname, "../../.dev.vars.example"), "utf8");
  const line = file.split("\n").find((l) => l.startsWith("SEED_ADMIN_PASSWORD="));
  if (!line) throw new Error("SEED_ADMIN_PASSWORD is missing from .dev.vars.example");
  return line.slice("SEED_ADMIN_PASSWORD=".length).trim();
})();

const SELLER_EMAIL = "seller.bangkok@tchat.example"; // owner of "Bangkok Gadget Hub" (workers/shops/seed.ts)

interface Product {
  id: string;
  shopId: string;
  name: string;
  price: { amount: number; currency: string };
  variants: unknown[];
  available: number;
}

/** The seeded seller signs in and we find a product of their shop with stock (and no variants). */
async function sellerAndProduct(): Promise<{ token: string; userId: string; product: Product }> {
  const login = await ok("POST", "/api/v1/auth/login", {}, { email: SELLER_EMAIL, password: SEED_PASSWORD });
  const token = login.json.accessToken as string;
  const userId = login.json.user.id as string;
  // Which shop is theirs: walk the catalog's shops until the owner matches.
  const owners = new Map<string, string>();
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const list = await ok("GET", `/api/v1/products?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    for (const p of list.json.items as Product[]) {
      if (!owners.has(p.shopId)) owners.set(p.shopId, (await ok("GET", `/api/v1/shops/${p.shopId}`)).json.ownerId);
    }
    const mine = [...owners].find(([, owner]) => owner === userId)?.[0];
    if (mine) {
      const products = await ok("GET", `/api/v1/products?shopId=${mine}&limit=50`);
      const product = (products.json.items as Product[]).find((p) => p.variants.length === 0 && p.available >= 3);
      if (!product) throw new Error("the seeded shop has no product in stock without variants");
      return { token, userId, product };
    }
    cursor = list.json.nextCursor;
    if (!cursor) break;
  }
  throw new Error(`no seeded product belongs to ${SELLER_EMAIL}`);
}

/** Cart → checkout → sandbox payment → simulated success; returns the order and its payment. */
async function buy(who: Who, productId: string, checkoutBody: Record<string, unknown>) {
  const buyer = await addToCart(who, productId);
  const cart = await ok("GET", "/api/v1/cart", buyer);
  expect(cart.json).toMatchObject({ itemCount: 1, currency: "THB", items: [{ productId, quantity: 1 }] });
  const rates = await ok("POST", "/api/v1/shipping/rates", buyer, {
    destination: { country: "TH", postalCode: "10110" },
  });
  expect(rates.json.options.length).toBeGreaterThan(0);

  const key = crypto.randomUUID();
  const created = await checkout(buyer, checkoutBody, key);
  const [order] = created.json.orders;
  expect(order).toMatchObject({
    status: "pending_payment",
    paymentStatus: "unpaid",
    currency: "THB",
    items: [{ productId, quantity: 1 }],
  });
  expect(order.shippingCost).toEqual(rates.json.options[0].cost);
  expect(order.total.amount).toBe(
    order.subtotal.amount - order.discount.amount + order.shippingCost.amount + order.tax.amount,
  );
  // A retry of the same checkout replays it rather than ordering twice.
  const replay = await checkout(buyer, checkoutBody, key);
  expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
  expect(replay.json.orders[0].id).toBe(order.id);
  expect((await ok("GET", "/api/v1/cart", buyer)).json.itemCount).toBe(0);

  const payment = (await startPayment(buyer, [order.id])).json;
  expect(payment).toMatchObject({ status: "pending", amount: order.total, nextAction: { type: "qr" } });
  expect(payment.nextAction.instructions).toEqual(expect.any(String));
  const paid = await simulatePayment(buyer, payment.id);
  expect(paid.json.status).toBe("succeeded");
  expect((await ok("GET", `/api/v1/orders/${order.id}`, buyer)).json).toMatchObject({
    status: "paid",
    paymentStatus: "paid",
  });
  return { buyer, order, payment };
}

async function deliver(sellerToken: string, orderId: string) {
  const seller = { token: sellerToken };
  expect((await ok("PATCH", `/api/v1/orders/${orderId}/status`, seller, { status: "processing" })).json.status).toBe(
    "processing",
  );
  const shipped = await ok("PATCH", `/api/v1/orders/${orderId}/status`, seller, {
    status: "shipped",
    trackingNumber: "KEX260000123TH",
    courier: "Kerry Express",
  });
  expect(shipped.json.shipping.trackingNumber).toBe("KEX260000123TH");
  expect((await ok("PATCH", `/api/v1/orders/${orderId}/status`, seller, { status: "delivered" })).json.status).toBe(
    "delivered",
  );
}

describe("commerce on a real server, as a new user would", () => {
  it("a guest buys a seeded product with the sandbox gateway and the seeded seller delivers it", async () => {
    const { token: sellerToken, product } = await sellerAndProduct();
    const before = (await ok("GET", `/api/v1/inventory/${product.id}`)).json;

    const { buyer, order } = await buy({}, product.id, {
      contactEmail: "guest.e2e@example.com",
      shippingAddress: ADDRESS_TH,
    });
    expect(buyer.cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Sold: one unit fewer on hand, nothing left held.
    const after = (await ok("GET", `/api/v1/inventory/${product.id}`)).json;
    expect(after.onHand).toBe(before.onHand - 1);
    expect(after.reserved).toBe(before.reserved);

    // The seller sees it in the shop's orders and moves it along.
    const shopOrders = await ok("GET", `/api/v1/shops/${product.shopId}/orders?status=paid`, { token: sellerToken });
    expect(shopOrders.json.items.map((o: { id: string }) => o.id)).toContain(order.id);
    // The guest may not.
    expect((await api("PATCH", `/api/v1/orders/${order.id}/status`, buyer, { status: "processing" })).status).toBe(401);
    await deliver(sellerToken, order.id);

    const timeline = (await ok("GET", `/api/v1/orders/${order.id}/timeline`, buyer)).json.items as {
      type: string;
      actor: { type: string };
    }[];
    expect(timeline.map((e) => e.type)).toEqual([
      "created",
      "payment.started",
      "status.paid",
      "status.processing",
      "status.shipped",
      "status.delivered",
    ]);
    expect(timeline.map((e) => e.actor.type)).toEqual(["guest", "guest", "gateway", "seller", "seller", "seller"]);
    const invoice = await api("GET", `/api/v1/orders/${order.id}/invoice?locale=th`, buyer);
    expect(invoice.status).toBe(200);
    expect(invoice.headers.get("content-type")).toContain("text/html");
    expect(invoice.text).toContain("ใบแจ้งหนี้");
    expect(invoice.text).toContain(order.number);
    // Another guest cannot read it.
    expect((await api("GET", `/api/v1/orders/${order.id}`, {})).status).toBe(404);
  });

  it("a registered buyer buys with a saved address, receives it, and reviews it (once reviews exist)", async () => {
    const { token: sellerToken, product } = await sellerAndProduct();
    const registered = await signUp("ผู้ซื้อ ทดสอบ", "th");
    const buyer = { token: registered.token };
    const saved = await ok(
      "POST",
      "/api/v1/users/me/addresses",
      buyer,
      { ...ADDRESS_TH, label: "บ้าน", isPrimary: true },
      201,
    );
    const { order } = await buy(buyer, product.id, { shippingAddressId: saved.json.id });
    expect(order.customerId).toBe(registered.userId);
    await deliver(sellerToken, order.id);
    const mine = await ok("GET", "/api/v1/orders?status=delivered", buyer);
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([order.id]);

    // Reviews are being built in parallel (POST /api/v1/products/:id/reviews, CONTRACT.md). This step
    // runs once the server's OpenAPI document lists that operation; until then it is skipped here,
    // and the test says so in its output.
    const doc = (await ok("GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
    const reviewsPath = doc.paths["/api/v1/products/{id}/reviews"];
    if (!reviewsPath?.post) {
      console.warn("[commerce e2e] POST /api/v1/products/:id/reviews does not exist yet: the review step was skipped");
      return;
    }
    const review = { rating: 5, title: "ของแท้ ส่งไว", body: "ได้รับสินค้าเร็วมาก แพ็คมาดี ใช้งานได้ปกติ" };
    const posted = await ok("POST", `/api/v1/products/${product.id}/reviews`, buyer, review, 201);
    expect(posted.json).toMatchObject({ rating: 5 });
    // Once only; and only buyers.
    expect((await api("POST", `/api/v1/products/${product.id}/reviews`, buyer, review)).status).toBe(409);
    const stranger = await signUp("X");
    const refused = await api("POST", `/api/v1/products/${product.id}/reviews`, { token: stranger.token }, review);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("not_a_buyer");
    const listed = await ok("GET", `/api/v1/products/${product.id}/reviews`);
    expect(JSON.stringify(listed.json)).toContain("ของแท้ ส่งไว");
  });
});
