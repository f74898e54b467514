import { describe, expect, it } from "vitest";
import { deliverOutbox } from "../../workers/wallet/object/projection";
import { call, expectJson, get, type Money } from "../support/http";
import { eventually, wallet } from "./helpers";
import { fundedUser, inside, KBANK, settledAs, simulate, type Transaction, thb, withdraw } from "./withdrawal-helpers";

// The wallet's part of the account export (GET /api/v1/users/me/export): balances, transactions
// with their audit trail, withdrawals with the bank account masked, top-ups and conversions.

interface WalletExport {
  wallets: { currency: string; balance: Money }[];
  transactions: (Transaction & { statusHistory: { status: string; at: string }[] })[];
  withdrawals: {
    id: string;
    amount: Money;
    bankAccount: { bankCode: string; accountNumber: string };
    status: string;
  }[];
  topUps: Transaction[];
  conversions: { quoteId: string; from: Money; to: Money; debitTransactionId: string; creditTransactionId: string }[];
}

describe("the account export holds the wallet", () => {
  it("withdrawals (bank account masked), top-ups, conversions and every transaction's status history", async () => {
    const { token, userId } = await fundedUser(100_000); // a top-up of ฿1,000
    const tx = await expectJson<Transaction>(await withdraw(token, { amount: thb(30_000), bankAccount: KBANK }), 201);
    await expectJson(await simulate(token, tx.id, "succeeded"), 200);
    await settledAs(token, tx.id, "completed");
    const quote = await expectJson<{ id: string }>(
      await call("POST", "/api/v1/fx/quotes", { token, body: { from: thb(10_000), to: "SGD" } }),
      201,
    );
    await expectJson(
      await call("POST", "/api/v1/wallet/conversions", {
        token,
        body: { quoteId: quote.id },
        idempotencyKey: crypto.randomUUID(),
      }),
      201,
    );

    let data: WalletExport | undefined;
    await eventually(async () => {
      await inside(wallet(userId), (state) => deliverOutbox(state));
      const res = await get("/api/v1/users/me/export", token);
      const text = await res.clone().text();
      // The account number and the holder's name are never in the export in clear.
      expect(text).not.toContain("1234567890");
      expect(text).not.toContain("Somchai Jaidee");
      data = (await expectJson<{ wallet: WalletExport }>(res, 200)).wallet;
      expect(data.transactions.find((t) => t.id === tx.id)?.statusHistory.map((s) => s.status)).toEqual([
        "pending",
        "completed",
      ]);
    }, 8000);
    const wallet_ = data!;

    expect(wallet_.withdrawals).toEqual([
      expect.objectContaining({
        id: tx.id,
        amount: thb(30_000),
        bankAccount: { bankCode: "KBANK", accountNumber: "••••7890" },
        status: "completed",
      }),
    ]);
    expect(wallet_.topUps).toHaveLength(1);
    expect(wallet_.topUps[0]).toMatchObject({ type: "topup", amount: thb(100_000), status: "completed" });
    expect(wallet_.conversions).toHaveLength(1);
    expect(wallet_.conversions[0]).toMatchObject({ quoteId: quote.id, from: thb(10_000) });
    expect(wallet_.conversions[0].to.currency).toBe("SGD");
    // Every transaction carries its trail; a conversion leg was completed at once.
    for (const t of wallet_.transactions) expect(t.statusHistory.length, t.type).toBeGreaterThan(0);
    const leg = wallet_.transactions.find((t) => t.id === wallet_.conversions[0].debitTransactionId);
    expect(leg?.statusHistory.map((s) => s.status)).toEqual(["completed"]);
    expect(wallet_.wallets.map((w) => w.currency).sort()).toEqual(["SGD", "THB"]);
  });
});
