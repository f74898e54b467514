import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { EventEnvelope } from "../../schemas/events";
import { type ConsumeOutcome, consumeOnce } from "../../workers/platform/consume";
import { consumersFor, defaultQueueDeps } from "../../workers/queue";
import { newAdmin } from "../catalog/helpers";
import {
  type Account,
  ADDRESS,
  checkout,
  newAccount,
  type Order,
  patchStatus,
  pay,
  row,
  type Shop,
  sellerWithProduct,
  simulate,
  userCart,
} from "../orders/helpers";
import { call, expectJson, type Money } from "../support/http";

export type { Account, Order, Shop };

export interface Balance {
  currency: string;
  pending: Money;
  available: Money;
  paidOut: Money;
}

export interface Payout {
  id: string;
  amount: Money;
  destination: "wallet" | { bankCode: string; accountNumber: string; accountName: string };
  status: "pending" | "paid" | "failed";
  failureCode?: string;
  createdAt: string;
}

export type Seller = Account & { shop: Shop; product: { id: string } };

export const thb = (amount: number): Money => ({ amount, currency: "THB" });
export const KBANK = { bankCode: "KBANK", accountNumber: "123-4-56789-0", accountName: "Somchai Jaidee" };

/** A Thai shop with one product (price 1,299.00 THB, plenty of stock). */
export const newSeller = (extra: Record<string, unknown> = {}): Promise<Seller> =>
  sellerWithProduct("TH", { stock: 50, ...extra });

/** A buyer's order of `quantity` units of the seller's product, paid through the sandbox gateway. */
export async function paidOrder(s: Seller, quantity = 1): Promise<{ buyer: Account; order: Order }> {
  const buyer = await newAccount("TH");
  await userCart(buyer.token, [{ productId: s.product.id, quantity }]);
  const [order] = await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH });
  const payment = await pay({ token: buyer.token }, [order.id]);
  await simulate({ token: buyer.token }, payment.id);
  return { buyer, order };
}

const move = async (token: string, id: string, body: Record<string, unknown>) =>
  expectJson<Order>(await patchStatus(token, id, body), 200);

/**
 * The seller delivers a paid order and an admin completes it, as the completion cron does after
 * RETURN_WINDOW_DAYS (the seller may not close it early).
 */
export async function complete(s: Seller, orderId: string): Promise<void> {
  await move(s.token, orderId, { status: "processing" });
  await move(s.token, orderId, { status: "shipped", trackingNumber: "KER123456789TH", courier: "Kerry Express" });
  await move(s.token, orderId, { status: "delivered" });
  await move((await newAdmin()).token, orderId, { status: "completed" });
}

/** The order's outbox event of this type (as the queue would deliver it). */
export async function orderEvent(orderId: string, type: EventEnvelope["type"]): Promise<EventEnvelope> {
  const event = await row<{ envelope: string }>(
    "SELECT envelope FROM outbox_events WHERE type = ? AND json_extract(envelope, '$.data.orderId') = ?",
    type,
    orderId,
  );
  expect(event, `${type} of ${orderId}`).toBeTruthy();
  return JSON.parse(event!.envelope) as EventEnvelope;
}

/** Runs the order's event through the earnings ledger now (the queue may have done it already: then "duplicate"). */
export async function applyOrderEvent(orderId: string, type: EventEnvelope["type"]): Promise<ConsumeOutcome> {
  const consumer = consumersFor(type).find((c) => c.name === "earnings.ledger");
  expect(consumer).toBeDefined();
  return consumeOnce(consumer!, await orderEvent(orderId, type), env, defaultQueueDeps(env));
}

export async function balance(s: Account & { shop: Shop }): Promise<Balance> {
  return expectJson<Balance>(await call("GET", `/api/v1/shops/${s.shop.id}/balance`, { token: s.token }), 200);
}

export function requestPayout(s: Account & { shop: Shop }, body: unknown, key: string = crypto.randomUUID()) {
  return call("POST", `/api/v1/shops/${s.shop.id}/payouts`, { token: s.token, body, idempotencyKey: key });
}

/** The commission at the default 5% on the order's lines; the shop keeps the rest of the total. */
export function netOf(order: Order, bps = 500): number {
  const commission = order.items.reduce((sum, i) => sum + Math.round((i.lineTotal.amount * bps) / 10_000), 0);
  return order.total.amount - commission;
}

/** An order paid and completed, its events applied: its net is available. */
export async function availableOrder(s: Seller, quantity = 1): Promise<Order> {
  const { order } = await paidOrder(s, quantity);
  await applyOrderEvent(order.id, "order.paid");
  await complete(s, order.id);
  await applyOrderEvent(order.id, "order.completed");
  return order;
}
