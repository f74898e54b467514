import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { walletPaymentIdOf } from "../../workers/payments/wallet-ids";
import { call, expectJson, expectProblem, getOrder, type Payment } from "../orders/helpers";
import { balanceOf, fund, wallet } from "./helpers";
import { checkStatusNow, dbRow, expectAuditOk, ordersOf, payFromWallet, shopAndBuyer } from "./pay-helpers";

interface Tx {
  id: string;
  type: string;
  direction: string;
  status: string;
  amount: { amount: number; currency: string };
}

async function insertPendingWalletPayment(
  id: string,
  userId: string,
  order: { id: string; total: { amount: number } },
) {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO payments (id, order_ids, customer_id, gateway, method, amount, currency, status, next_action, created_at, updated_at)
       VALUES (?, ?, ?, 'wallet', 'wallet', ?, 'THB', 'pending', '{"type":"none"}', ?, ?)`,
    ).bind(id, JSON.stringify([order.id]), userId, order.total.amount, now, now),
    env.DB.prepare("INSERT OR REPLACE INTO open_payments (order_id, payment_id, created_at) VALUES (?, ?, ?)").bind(
      order.id,
      id,
      now,
    ),
  ]);
}

describe("POST /api/v1/payments with gateway wallet", () => {
  it("pays the orders at once: 201 succeeded, orders paid, the wallet debited once with a payment transaction", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount + 1_000);
    const key = crypto.randomUUID();
    const paid = await expectJson<Payment>(await payFromWallet(buyer.token, [order.id], key), 201);
    expect(paid).toMatchObject({ status: "succeeded", gateway: "wallet", method: "wallet", amount: order.total });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("paid");
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 1_000, available: 1_000 });
    const tx = await expectJson<Tx>(
      await call("GET", `/api/v1/wallet/transactions/${paid.id}`, { token: buyer.token }),
      200,
    );
    expect(tx).toMatchObject({ type: "payment", direction: "debit", status: "completed", amount: order.total });

    // The same key again: the same payment, nothing debited twice.
    const again = await expectJson<Payment>(await payFromWallet(buyer.token, [order.id], key), 201);
    expect(again.id).toBe(paid.id);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 1_000 });
    await expectAuditOk(buyer.userId);
  });

  it("short funds: 409 insufficient_funds, no payment recorded, the order still unpaid, nothing moved", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount - 100);
    const problem = await expectProblem(await payFromWallet(buyer.token, [order.id]), 409, "insufficient_funds");
    expect(problem.detail).toContain("THB");
    expect(await dbRow("SELECT id FROM payments WHERE order_ids LIKE ?", `%${order.id}%`)).toBeNull();
    const after = await getOrder({ token: buyer.token }, order.id);
    expect(after.status).toBe("pending_payment");
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount - 100 });
  });

  it("refuses guests (401), another method (422), another user's order (404), a restricted wallet (403)", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount);
    const guest = await call("POST", "/api/v1/payments", {
      body: { orderIds: [order.id], gateway: "wallet", method: "wallet" },
      idempotencyKey: crypto.randomUUID(),
    });
    await expectProblem(guest, 401, "unauthorized");
    const card = await call("POST", "/api/v1/payments", {
      token: buyer.token,
      body: { orderIds: [order.id], gateway: "wallet", method: "card" },
      idempotencyKey: crypto.randomUUID(),
    });
    await expectProblem(card, 422, "validation_failed");
    const other = await shopAndBuyer();
    await fund(other.buyer.userId, order.total.amount);
    await expectProblem(await payFromWallet(other.buyer.token, [order.id]), 404, "not_found");
    expect(await balanceOf(other.buyer.userId)).toMatchObject({ balance: order.total.amount });

    await wallet(buyer.userId).setStanding({ restricted: true });
    await expectProblem(await payFromWallet(buyer.token, [order.id]), 403, "wallet_restricted");
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("pending_payment");
  });

  it("20 concurrent payments of different orders on a balance that covers 10: exactly 10 pay, 10 get 409", async () => {
    const { product, buyer } = await shopAndBuyer(40);
    // One buyer may hold at most 10 unpaid orders: ten more are checked out by another account and handed over.
    const own = await ordersOf(buyer, product.id, 10);
    const helper = (await shopAndBuyer()).buyer;
    const handed = await ordersOf(helper, product.id, 10);
    await env.DB.prepare(`UPDATE orders SET customer_id = ? WHERE id IN (${handed.map(() => "?").join(",")})`)
      .bind(buyer.userId, ...handed.map((o) => o.id))
      .run();
    const orders = [...own, ...handed];
    const total = orders[0].total.amount;
    expect(orders.every((o) => o.total.amount === total)).toBe(true);
    await fund(buyer.userId, total * 10 + total / 2);
    const answers = await Promise.all(orders.map((o) => payFromWallet(buyer.token, [o.id])));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    for (const r of answers.filter((x) => x.status === 409)) await expectProblem(r, 409, "insufficient_funds");
    const paidOrders = await Promise.all(orders.map((o) => getOrder({ token: buyer.token }, o.id)));
    expect(paidOrders.filter((o) => o.status === "paid")).toHaveLength(10);
    expect(paidOrders.filter((o) => o.status === "pending_payment")).toHaveLength(10);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: total / 2, held: 0 });
    await expectAuditOk(buyer.userId);
    const audit = await wallet(buyer.userId).audit();
    expect(audit.accounts).toEqual([
      { currency: "THB", balance: total / 2, held: 0, postedBalance: total / 2, postedHeld: 0 },
    ]);
  });
});

describe("wallet payments: crash and reconcile", () => {
  it("killed after the debit: the retry with the same key finishes it, debiting nothing twice", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount * 2);
    const key = crypto.randomUUID();
    const id = await walletPaymentIdOf(buyer.userId, key);
    // What a request that died between its debit and the orders' update leaves behind.
    await insertPendingWalletPayment(id, buyer.userId, order);
    expect(
      await wallet(buyer.userId).payFromWallet({ paymentId: id, currency: "THB", amount: order.total.amount }),
    ).toEqual({
      ok: true,
      applied: true,
    });
    const paid = await expectJson<Payment>(await payFromWallet(buyer.token, [order.id], key), 201);
    expect(paid).toMatchObject({ id, status: "succeeded" });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("paid");
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    await expectAuditOk(buyer.userId);
  });

  it("killed after the debit, never retried: the reconcile marks the orders paid", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount);
    const id = `pay_wtest${crypto.randomUUID().slice(0, 8)}`;
    await insertPendingWalletPayment(id, buyer.userId, order);
    await wallet(buyer.userId).payFromWallet({ paymentId: id, currency: "THB", amount: order.total.amount });
    await checkStatusNow(id);
    expect(await dbRow<{ status: string }>("SELECT status FROM payments WHERE id = ?", id)).toEqual({
      status: "succeeded",
    });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("paid");
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 0 });
  });

  it("killed before the debit: the reconcile gives it up for good; a late debit is refused", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount);
    const id = `pay_wtest${crypto.randomUUID().slice(0, 8)}`;
    await insertPendingWalletPayment(id, buyer.userId, order);
    await checkStatusNow(id);
    expect(await dbRow<{ status: string }>("SELECT status FROM payments WHERE id = ?", id)).toEqual({
      status: "failed",
    });
    const late = await wallet(buyer.userId).payFromWallet({
      paymentId: id,
      currency: "THB",
      amount: order.total.amount,
    });
    expect(late).toEqual({ ok: false, reason: "void" });
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    expect((await getOrder({ token: buyer.token }, order.id)).status).toBe("pending_payment");
    // The order can still be paid by a new request.
    await expectJson<Payment>(await payFromWallet(buyer.token, [order.id]), 201);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 0 });
    await expectAuditOk(buyer.userId);
  });
});

describe("refunds of wallet payments", () => {
  it("a cancelled paid order's money returns to the wallet once (movement refund)", async () => {
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount);
    const paid = await expectJson<Payment>(await payFromWallet(buyer.token, [order.id]), 201);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 0 });
    const cancelled = await call("POST", `/api/v1/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    const refund = await dbRow<{ id: string; status: string }>(
      "SELECT id, status FROM refunds WHERE payment_id = ?",
      paid.id,
    );
    expect(refund?.status).toBe("succeeded");
    const tx = await expectJson<Tx>(
      await call("GET", `/api/v1/wallet/transactions/${refund?.id}`, { token: buyer.token }),
      200,
    );
    expect(tx).toMatchObject({ type: "refund", direction: "credit", status: "completed", amount: order.total });
    // The same refund again (a retry, the consumer): nothing more.
    const again = await wallet(buyer.userId).refundToWallet({
      refundId: refund!.id,
      paymentId: paid.id,
      currency: "THB",
      amount: order.total.amount,
    });
    expect(again).toEqual({ applied: false });
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    expect(await dbRow<{ status: string }>("SELECT status FROM payments WHERE id = ?", paid.id)).toEqual({
      status: "refunded",
    });
    await expectAuditOk(buyer.userId);
  });
});

describe("GET /api/v1/payments/options", () => {
  it("lists the wallet first for a signed-in buyer, with what it has available; not for guests", async () => {
    const { buyer } = await shopAndBuyer();
    await fund(buyer.userId, 12_345);
    const signedIn = await expectJson<{ options: { gateway: string; available?: unknown }[] }>(
      await call("GET", "/api/v1/payments/options?currency=THB", { token: buyer.token }),
      200,
    );
    expect(signedIn.options[0]).toMatchObject({
      gateway: "wallet",
      method: "wallet",
      sandbox: false,
      available: { amount: 12_345, currency: "THB" },
    });
    const guest = await expectJson<{ options: { gateway: string }[] }>(
      await call("GET", "/api/v1/payments/options?currency=THB"),
      200,
    );
    expect(guest.options.some((o) => o.gateway === "wallet")).toBe(false);
  });
});
