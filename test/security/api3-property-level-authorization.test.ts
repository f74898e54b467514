import { beforeAll, describe, expect, it } from "vitest";
import { createProduct, createShop, type Product, type Shop, uniqueSku } from "../catalog/helpers";
import { ADDRESS, checkout, type Order, userCart } from "../orders/helpers";
import { buyThroughApi } from "../reviews/helpers";
import { register } from "../support/accounts";
import { call, expectJson } from "../support/http";
import { isOperatorOperation, operationsOf, publishedDocument } from "./support/openapi";

// OWASP API3:2023, Broken Object Property Level Authorization: fields a client must not set
// (roles, status, owner, prices, totals) are refused or ignored, and what one person reads of
// another's things never carries the other's personal data.

interface Person {
  token: string;
  userId: string;
  email: string;
}

/** A distinctive phone and street of the seller's, to find anywhere they leak. */
const SELLER_PHONE = "0851112233";
const SELLER_STREET = "77/7 Soi Private Seller";

let seller: Person;
let buyer: Person;
let shop: Shop;
let product: Product;
let buyersOrder: string;

async function person(prefix: string): Promise<Person> {
  const r = await register({ emailPrefix: prefix });
  return { token: r.accessToken, userId: r.user.id, email: r.email };
}

beforeAll(async () => {
  [seller, buyer] = await Promise.all([person("api3-seller"), person("api3-buyer")]);
  await expectJson(
    await call("POST", "/api/v1/users/me/addresses", {
      token: seller.token,
      body: { ...ADDRESS.TH, phone: SELLER_PHONE, street: SELLER_STREET },
    }),
    201,
  );
  shop = await createShop(seller.token);
  product = await createProduct(seller.token, shop, { weightGrams: 400, stock: 50 });
  buyersOrder = await buyThroughApi(
    { token: buyer.token, userId: buyer.userId },
    { token: seller.token, userId: seller.userId },
    product.id,
    "delivered",
  );
  await expectJson(
    await call("POST", `/api/v1/products/${product.id}/reviews`, {
      token: buyer.token,
      body: { rating: 4, body: "Good value." },
    }),
    201,
  );
}, 120_000);

/** Refused (400/422 problem), or accepted with `ignored` holding for the answer. */
async function refusedOrIgnored<T>(res: Response, ignored: (body: T) => void | Promise<void>) {
  const text = await res.text();
  if (res.status === 400 || res.status === 422) {
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    return;
  }
  expect(res.status, text).toBeLessThan(300);
  await ignored(JSON.parse(text) as T);
}

describe("API3: mass assignment is refused or ignored", () => {
  it("register with roles, status and id", async () => {
    const res = await call("POST", "/api/v1/auth/register", {
      body: {
        email: `api3-mass-${crypto.randomUUID().slice(0, 8)}@example.com`,
        password: "Sawasdee2026",
        displayName: "Mallory",
        country: "TH",
        roles: ["customer", "admin"],
        status: "active",
        id: "usr_chosen_by_client",
      },
    });
    await refusedOrIgnored<{ accessToken: string; user: { id: string; roles: string[] } }>(res, async (tokens) => {
      expect(tokens.user.roles).toEqual(["customer"]);
      expect(tokens.user.id).not.toBe("usr_chosen_by_client");
      const admin = await call("GET", "/api/v1/admin/audit-events", { token: tokens.accessToken });
      expect(admin.status).toBe(403);
    });
  });

  it("PATCH /users/me with roles, status, email or id", async () => {
    for (const field of [{ roles: ["admin"] }, { status: "active" }, { email: "other@example.com" }, { id: "usr_x" }]) {
      await refusedOrIgnored<{ roles: string[]; email: string }>(
        await call("PATCH", "/api/v1/users/me", { token: buyer.token, body: { displayName: "Ann", ...field } }),
        (user) => {
          expect(user.roles).toEqual(["customer"]);
          expect(user.email).toBe(buyer.email);
        },
      );
    }
  });

  it("a shop created or changed with another owner or a verified status", async () => {
    const created = await call("POST", "/api/v1/shops", {
      token: buyer.token,
      body: {
        name: "Mallory Mart",
        category: "electronics",
        country: "TH",
        currency: "THB",
        ownerId: seller.userId,
        verificationStatus: "verified",
      },
    });
    await refusedOrIgnored<Shop & { verificationStatus: string }>(created, (s) => {
      expect(s.ownerId).toBe(buyer.userId);
      expect(s.verificationStatus).toBe("pending");
    });
    const changed = await call("PATCH", `/api/v1/shops/${shop.id}`, {
      token: seller.token,
      body: { name: "Still mine", verificationStatus: "verified", ownerId: buyer.userId },
    });
    await refusedOrIgnored<Shop & { verificationStatus: string }>(changed, (s) => {
      expect(s.ownerId).toBe(seller.userId);
      expect(s.verificationStatus).toBe("pending");
    });
  });

  it("a product created with a rating, sales or an id, or moved to another's shop", async () => {
    const created = await call("POST", "/api/v1/products", {
      token: seller.token,
      body: {
        shopId: shop.id,
        name: "Inflated",
        description: "x",
        sku: uniqueSku(),
        price: { amount: 10_000, currency: "THB" },
        stock: 1,
        rating: { average: 5, count: 9999 },
        sold: 100_000,
        id: "prd_chosen_by_client",
      },
    });
    await refusedOrIgnored<Product & { rating: { count: number } }>(created, (p) => {
      expect(p.rating.count).toBe(0);
      expect(p.id).not.toBe("prd_chosen_by_client");
    });
    const othersShop = await createShop(buyer.token);
    const moved = await call("PATCH", `/api/v1/products/${product.id}`, {
      token: seller.token,
      body: { shopId: othersShop.id },
    });
    await refusedOrIgnored<Product>(moved, (p) => expect(p.shopId).toBe(shop.id));
  });

  it("cart lines, orders and payments priced by the client", async () => {
    const price = product.price as { amount: number; currency: string };
    const line = await call("POST", "/api/v1/cart/items", {
      token: buyer.token,
      body: { productId: product.id, quantity: 1, unitPrice: { amount: 1, currency: "THB" } },
    });
    await refusedOrIgnored<{ items: { unitPrice: { amount: number } }[] }>(line, (cart) => {
      for (const item of cart.items) expect(item.unitPrice.amount).toBe(price.amount);
    });
    await userCart(buyer.token, [{ productId: product.id, quantity: 1 }]);
    const ordered = await call("POST", "/api/v1/orders", {
      token: buyer.token,
      idempotencyKey: crypto.randomUUID(),
      body: {
        shippingAddress: ADDRESS.TH,
        total: { amount: 1, currency: "THB" },
        discount: { amount: 999_999, currency: "THB" },
        status: "paid",
        customerId: seller.userId,
      },
    });
    let order: Order | undefined;
    await refusedOrIgnored<{ orders: Order[] }>(ordered, ({ orders }) => {
      [order] = orders;
      expect(order.status).toBe("pending_payment");
      expect(order.customerId).toBe(buyer.userId);
      expect((order.subtotal as { amount: number }).amount).toBeGreaterThanOrEqual(price.amount);
    });
    order ??= (await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH }))[0];
    const total = (order.total as { amount: number }).amount;
    const paid = await call("POST", "/api/v1/payments", {
      token: buyer.token,
      idempotencyKey: crypto.randomUUID(),
      body: {
        orderIds: [order.id],
        gateway: "sandbox",
        method: "qris",
        amount: { amount: 1, currency: "THB" },
        status: "succeeded",
      },
    });
    await refusedOrIgnored<{ amount: { amount: number }; status: string }>(paid, (payment) => {
      expect(payment.amount.amount).toBe(total);
      expect(payment.status).toBe("pending");
    });
  });

  it("a buyer cannot move their own order along (status is the shop's to change)", async () => {
    const res = await call("PATCH", `/api/v1/orders/${buyersOrder}/status`, {
      token: buyer.token,
      body: { status: "completed" },
    });
    expect(res.status).toBe(403);
  });
});

describe("API3: no one reads another's personal data", () => {
  it("every read of /openapi.json, as the buyer and anonymously, on the seller's shop, product, reviews and presence: no seller email, phone or address", async () => {
    const doc = await publishedDocument();
    const reads = operationsOf(doc).filter(
      (op) =>
        op.method === "GET" && !isOperatorOperation(op) && !op.tags.includes("Dev") && !op.statuses.includes("101"),
    );
    // The path segment before a parameter says what fills it (the buyer's own order included).
    const segment: Record<string, string> = {
      shops: shop.id,
      products: product.id,
      inventory: product.id,
      users: seller.userId,
      orders: buyersOrder,
    };
    let checked = 0;
    for (const op of reads) {
      const filled = op.path.replace(/\/(\w[\w-]*)\/\{(\w+)\}/g, (all, seg: string) =>
        segment[seg] ? `/${seg}/${segment[seg]}` : all,
      );
      if (filled.includes("{")) continue;
      for (const token of [buyer.token, undefined]) {
        const res = await call("GET", filled, { token });
        const text = await res.text();
        expect(res.status, `${op.key}: ${text}`).toBeLessThan(500);
        for (const secret of [seller.email, SELLER_PHONE.slice(1), SELLER_STREET]) {
          expect(text, `${op.key} shows the seller's ${secret}`).not.toContain(secret);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("the seller sees the buyer's shipping address on the shop's orders, but not the buyer's account email", async () => {
    for (const path of [
      `/api/v1/orders/${buyersOrder}`,
      `/api/v1/shops/${shop.id}/orders`,
      `/api/v1/products/${product.id}/reviews`,
    ]) {
      const res = await call("GET", path, { token: seller.token });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(text, path).not.toContain(buyer.email);
    }
  });
});
