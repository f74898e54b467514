import { env } from "cloudflare:test";
import { expect } from "vitest";
import { newId } from "../../workers/platform/ids";
import type { Account, Product, Shop } from "../catalog/helpers";
import { ADDRESS, call, checkout, patchStatus, pay, userCart } from "../orders/helpers";

export * from "../catalog/helpers";

export interface Review {
  id: string;
  productId: string;
  rating: number;
  title: string | null;
  body: string;
  author: { id: string; displayName: string };
  verifiedPurchase: true;
  sellerReply: { body: string; repliedAt: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ModeratedReview extends Review {
  hidden: boolean;
  reportCount: number;
  reports: { reporterId: string; reason: string; createdAt: string }[];
}

/**
 * A signed-in buyer orders one unit of a product through the API and pays with the sandbox; with
 * `upTo: "delivered"` the seller then moves the order through processing and shipped to delivered.
 */
export async function buyThroughApi(
  buyer: Account,
  shopOwner: Account,
  productId: string,
  upTo: "paid" | "delivered",
): Promise<string> {
  const who = { token: buyer.token };
  await userCart(buyer.token, [{ productId, quantity: 1 }]);
  const [order] = await checkout(who, { shippingAddress: ADDRESS.TH });
  const payment = await pay(who, [order.id]);
  const sim = await call("POST", `/api/v1/payments/${payment.id}/simulate`, { ...who, body: { outcome: "success" } });
  expect(sim.status, await sim.clone().text()).toBe(200);
  if (upTo === "delivered") {
    for (const status of ["processing", "shipped", "delivered"]) {
      const moved = await patchStatus(shopOwner.token, order.id, {
        status,
        trackingNumber: "TH123456789",
        courier: "Kerry",
      });
      expect(moved.status, await moved.clone().text()).toBe(200);
    }
  }
  return order.id;
}

export interface OrderLine {
  product: Pick<Product, "id" | "shopId" | "price" | "name" | "sku">;
  quantity?: number;
}

/**
 * An order written straight into D1 (for tests that need many orders fast, or orders in the past):
 * one order per shop of the lines, all in one checkout, as checkout would write them.
 */
export async function insertCheckout(options: {
  customerId: string | null;
  lines: OrderLine[];
  status?: string;
  paidAt?: number | null;
  at?: number;
}): Promise<{ checkoutId: string; orderIds: string[] }> {
  const at = options.at ?? Date.now();
  const status = options.status ?? "delivered";
  const paidAt = options.paidAt === undefined ? (status === "pending_payment" ? null : at) : options.paidAt;
  const checkoutId = newId("chk", at);
  const byShop = new Map<string, OrderLine[]>();
  for (const line of options.lines) byShop.set(line.product.shopId, [...(byShop.get(line.product.shopId) ?? []), line]);
  const statements: D1PreparedStatement[] = [];
  const orderIds: string[] = [];
  for (const [shopId, lines] of byShop) {
    const orderId = newId("ord", at);
    orderIds.push(orderId);
    const subtotal = lines.reduce((sum, l) => sum + l.product.price.amount * (l.quantity ?? 1), 0);
    statements.push(
      env.DB.prepare(
        `INSERT INTO orders (id, number, checkout_id, shop_id, customer_id, status, payment_status, currency, subtotal,
           shipping_cost, tax, discount, total, shipping_address_enc, shipping_country, shipping, reservation_id,
           reservation_expires_at, paid_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 'v1.test', 'TH', '{}', ?, ?, ?, ?, ?)`,
      ).bind(
        orderId,
        `T-${orderId.slice(-12)}`,
        checkoutId,
        shopId,
        options.customerId,
        status,
        paidAt === null ? "unpaid" : "paid",
        lines[0].product.price.currency,
        subtotal,
        subtotal,
        newId("rsv", at),
        at + 15 * 60_000,
        paidAt,
        at,
        at,
      ),
    );
    for (const line of lines) {
      const quantity = line.quantity ?? 1;
      statements.push(
        env.DB.prepare(
          `INSERT INTO order_items (id, order_id, product_id, variant_id, name, sku, quantity, unit_price, line_total)
           VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
        ).bind(
          newId("oit", at),
          orderId,
          line.product.id,
          line.product.name,
          line.product.sku,
          quantity,
          line.product.price.amount,
          line.product.price.amount * quantity,
        ),
      );
    }
  }
  await env.DB.batch(statements);
  return { checkoutId, orderIds };
}

/** A fresh category (straight into D1), so a test's recommendations are its own. */
export async function newCategory(parentId: string | null = null): Promise<string> {
  const id = newId("cat");
  const now = Date.now();
  await env.DB.prepare(
    "INSERT INTO categories (id, slug, parent_id, names, position, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
  )
    .bind(id, `test-${id.toLowerCase()}`, parentId, JSON.stringify({ en: `Test ${id}` }), now, now)
    .run();
  return id;
}

export type { Account, Product, Shop };
