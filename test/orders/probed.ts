import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import { createApp } from "../../workers/app";
import type { CheckoutPoint, CheckoutProbe } from "../../workers/orders";
import { BASE, type Caller, call, count, expectJson, level, row } from "./helpers";

/*
 * Checkouts through an app built with a checkout probe (the test seam of workers/orders/checkout-probe.ts),
 * plus snapshots of everything a checkout takes: the cart's lines, the stock, the voucher's uses.
 */

/**
 * Throws at `failAt`; with `crash`, the failure also skips the checkout's give-back, as a killed
 * process never reaches it. `pauses` holds a checkout at a point until the test says go on (a pause
 * that never ends is a process that died there, with its Idempotency-Key still locked).
 */
export class Probe implements CheckoutProbe {
  failAt: CheckoutPoint | null = null;
  crash = false;
  passed: CheckoutPoint[] = [];
  readonly pauses = new Map<CheckoutPoint, Promise<void>>();

  async reached(point: CheckoutPoint): Promise<void> {
    this.passed.push(point);
    await this.pauses.get(point);
    if (point === this.failAt) throw new Error(`injected ${this.crash ? "crash" : "failure"} at ${point}`);
  }

  compensating(): void {
    if (this.crash) throw new Error("killed before compensating");
  }

  reset(): void {
    this.failAt = null;
    this.crash = false;
    this.passed = [];
    this.pauses.clear();
  }
}

export interface CheckoutRequest extends Caller {
  body: unknown;
  idempotencyKey?: string;
  ip?: string;
}

/** The Worker's app with `probe` handed in, run against `vars` on top of the test env. */
export function probedApp(probe: CheckoutProbe, vars: Record<string, string> = {}) {
  const app = createApp({ checkoutProbe: probe });
  const appEnv: Env = { ...env, ...vars };
  return async (request: CheckoutRequest): Promise<Response> => {
    const headers = new Headers({ "Content-Type": "application/json" });
    if (request.token) headers.set("Authorization", `Bearer ${request.token}`);
    if (request.cartToken) headers.set("X-Cart-Token", request.cartToken);
    if (request.ip) headers.set("CF-Connecting-IP", request.ip);
    headers.set("Idempotency-Key", request.idempotencyKey ?? crypto.randomUUID());
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`${BASE}/api/v1/orders`, { method: "POST", headers, body: JSON.stringify(request.body) }),
      appEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  };
}

export interface VoucherSpec {
  code: string;
  type?: "percentage" | "fixed";
  value?: number;
  shopId?: string;
  perUserLimit?: number;
  usageLimit?: number | null;
}

/** A voucher row (10% off by default, each buyer up to 5 times). */
export async function voucher(spec: VoucherSpec): Promise<string> {
  await env.DB.prepare(
    `INSERT INTO vouchers (code, shop_id, type, value, min_spend, per_user_limit, usage_limit, used_count, created_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, 0, ?)`,
  )
    .bind(
      spec.code,
      spec.shopId ?? null,
      spec.type ?? "percentage",
      spec.value ?? 1000,
      spec.perUserLimit ?? 5,
      spec.usageLimit ?? null,
      Date.now(),
    )
    .run();
  return spec.code;
}

/** Everything a checkout takes or writes, for comparing before and after. */
export async function holdings(who: Caller, productIds: string[], voucherCode?: string) {
  const cart = await expectJson<{ items: { id: string; productId: string; quantity: number; addedAt: string }[] }>(
    await call("GET", "/api/v1/cart", who),
    200,
  );
  const stock = await Promise.all(
    productIds.map(async (id) => {
      const l = await level(id);
      return { id, available: l.available, reserved: l.reserved, sold: l.sold };
    }),
  );
  const used = voucherCode
    ? await row<{ used_count: number }>("SELECT used_count FROM vouchers WHERE code = ?", voucherCode)
    : null;
  const redemptions = voucherCode
    ? await count("SELECT count(*) AS n FROM voucher_redemptions WHERE code = ? AND released_at IS NULL", voucherCode)
    : 0;
  const orders = await count(
    `SELECT count(DISTINCT order_id) AS n FROM order_items WHERE product_id IN (${productIds.map(() => "?").join(",")})`,
    ...productIds,
  );
  return {
    cart: cart.items.map((i) => ({ id: i.id, productId: i.productId, quantity: i.quantity, addedAt: i.addedAt })),
    stock,
    voucher: { used: used?.used_count ?? 0, redemptions },
    orders,
  };
}

/** Live orders hold exactly what the Inventory objects have reserved for them. */
export async function expectReservedMatchesOrders(productId: string): Promise<void> {
  const held = await count(
    `SELECT coalesce(sum(i.quantity), 0) AS n FROM order_items i JOIN orders o ON o.id = i.order_id
     WHERE i.product_id = ? AND o.status = 'pending_payment'`,
    productId,
  );
  expect((await level(productId)).reserved).toBe(held);
}
