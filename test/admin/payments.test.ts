import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectJson, expectProblem, type Order } from "../orders/helpers";
import { insertPayment } from "../payments/flows";
import { grantAdmin, register } from "../support/accounts";
import { balanceOf, fund } from "../wallet/helpers";
import { ordersOf, payFromWallet, shopAndBuyer } from "../wallet/pay-helpers";

// Refunds by hand: idempotent by key, never above what was paid less what was refunded, for
// gateway and wallet payments alike, audited with the operator as actor.

interface Refund {
  id: string;
  paymentId: string;
  amount: { amount: number; currency: string };
  status: string;
  refundable: { amount: number; currency: string };
}

async function admin() {
  const person = await register({ emailPrefix: "opsadmin-pay" });
  await grantAdmin(person.user.id);
  return person.accessToken;
}

const refund = (token: string, paymentId: string, body: unknown, key: string | null = crypto.randomUUID()) =>
  call("POST", `/api/v1/admin/payments/${paymentId}/refund`, { token, body, ...(key ? { idempotencyKey: key } : {}) });

/** A sandbox (gateway) payment that succeeded for one order. */
async function gatewayPaid(): Promise<{ order: Order; paymentId: string }> {
  const { product, buyer } = await shopAndBuyer();
  const [order] = await ordersOf(buyer, product.id);
  const paymentId = await insertPayment(order, "sandbox", "card");
  await env.DB.prepare("UPDATE payments SET status = 'succeeded' WHERE id = ?").bind(paymentId).run();
  return { order, paymentId };
}

const refundRows = (paymentId: string) =>
  env.DB.prepare("SELECT amount, status FROM refunds WHERE payment_id = ?").bind(paymentId).all<{ amount: number }>();

describe("POST /api/v1/admin/payments/:id/refund", () => {
  it("a retry with the same key answers the same refund and refunds once; audited with the admin as actor", async () => {
    const token = await admin();
    const { order, paymentId } = await gatewayPaid();
    const key = crypto.randomUUID();
    const part = { amount: Math.floor(order.total.amount / 2), currency: order.total.currency };
    const first = await expectJson<Refund>(
      await refund(token, paymentId, { amount: part, reason: "Damaged" }, key),
      201,
    );
    const again = await expectJson<Refund>(
      await refund(token, paymentId, { amount: part, reason: "Damaged" }, key),
      201,
    );
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ paymentId, amount: part, status: "succeeded" });
    expect(first.refundable.amount).toBe(order.total.amount - part.amount);
    expect((await refundRows(paymentId)).results).toHaveLength(1);
    const payment = await env.DB.prepare("SELECT refunded_amount, status FROM payments WHERE id = ?")
      .bind(paymentId)
      .first();
    expect(payment).toEqual({ refunded_amount: part.amount, status: "partially_refunded" });
    const audit = await env.DB.prepare(
      "SELECT actor_id FROM audit_events WHERE type = 'payment_refunded_by_hand' AND json_extract(data, '$.paymentId') = ?",
    )
      .bind(paymentId)
      .all();
    expect(audit.results).toHaveLength(1);
    // The list shows what is left.
    const page = await expectJson<{ items: { id: string; refundable: { amount: number } }[] }>(
      await call("GET", `/api/v1/admin/payments?orderId=${order.id}`, { token }),
      200,
    );
    expect(page.items.map((p) => [p.id, p.refundable.amount])).toEqual([[paymentId, order.total.amount - part.amount]]);
  });

  it("concurrent refunds with different keys never pass what was paid", async () => {
    const token = await admin();
    const { order, paymentId } = await gatewayPaid();
    const third = Math.floor(order.total.amount / 3);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        refund(token, paymentId, { amount: { amount: third, currency: order.total.currency }, reason: "Race" }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(3);
    const rows = (await refundRows(paymentId)).results;
    const total = rows.reduce((sum, r) => sum + r.amount, 0);
    expect(total).toBeLessThanOrEqual(order.total.amount);
    expect(total).toBe(3 * third);
  });

  it("above what is refundable → 422 naming the refundable amount; never paid → 409; no key → 400; non-admin → 403", async () => {
    const token = await admin();
    const { order, paymentId } = await gatewayPaid();
    const over = { amount: { amount: order.total.amount + 1, currency: order.total.currency }, reason: "Too much" };
    const problem = await expectProblem(await refund(token, paymentId, over), 422, "validation_failed");
    expect(problem.errors?.[0]?.path).toBe("amount");
    expect(problem.detail).toMatch(/can still be refunded/);
    // All that is left, by default; then nothing is left.
    await expectJson(await refund(token, paymentId, { reason: "Whole" }), 201);
    await expectProblem(await refund(token, paymentId, { reason: "Again" }), 422, "validation_failed");

    const { product, buyer } = await shopAndBuyer();
    const [unpaid] = await ordersOf(buyer, product.id);
    const pending = await insertPayment(unpaid, "sandbox", "card");
    await expectProblem(await refund(token, pending, { reason: "x" }), 409, "conflict");
    await expectProblem(await refund(token, paymentId, { reason: "x" }, null), 400, "idempotency_key_required");
    await expectProblem(await refund(buyer.token, paymentId, { reason: "x" }), 403, "forbidden");
    await expectProblem(await call("GET", "/api/v1/admin/payments", { token: buyer.token }), 403, "forbidden");
  });

  it("a wallet payment is refunded into the payer's wallet, once", async () => {
    const token = await admin();
    const { product, buyer } = await shopAndBuyer();
    const [order] = await ordersOf(buyer, product.id);
    await fund(buyer.userId, order.total.amount);
    const paid = await expectJson<{ id: string }>(await payFromWallet(buyer.token, [order.id]), 201);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: 0 });
    const key = crypto.randomUUID();
    await expectJson(await refund(token, paid.id, { reason: "Seller closed" }, key), 201);
    await expectJson(await refund(token, paid.id, { reason: "Seller closed" }, key), 201);
    expect(await balanceOf(buyer.userId)).toMatchObject({ balance: order.total.amount });
    const list = await expectJson<{ items: { id: string; status: string }[] }>(
      await call("GET", "/api/v1/admin/payments?gateway=wallet&status=refunded&limit=50", { token }),
      200,
    );
    expect(list.items.map((p) => p.id)).toContain(paid.id);
  });
});
