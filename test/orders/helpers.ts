import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { inventoryKey, type SkuStockLevel, stockLevel } from "../../workers/inventory";
import { voucherGiveBack } from "../../workers/orders/cancel";
import { orderById } from "../../workers/orders/order-rows";
import type { Actor } from "../../workers/orders/status";
import { moveOrder } from "../../workers/orders/transitions";
import { signSandboxEvent } from "../../workers/payments/gateways";
import { type ConsumeOutcome, consumeOnce } from "../../workers/platform/consume";
import { database } from "../../workers/platform/db";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { type Caller, call } from "../cart/helpers";
import {
  type Account,
  type Country,
  CURRENCY,
  createProduct,
  newAccount,
  type Product,
  type Shop,
  seller,
} from "../catalog/helpers";
import { expectJson, type Money } from "../support/http";

export { type Caller, type CallOptions, call } from "../cart/helpers";
export { BASE, expectJson, expectProblem, type Money, type Problem } from "../support/http";

export interface OrderItem {
  productId: string;
  variantId?: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

export interface Order {
  id: string;
  number: string;
  shopId: string;
  customerId: string | null;
  status: string;
  items: OrderItem[];
  subtotal: Money;
  shippingCost: Money;
  tax: Money;
  discount: Money;
  total: Money;
  currency: string;
  shippingAddress: Record<string, string>;
  shipping: {
    optionId: string;
    courier: string;
    service: string;
    etd?: string;
    trackingNumber?: string;
    book?: { courier: string; service: string };
  };
  paymentStatus: string;
  voucherCode?: string;
  reservationExpiresAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface Payment {
  id: string;
  orderIds: string[];
  amount: Money;
  status: string;
  gateway: string;
  method: string;
  nextAction: Record<string, unknown> | null;
  refunded?: Money;
}

export interface TimelineEntry {
  type: string;
  at: string;
  actor: { type: string; id: string | null };
  data: Record<string, unknown>;
}

// --- Addresses ---------------------------------------------------------------------------------

export { type Country, CURRENCY };

/** A deliverable address in each country (postal code and phone valid there). */
export const ADDRESS: Record<Country, Record<string, string>> = {
  TH: {
    recipientName: "สมชาย ใจดี",
    phone: "081 234 5678",
    street: "1 Sukhumvit Soi 11",
    city: "Watthana",
    province: "Bangkok",
    postalCode: "10110",
    country: "TH",
  },
  SG: {
    recipientName: "Tan Wei Ming",
    phone: "8123 4567",
    street: "1 Raffles Place",
    city: "Singapore",
    province: "Singapore",
    postalCode: "048616",
    country: "SG",
  },
  ID: {
    recipientName: "Budi Santoso",
    phone: "0812-3456-789",
    street: "Jl. Thamrin No. 1",
    city: "Jakarta Pusat",
    province: "DKI Jakarta",
    postalCode: "10110",
    country: "ID",
  },
  MY: {
    recipientName: "Siti Aminah",
    phone: "012-345 6789",
    street: "1 Jalan Ampang",
    city: "Kuala Lumpur",
    province: "WP Kuala Lumpur",
    postalCode: "50450",
    country: "MY",
  },
  PH: {
    recipientName: "Juan dela Cruz",
    phone: "0917 123 4567",
    street: "1 Ayala Avenue",
    city: "Makati",
    province: "Metro Manila",
    postalCode: "1226",
    country: "PH",
  },
  VN: {
    recipientName: "Nguyễn Văn An",
    phone: "0912 345 678",
    street: "1 Lê Lợi",
    city: "Quận 1",
    province: "TP Hồ Chí Minh",
    postalCode: "70000",
    country: "VN",
  },
};

export const guestBody = (country: Country = "TH", extra: Record<string, unknown> = {}) => ({
  contactEmail: "guest@example.com",
  shippingAddress: ADDRESS[country],
  ...extra,
});

// --- Catalog -----------------------------------------------------------------------------------

export type { Account, Product, Shop };
export { newAccount, seller };

/** A shop owner with one active product of `stock` units. */
export async function sellerWithProduct(
  country: Country = "TH",
  extra: Record<string, unknown> = {},
): Promise<Account & { shop: Shop; product: Product }> {
  const s = await seller(country);
  const product = await createProduct(s.token, s.shop, { weightGrams: 500, ...extra });
  return { ...s, product };
}

export { createProduct };

// --- Cart and checkout -------------------------------------------------------------------------

/** A guest cart holding `lines` (added one by one over HTTP); returns its X-Cart-Token. */
export async function guestCart(lines: { productId: string; variantId?: string; quantity: number }[]): Promise<string> {
  let token: string | undefined;
  for (const line of lines) {
    const res = await call("POST", "/api/v1/cart/items", { body: line, cartToken: token });
    expect(res.status, await res.clone().text()).toBe(200);
    token = res.headers.get("X-Cart-Token") ?? token;
  }
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token!;
}

/** Adds lines to a signed-in user's cart. */
export async function userCart(token: string, lines: { productId: string; variantId?: string; quantity: number }[]) {
  for (const line of lines) {
    const res = await call("POST", "/api/v1/cart/items", { body: line, token });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

export const postOrders = (who: Caller, body: unknown, idempotencyKey: string | null = crypto.randomUUID()) =>
  call("POST", "/api/v1/orders", { ...who, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

/** Checks a cart out; expects 201 and returns the orders. */
export async function checkout(who: Caller, body: unknown = guestBody()): Promise<Order[]> {
  const { orders } = await expectJson<{ orders: Order[] }>(await postOrders(who, body), 201);
  return orders;
}

/** A guest who put `quantity` of `productId` in a fresh cart and checked out: their token and order. */
export async function guestOrder(
  productId: string,
  quantity = 1,
  country: Country = "TH",
): Promise<{ cartToken: string; order: Order }> {
  const cartToken = await guestCart([{ productId, quantity }]);
  const [order] = await checkout({ cartToken }, guestBody(country));
  return { cartToken, order };
}

export const postPayment = (who: Caller, body: unknown, idempotencyKey: string | null = crypto.randomUUID()) =>
  call("POST", "/api/v1/payments", { ...who, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

export async function pay(who: Caller, orderIds: string[], gateway = "sandbox", method = "qris"): Promise<Payment> {
  return expectJson<Payment>(await postPayment(who, { orderIds, gateway, method }), 201);
}

export async function simulate(who: Caller, paymentId: string, outcome: "success" | "failure" = "success") {
  return expectJson<Payment>(
    await call("POST", `/api/v1/payments/${paymentId}/simulate`, { ...who, body: { outcome } }),
    200,
  );
}

export async function getOrder(who: Caller, id: string): Promise<Order> {
  return expectJson<Order>(await call("GET", `/api/v1/orders/${id}`, who), 200);
}

export async function timeline(who: Caller, id: string): Promise<TimelineEntry[]> {
  return (await expectJson<{ items: TimelineEntry[] }>(await call("GET", `/api/v1/orders/${id}/timeline`, who), 200))
    .items;
}

export const patchStatus = (token: string, id: string, body: Record<string, unknown>) =>
  call("PATCH", `/api/v1/orders/${id}/status`, { token, body });

// --- Webhooks ----------------------------------------------------------------------------------

/** A sandbox gateway event, signed with SANDBOX_WEBHOOK_SECRET like the simulate endpoint does. */
export async function sandboxEvent(
  paymentId: string,
  amount: Money,
  outcome: "succeeded" | "failed" = "succeeded",
  eventId?: string,
) {
  return signSandboxEvent(env.SANDBOX_WEBHOOK_SECRET, {
    paymentId,
    outcome,
    amount: amount as Parameters<typeof signSandboxEvent>[1]["amount"],
    ...(eventId ? { eventId } : {}),
  });
}

export const deliver = (gateway: string, request: { rawBody: string; headers: Headers }) =>
  call("POST", `/api/v1/payments/webhook/${gateway}`, { raw: request.rawBody, headers: request.headers });

// --- Direct reads (the truth in D1 and the Inventory objects) ----------------------------------

export async function level(productId: string, variantId?: string): Promise<SkuStockLevel> {
  return stockLevel(env, { key: inventoryKey(productId, variantId) });
}

/** available + reserved + sold must always equal what was received. */
export async function expectConserved(productId: string, received: number): Promise<SkuStockLevel> {
  const l = await level(productId);
  expect(l.available + l.reserved + l.sold, JSON.stringify(l)).toBe(received);
  expect(l.received).toBe(received);
  expect(l.available).toBeGreaterThanOrEqual(0);
  return l;
}

export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function row<T>(sql: string, ...params: unknown[]): Promise<T | null> {
  return env.DB.prepare(sql)
    .bind(...params)
    .first<T>();
}

export async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<T>()
  ).results;
}

/** Timeline entries of one type for an order, straight from D1. */
export const timelineCount = (orderId: string, type: string) =>
  count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND type = ?", orderId, type);

/** Outbox events of one type about an order (order.*: data.orderId; payment.*: data.orderIds). */
export const outboxCount = (orderId: string, type: string) =>
  count(
    `SELECT count(*) AS n FROM outbox_events WHERE type = ?
       AND (json_extract(envelope, '$.data.orderId') = ?
            OR EXISTS (SELECT 1 FROM json_each(json_extract(envelope, '$.data.orderIds')) WHERE value = ?))`,
    type,
    orderId,
    orderId,
  );

/*
 * A process killed right after a cancellation's or expiry's commit point (the order's move in D1)
 * and before the Inventory object released the hold. The crash is the move alone, made as
 * cancelOrder / expireOverdueOrders make it, with nothing after it.
 */
export async function crashAfterMove(orderId: string, to: "cancelled" | "expired", actor: Actor = "customer") {
  const db = database(env);
  const order = await orderById(db, orderId);
  if (!order) throw new Error(`no order ${orderId}`);
  await moveOrder(db, order, { to, actor, actorId: null }, (applied) => voucherGiveBack(db, order, applied));
}

/** An order's outbox event of this type, run through the named consumer as the queue would deliver it. */
export async function consumeOrderEvent(
  orderId: string,
  type: EventEnvelope["type"],
  consumerName: string,
): Promise<ConsumeOutcome> {
  const event = await row<{ envelope: string }>(
    "SELECT envelope FROM outbox_events WHERE type = ? AND json_extract(envelope, '$.data.orderId') = ?",
    type,
    orderId,
  );
  if (!event) throw new Error(`no ${type} event for ${orderId}`);
  const envelope = JSON.parse(event.envelope) as EventEnvelope;
  const consumer = consumersFor(type).find((c) => c.name === consumerName);
  expect(consumer, `${consumerName} consumes ${type}`).toBeDefined();
  return consumeOnce(consumer!, envelope, env, defaultQueueDeps(env));
}

export const orderStatus = async (orderId: string) =>
  row<{ status: string; payment_status: string; paid_by_payment_id: string | null }>(
    "SELECT status, payment_status, paid_by_payment_id FROM orders WHERE id = ?",
    orderId,
  );

export const paymentRow = (paymentId: string) =>
  row<{ status: string; refunded_amount: number; amount: number; provider_ref: string | null }>(
    "SELECT status, refunded_amount, amount, provider_ref FROM payments WHERE id = ?",
    paymentId,
  );

/** Makes an order overdue: its reservation ran out a minute ago. */
export async function makeOverdue(orderId: string): Promise<void> {
  await env.DB.prepare("UPDATE orders SET reservation_expires_at = ? WHERE id = ?")
    .bind(Date.now() - 60_000, orderId)
    .run();
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
