import { env } from "cloudflare:test";
import { expect } from "vitest";
import { checkStalePayments } from "../../workers/payments";
import { ADDRESS, checkout, newAccount, type Order, sellerWithProduct, userCart } from "../orders/helpers";
import { call } from "../support/http";
import { wallet } from "./helpers";

/** Makes the pending payment old enough for the minute cron's status check, then runs the check. */
export async function checkStatusNow(paymentId: string): Promise<number> {
  await env.DB.prepare("UPDATE payments SET created_at = ?, status_checked_at = NULL WHERE id = ?")
    .bind(Date.now() - 3_600_000, paymentId)
    .run();
  return checkStalePayments(env);
}

/** A Thai shop with one product of `stock` units, and a signed-in buyer. */
export async function shopAndBuyer(stock = 30) {
  const { product } = await sellerWithProduct("TH", { stock });
  const buyer = await newAccount("TH");
  return { product, buyer };
}

/** `count` orders of one unit each, checked out one by one by the buyer. */
export async function ordersOf(buyer: { token: string }, productId: string, count = 1): Promise<Order[]> {
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    await userCart(buyer.token, [{ productId, quantity: 1 }]);
    orders.push(...(await checkout({ token: buyer.token }, { shippingAddress: ADDRESS.TH })));
  }
  return orders;
}

export const payFromWallet = (token: string, orderIds: string[], key: string = crypto.randomUUID()) =>
  call("POST", "/api/v1/payments", {
    token,
    body: { orderIds, gateway: "wallet", method: "wallet" },
    idempotencyKey: key,
  });

export async function expectAuditOk(userId: string): Promise<void> {
  const audit = await wallet(userId).audit();
  expect(audit.ok, JSON.stringify(audit)).toBe(true);
}

export async function dbRow<T>(sql: string, ...params: unknown[]): Promise<T | null> {
  return env.DB.prepare(sql)
    .bind(...params)
    .first<T>();
}
