import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkStalePayments } from "../../workers/payments";
import { topupIdsOf } from "../../workers/payments/wallet-ids";
import { deliver, newAccount, sandboxEvent } from "../orders/helpers";
import { call, expectJson, expectProblem, type Money } from "../support/http";
import { balanceOf, fund, wallet } from "./helpers";
import { dbRow, expectAuditOk } from "./pay-helpers";

interface Topup {
  transaction: { id: string; type: string; direction: string; status: string; amount: Money; reference?: string };
  payment: { id: string; status: string; orderIds: string[]; amount: Money; nextAction: unknown };
}

const thb = (amount: number): Money => ({ amount, currency: "THB" });
const MAX_BALANCE = 5_000_000; // THB basic: 50,000.00

const topup = (token: string, body: unknown, key: string | null = crypto.randomUUID()) =>
  call("POST", "/api/v1/wallet/topups", { token, body, ...(key ? { idempotencyKey: key } : {}) });

const simulate = (token: string, paymentId: string, outcome: "success" | "failure") =>
  call("POST", `/api/v1/payments/${paymentId}/simulate`, { token, body: { outcome } });

const transactionOf = (token: string, id: string) =>
  call("GET", `/api/v1/wallet/transactions/${id}`, { token }).then((r) => expectJson<Topup["transaction"]>(r, 200));

describe("POST /api/v1/wallet/topups", () => {
  it("opens a pending topup and a payment; the sandbox's success credits the wallet exactly once", async () => {
    const user = await newAccount("TH");
    const key = crypto.randomUUID();
    const started = await expectJson<Topup>(
      await topup(user.token, { amount: thb(50_000), gateway: "sandbox", method: "promptpay" }, key),
      201,
    );
    expect(started.transaction).toMatchObject({
      type: "topup",
      direction: "credit",
      status: "pending",
      amount: thb(50_000),
    });
    expect(started.transaction.reference).toBe(started.payment.id);
    expect(started.payment).toMatchObject({ status: "pending", orderIds: [], amount: thb(50_000) });
    expect(started.payment.nextAction).toMatchObject({ type: "qr" });
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 0 });

    // The same key: the same top-up (no second payment).
    const again = await expectJson<Topup>(
      await topup(user.token, { amount: thb(50_000), gateway: "sandbox", method: "promptpay" }, key),
      201,
    );
    expect(again.payment.id).toBe(started.payment.id);

    const paid = await simulate(user.token, started.payment.id, "success");
    expect(paid.status, await paid.clone().text()).toBe(200);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 50_000, available: 50_000 });
    expect(await transactionOf(user.token, started.transaction.id)).toMatchObject({ status: "completed" });

    // A repeated success (simulate again; the webhook path dedupes, the wallet credits once by id).
    await simulate(user.token, started.payment.id, "success");
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 50_000 });
    await expectAuditOk(user.userId);
  });

  it("a failed payment fails the topup; nothing is credited", async () => {
    const user = await newAccount("TH");
    const started = await expectJson<Topup>(
      await topup(user.token, { amount: thb(20_000), gateway: "sandbox", method: "card" }),
      201,
    );
    const failed = await simulate(user.token, started.payment.id, "failure");
    expect(failed.status).toBe(200);
    expect(await transactionOf(user.token, started.transaction.id)).toMatchObject({ status: "failed" });
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 0 });
  });

  it("over the balance limit up front: 422 limit_exceeded, nothing opened", async () => {
    const user = await newAccount("TH");
    await fund(user.userId, MAX_BALANCE - 10_000);
    const problem = await expectProblem(
      await topup(user.token, { amount: thb(20_000), gateway: "sandbox", method: "promptpay" }),
      422,
      "limit_exceeded",
    );
    expect(problem.detail).toContain("100.00 THB");
    expect(await dbRow("SELECT id FROM payments WHERE customer_id = ?", user.userId)).toBeNull();
  });

  it("the limit passed meanwhile: the payment is refunded in full, the topup fails, the balance is untouched", async () => {
    const user = await newAccount("TH");
    const started = await expectJson<Topup>(
      await topup(user.token, { amount: thb(30_000), gateway: "sandbox", method: "promptpay" }),
      201,
    );
    await fund(user.userId, MAX_BALANCE - 10_000);
    expect((await simulate(user.token, started.payment.id, "success")).status).toBe(200);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: MAX_BALANCE - 10_000 });
    expect(await transactionOf(user.token, started.transaction.id)).toMatchObject({ status: "failed" });
    expect(await dbRow("SELECT status, refunded_amount FROM payments WHERE id = ?", started.payment.id)).toEqual({
      status: "refunded",
      refunded_amount: 30_000,
    });
    expect(await dbRow("SELECT status, amount FROM refunds WHERE payment_id = ?", started.payment.id)).toEqual({
      status: "succeeded",
      amount: 30_000,
    });
    await expectAuditOk(user.userId);
  });

  it("refuses: no key (400), no token (401), the wallet as gateway, a zero or mis-stepped amount (422)", async () => {
    const user = await newAccount("TH");
    const body = { amount: thb(10_000), gateway: "sandbox", method: "promptpay" };
    await expectProblem(await topup(user.token, body, null), 400, "idempotency_key_required");
    await expectProblem(
      await call("POST", "/api/v1/wallet/topups", { body, idempotencyKey: crypto.randomUUID() }),
      401,
      "unauthorized",
    );
    await expectProblem(await topup(user.token, { ...body, gateway: "wallet" }), 422, "validation_failed");
    await expectProblem(await topup(user.token, { ...body, amount: thb(0) }), 422, "validation_failed");
    await expectProblem(
      await topup(user.token, { amount: { amount: 150, currency: "IDR" }, gateway: "sandbox", method: "qris" }),
      422,
      "validation_failed",
    );
  });

  it("another user cannot simulate or read someone's topup", async () => {
    const [owner, other] = [await newAccount("TH"), await newAccount("TH")];
    const started = await expectJson<Topup>(
      await topup(owner.token, { amount: thb(10_000), gateway: "sandbox", method: "promptpay" }),
      201,
    );
    await expectProblem(await simulate(other.token, started.payment.id, "success"), 403, "forbidden");
    await expectProblem(
      await call("GET", `/api/v1/wallet/transactions/${started.transaction.id}`, { token: other.token }),
      404,
      "not_found",
    );
    expect(await balanceOf(owner.userId)).toMatchObject({ balance: 0 });
    expect(await balanceOf(other.userId)).toMatchObject({ balance: 0 });
  });
});

describe("top-ups: crash, lost webhook, late payment", () => {
  const ageAll = (paymentId: string) =>
    env.DB.prepare("UPDATE payments SET created_at = ?, updated_at = ?, status_checked_at = NULL WHERE id = ?")
      .bind(Date.now() - 3_600_000, Date.now() - 3_600_000, paymentId)
      .run();

  it("killed after the wallet opened the top-up: the retry with the same key resumes the same transaction", async () => {
    const user = await newAccount("TH");
    const key = crypto.randomUUID();
    const ids = await topupIdsOf(user.userId, key);
    // What a request that died right after step 1 leaves: the pending transaction, no payment.
    const opened = await wallet(user.userId).openTopup({ ...ids, currency: "THB", amount: 40_000 });
    expect(opened.ok).toBe(true);
    const resumed = await expectJson<Topup>(
      await topup(user.token, { amount: thb(40_000), gateway: "sandbox", method: "promptpay" }, key),
      201,
    );
    expect(resumed.transaction.id).toBe(ids.transactionId);
    expect(resumed.payment.id).toBe(ids.paymentId);
    expect(await simulate(user.token, ids.paymentId, "success").then((r) => r.status)).toBe(200);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 40_000 });
  });

  it("a lost webhook: the status check finds the payment and credits the wallet once", async () => {
    const user = await newAccount("TH");
    const started = await expectJson<Topup>(
      await topup(user.token, { amount: thb(25_000), gateway: "sandbox", method: "promptpay" }),
      201,
    );
    const lost = await call("POST", `/api/v1/payments/${started.payment.id}/simulate`, {
      token: user.token,
      body: { outcome: "success", webhook: "lose" },
    });
    expect(lost.status).toBe(200);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 0 });
    await ageAll(started.payment.id);
    await checkStalePayments(env);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 25_000 });
    // The webhook arriving after all changes nothing.
    await simulate(user.token, started.payment.id, "success");
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 25_000 });
    await expectAuditOk(user.userId);
  });

  it("unpaid past its validity: expired and failed; money the gateway took late after all is refunded, never credited", async () => {
    const user = await newAccount("TH");
    const started = await expectJson<Topup>(
      await topup(user.token, { amount: thb(15_000), gateway: "sandbox", method: "promptpay" }),
      201,
    );
    await ageAll(started.payment.id);
    await checkStalePayments(env);
    expect(await dbRow("SELECT status FROM payments WHERE id = ?", started.payment.id)).toEqual({ status: "expired" });
    expect(await transactionOf(user.token, started.transaction.id)).toMatchObject({ status: "failed" });
    // The sandbox cancelled it at the "gateway": a late payer is refused there (409).
    await expectProblem(await simulate(user.token, started.payment.id, "success"), 409, "conflict");
    // A real gateway may still take the money and say so: it goes back, the failed top-up stays failed.
    const late = await deliver("sandbox", await sandboxEvent(started.payment.id, thb(15_000)));
    expect(late.status, await late.clone().text()).toBe(200);
    expect(await dbRow("SELECT status FROM payments WHERE id = ?", started.payment.id)).toEqual({ status: "refunded" });
    expect(await transactionOf(user.token, started.transaction.id)).toMatchObject({ status: "failed" });
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 0 });
  });
});
