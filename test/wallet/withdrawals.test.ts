import { env, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Wallet } from "../../durable-objects/wallet";
import { signSandboxDisbursement } from "../../workers/disbursements/providers/sandbox";
import { encryptPii } from "../../workers/platform/pii";
import { withdrawalIdOf } from "../../workers/wallet";
import { holdWithdrawal } from "../../workers/wallet/object/withdrawals";
import { call, expectJson, expectProblem, get } from "../support/http";
import { balanceOf, wallet } from "./helpers";
import {
  abort,
  alarmDue,
  disbursementRow,
  fundedUser,
  inside,
  KBANK,
  ledgerTotals,
  settledAs,
  simulate,
  type Transaction,
  thb,
  transactionOf,
  withdraw,
} from "./withdrawal-helpers";

async function expectInvariant(userId: string) {
  const [b, totals, audit] = [await balanceOf(userId), await ledgerTotals(userId), await wallet(userId).audit()];
  expect(audit.ok).toBe(true);
  // Sum of balance (holds included) = top-ups − withdrawals: nothing created, nothing lost.
  expect(b.balance).toBe(totals.topups - totals.withdrawn);
}

describe("POST /api/v1/wallet/withdrawals through the sandbox provider", () => {
  it("holds the amount, then completes when the bank confirms by webhook; the balance goes down", async () => {
    const { token, userId } = await fundedUser(100_000);
    const res = await withdraw(token, { amount: thb(30_000), bankAccount: KBANK });
    const tx = await expectJson<Transaction>(res, 201);
    expect(tx).toMatchObject({ type: "withdrawal", direction: "debit", status: "pending", amount: thb(30_000) });
    expect(tx.note).toBe("KBANK ••••7890");
    expect(await balanceOf(userId)).toMatchObject({ balance: 100_000, held: 30_000, available: 70_000 });

    // A forged webhook (wrong secret) is refused and changes nothing.
    const forged = await signSandboxDisbursement("forged-secret", { disbursementId: tx.id, status: "succeeded" });
    const refused = await call("POST", "/api/v1/disbursements/webhook/sandbox", {
      raw: forged.rawBody,
      headers: forged.headers,
    });
    expect(refused.status).toBe(401);
    expect(await balanceOf(userId)).toMatchObject({ balance: 100_000, held: 30_000 });

    const row = await disbursementRow(tx.id);
    expect(row).toMatchObject({ status: "requested", provider: "sandbox", ownerId: userId, accountLast4: "7890" });
    // Personal data at rest: encrypted, never the number or the name in clear.
    expect(row?.accountNumberEnc).not.toContain("1234567890");
    expect(row?.accountNameEnc).not.toContain("Somchai");

    const simulated = await simulate(token, tx.id, "succeeded");
    expect(await expectJson<{ status: string; accountNumber: string }>(simulated, 200)).toMatchObject({
      status: "succeeded",
      accountNumber: "••••7890",
    });
    await settledAs(token, tx.id, "completed");
    expect(await balanceOf(userId)).toMatchObject({ balance: 70_000, held: 0, available: 70_000 });
    expect((await ledgerTotals(userId)).withdrawn).toBe(30_000);
    await expectInvariant(userId);
  });

  it("a failure at the bank returns the money and the transaction fails", async () => {
    const { token, userId } = await fundedUser(100_000);
    const tx = await expectJson<Transaction>(await withdraw(token, { amount: thb(40_000), bankAccount: KBANK }), 201);
    await expectJson(await simulate(token, tx.id, "failed"), 200);
    await settledAs(token, tx.id, "failed");
    expect(await balanceOf(userId)).toMatchObject({ balance: 100_000, held: 0, available: 100_000 });
    expect((await ledgerTotals(userId)).withdrawn).toBe(0);
    // A late success after the failure changes nothing.
    await expectJson(await simulate(token, tx.id, "succeeded"), 200);
    expect((await disbursementRow(tx.id))?.status).toBe("failed");
    expect(await balanceOf(userId)).toMatchObject({ balance: 100_000, held: 0 });
    await expectInvariant(userId);
  });

  it("counts toward the 24-hour limit, shown in the wallet's dailyRemaining", async () => {
    const { token } = await fundedUser(100_000);
    await expectJson(await withdraw(token, { amount: thb(25_000), bankAccount: KBANK }), 201);
    const wallets = await expectJson<{
      items: { limits: { daily: { amount: number }; dailyRemaining: { amount: number } } }[];
    }>(await get("/api/v1/wallets", token), 200);
    const { daily, dailyRemaining } = wallets.items[0].limits;
    expect(dailyRemaining.amount).toBe(daily.amount - 25_000);
  });
});

describe("a withdrawal interrupted between the hold and the provider call", () => {
  it("is asked for by the alarm, once, and completes", async () => {
    const { token, userId } = await fundedUser(100_000);
    const stub = wallet(userId);
    const id = await withdrawalIdOf(userId, crypto.randomUUID());
    // Step 1 only, as the request would have done before it died (the account fields encrypted).
    const input = {
      withdrawalId: id,
      currency: "THB" as const,
      amount: 20_000,
      bankCode: "KBANK",
      accountNumberEnc: await encrypted("1234567890"),
      accountNameEnc: await encrypted("Somchai Jaidee"),
      accountLast4: "7890",
    };
    expect((await inside(stub, (state) => holdWithdrawal(state, input, Date.now()))).ok).toBe(true);
    // Its writes are settled (the alarm set at the hold is not due: it asks for nothing yet), then it dies.
    await runDurableObjectAlarm(stub as unknown as DurableObjectStub<Wallet>);
    expect(await disbursementRow(id)).toBeUndefined();
    await abort(stub);
    // An aborted object's stub stays broken: every later call goes through a fresh one.
    expect(await disbursementRow(id)).toBeUndefined();
    expect(await balanceOf(userId)).toMatchObject({ held: 20_000 });

    await alarmDue(wallet(userId), id);
    expect(await disbursementRow(id)).toMatchObject({ status: "requested", amount: 20_000 });
    // The alarm running again (or twice) asks for nothing new: the same disbursement, still requested.
    await alarmDue(wallet(userId), id);
    expect(await disbursementRow(id)).toMatchObject({ status: "requested" });

    await expectJson(await simulate(token, id, "succeeded"), 200);
    await settledAs(token, id, "completed");
    expect(await balanceOf(userId)).toMatchObject({ balance: 80_000, held: 0 });
    await expectInvariant(userId);
  });
});

const encrypted = (text: string) => encryptPii(env, text);

describe("withdrawals: idempotency and refusals (nothing moves on any error)", () => {
  it("the same key and body replays the first answer; another body under it is refused", async () => {
    const { token, userId } = await fundedUser(100_000);
    const key = crypto.randomUUID();
    const body = { amount: thb(10_000), bankAccount: KBANK };
    const first = await expectJson<Transaction>(await withdraw(token, body, key), 201);
    const again = await expectJson<Transaction>(await withdraw(token, body, key), 201);
    expect(again.id).toBe(first.id);
    await expectProblem(await withdraw(token, { ...body, amount: thb(20_000) }, key), 422, "idempotency_key_reused");
    expect(await balanceOf(userId)).toMatchObject({ held: 10_000 });
  });

  it("refuses without a key, with short funds, over the per-transfer limit and from a restricted wallet", async () => {
    const { token, userId } = await fundedUser(50_000);
    await expectProblem(
      await withdraw(token, { amount: thb(1_000), bankAccount: KBANK }, null),
      400,
      "idempotency_key_required",
    );
    await expectProblem(await withdraw(token, { amount: thb(60_000), bankAccount: KBANK }), 409, "insufficient_funds");
    // THB basic: at most 5,000 THB per transfer or withdrawal.
    const over = await expectProblem(
      await withdraw(token, { amount: thb(500_100), bankAccount: KBANK }),
      422,
      "limit_exceeded",
    );
    expect(over.detail).toContain("5000.00 THB");
    await wallet(userId).setStanding({ restricted: true });
    await expectProblem(await withdraw(token, { amount: thb(1_000), bankAccount: KBANK }), 403, "wallet_restricted");
    expect(await balanceOf(userId)).toMatchObject({ balance: 50_000, held: 0 });
  });

  it("validates the bank account for the currency's country (422 naming the field)", async () => {
    const { token, userId } = await fundedUser(50_000);
    const cases: [unknown, string][] = [
      [{ ...KBANK, bankCode: "NOPE" }, "bankAccount.bankCode"],
      [{ ...KBANK, bankCode: "BCA" }, "bankAccount.bankCode"],
      [{ ...KBANK, accountNumber: "12ab567890" }, "bankAccount.accountNumber"],
      [{ ...KBANK, accountNumber: "12345" }, "bankAccount.accountNumber"],
    ];
    for (const [bankAccount, path] of cases) {
      const problem = await expectProblem(
        await withdraw(token, { amount: thb(1_000), bankAccount }),
        422,
        "validation_failed",
      );
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    const sgd = await expectProblem(
      await withdraw(token, { amount: { amount: 1_000, currency: "SGD" }, bankAccount: KBANK }),
      422,
      "validation_failed",
    );
    expect(sgd.errors?.map((e) => e.path)).toContain("amount.currency");
    await expectProblem(
      await withdraw(token, { amount: thb(1_000), bankAccount: { bankCode: "KBANK" } }),
      422,
      "validation_failed",
    );
    expect(await balanceOf(userId)).toMatchObject({ balance: 50_000, held: 0 });
  });

  it("another user's withdrawal cannot be simulated or read", async () => {
    const a = await fundedUser(50_000);
    const b = await fundedUser(0);
    const tx = await expectJson<Transaction>(await withdraw(a.token, { amount: thb(1_000), bankAccount: KBANK }), 201);
    await expectProblem(await simulate(b.token, tx.id, "succeeded"), 404, "not_found");
    await expectProblem(await get(`/api/v1/wallet/transactions/${tx.id}`, b.token), 404, "not_found");
    expect((await transactionOf(a.token, tx.id)).status).toBe("pending");
  });
});

describe("the money invariant across wallets, with transfers and withdrawals in every state", () => {
  it("the sum of balances (holds included) is what came in less what was paid out, at every step", async () => {
    const a = await fundedUser(200_000);
    const b = await fundedUser(50_000);
    const topups = 250_000;
    const check = async (paidOut: number) => {
      const [x, y] = [await balanceOf(a.userId), await balanceOf(b.userId)];
      expect(x.balance + y.balance).toBe(topups - paidOut);
      for (const u of [a.userId, b.userId]) expect((await wallet(u).audit()).ok).toBe(true);
    };
    const sent = await call("POST", "/api/v1/wallet/transfers", {
      token: a.token,
      idempotencyKey: crypto.randomUUID(),
      body: { to: { userId: b.userId }, amount: thb(30_000) },
    });
    expect(sent.status).toBe(201);
    await check(0);
    const paid = await expectJson<Transaction>(
      await withdraw(a.token, { amount: thb(40_000), bankAccount: KBANK }),
      201,
    );
    const refused = await expectJson<Transaction>(
      await withdraw(b.token, { amount: thb(60_000), bankAccount: KBANK }),
      201,
    );
    const waiting = await expectJson<Transaction>(
      await withdraw(a.token, { amount: thb(10_000), bankAccount: KBANK }),
      201,
    );
    // Held, not yet gone: the total is unchanged while the banks have not answered.
    await check(0);
    await expectJson(await simulate(a.token, paid.id, "succeeded"), 200);
    await expectJson(await simulate(b.token, refused.id, "failed"), 200);
    await settledAs(a.token, paid.id, "completed");
    await settledAs(b.token, refused.id, "failed");
    await check(40_000);
    expect(await balanceOf(a.userId)).toMatchObject({ balance: 130_000, held: 10_000 });
    expect(await balanceOf(b.userId)).toMatchObject({ balance: 80_000, held: 0 });
    expect((await transactionOf(a.token, waiting.id)).status).toBe("pending");
  });
});
