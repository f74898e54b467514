import { env } from "cloudflare:test";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { walletStatusChanges } from "../../d1/schema/wallet";
import { database } from "../../workers/platform/db";
import { deliverOutbox } from "../../workers/wallet/object/projection";
import { expectJson, get } from "../support/http";
import { eventually, wallet } from "./helpers";
import { fundedUser, inside, KBANK, settledAs, simulate, type Transaction, thb, withdraw } from "./withdrawal-helpers";

// The audit trail in D1 (wallet_status_changes): each status a transaction took, projected from
// the Wallet object's w_status_history through its outbox, once each even when a delivery repeats.

const trailOf = (transactionId: string) =>
  database(env)
    .select({ version: walletStatusChanges.version, status: walletStatusChanges.status, at: walletStatusChanges.at })
    .from(walletStatusChanges)
    .where(eq(walletStatusChanges.transactionId, transactionId))
    .orderBy(asc(walletStatusChanges.version));

/** Delivers the object's due outbox now (what its alarm does). */
const deliver = (userId: string) => inside(wallet(userId), (state) => deliverOutbox(state));

/** Every event of `transactionId` is due again, as if its delivery was never marked sent. */
const redeliver = (userId: string, transactionId: string) =>
  inside(wallet(userId), (state) => {
    state.sql.exec("UPDATE w_outbox SET sent_at = NULL, next_attempt_at = 0 WHERE id LIKE ?", `${transactionId}.v%`);
    return deliverOutbox(state);
  });

async function settledWithdrawal(outcome: "succeeded" | "failed") {
  const { token, userId } = await fundedUser(100_000);
  const tx = await expectJson<Transaction>(await withdraw(token, { amount: thb(30_000), bankAccount: KBANK }), 201);
  await expectJson(await simulate(token, tx.id, outcome), 200);
  await settledAs(token, tx.id, outcome === "succeeded" ? "completed" : "failed");
  return { token, userId, tx };
}

describe("wallet_status_changes: the audit trail of every status change in D1", () => {
  it("a withdrawal that succeeded: pending then completed, in order, once each even when delivered twice", async () => {
    const { token, userId, tx } = await settledWithdrawal("succeeded");
    await eventually(async () => {
      await deliver(userId);
      expect((await trailOf(tx.id)).map((r) => r.status)).toEqual(["pending", "completed"]);
    }, 8000);
    const first = await trailOf(tx.id);
    expect(first[0].at).toBeLessThanOrEqual(first[1].at);
    expect(first.map((r) => r.version)).toEqual([1, 2]);

    await redeliver(userId, tx.id);
    await redeliver(userId, tx.id);
    expect(await trailOf(tx.id)).toEqual(first);

    // The history list shows the trail next to each transaction.
    const page = await expectJson<{ items: (Transaction & { statusHistory?: { status: string; at: string }[] })[] }>(
      await get("/api/v1/wallets/THB/transactions", token),
      200,
    );
    const listed = page.items.find((t) => t.id === tx.id);
    expect(listed?.statusHistory?.map((s) => s.status)).toEqual(["pending", "completed"]);
    expect(listed?.statusHistory?.[1].at).toBe(new Date(first[1].at).toISOString());
  });

  it("a withdrawal that failed: pending then failed, once each", async () => {
    const { userId, tx } = await settledWithdrawal("failed");
    await eventually(async () => {
      await deliver(userId);
      expect((await trailOf(tx.id)).map((r) => r.status)).toEqual(["pending", "failed"]);
    }, 8000);
    const first = await trailOf(tx.id);
    await redeliver(userId, tx.id);
    expect(await trailOf(tx.id)).toEqual(first);
  });

  it("a top-up credited at once has one row: the status it was opened in", async () => {
    const { userId } = await fundedUser(0);
    const movementId = `wtp_${crypto.randomUUID()}`;
    const credited = await wallet(userId).credit({ movementId, currency: "THB", amount: 5_000, type: "topup" });
    expect(credited.ok).toBe(true);
    const page = await inside(wallet(userId), (state) =>
      state.sql.exec<{ id: string }>("SELECT id FROM w_transactions WHERE type = 'topup'").toArray(),
    );
    expect(page).toHaveLength(1);
    await eventually(async () => {
      await deliver(userId);
      expect((await trailOf(page[0].id)).map((r) => r.status)).toEqual(["completed"]);
    }, 8000);
  });
});
