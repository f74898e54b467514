import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { balanceOf, freshUser, fund, runAlarm, transferId, wallet } from "./helpers";

describe("Wallet object: ledger and transfers", () => {
  it("opens a currency on its first movement and applies a credit once by its id", async () => {
    const user = freshUser();
    expect(await wallet(user).balances()).toEqual([]);
    const credit = { movementId: "wtp_once_1", currency: "THB" as const, amount: 10_000, type: "topup" as const };
    expect(await wallet(user).credit(credit)).toEqual({ ok: true, applied: true });
    expect(await wallet(user).credit(credit)).toEqual({ ok: true, applied: false });
    const [thb] = await wallet(user).balances();
    expect(thb).toMatchObject({ currency: "THB", balance: 10_000, held: 0, available: 10_000, kycLevel: "basic" });
    expect((await wallet(user).audit()).ok).toBe(true);
  });

  it("moves money from sender to receiver: hold, credit, settle; postings balance", async () => {
    const [a, b] = [freshUser("a"), freshUser("b")];
    await fund(a, 50_000);
    const id = await transferId(a, "k1");
    const r = await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 12_345, note: "lunch" });
    expect(r).toMatchObject({ ok: true, transfer: { id, status: "completed", fromUserId: a, toUserId: b } });
    expect(await balanceOf(a)).toMatchObject({ balance: 37_655, held: 0 });
    expect(await balanceOf(b)).toMatchObject({ balance: 12_345, held: 0 });
    const [auditA, auditB] = [await wallet(a).audit(), await wallet(b).audit()];
    expect(auditA.ok && auditB.ok).toBe(true);
    expect((auditA.clearing.THB ?? 0) + (auditB.clearing.THB ?? 0)).toBe(0);
    // The same id again moves nothing and answers the same transfer.
    const again = await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 12_345, note: "lunch" });
    expect(again).toMatchObject({ ok: true, transfer: { id, status: "completed" } });
    expect(await balanceOf(a)).toMatchObject({ balance: 37_655 });
    expect(await balanceOf(b)).toMatchObject({ balance: 12_345 });
    // The same id with another amount is refused.
    const other = await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 1, note: "lunch" });
    expect(other).toEqual({ ok: false, reason: "key_reused" });
  });

  it("refuses short funds, limits and a restricted sender with values; nothing moves", async () => {
    const [a, b] = [freshUser("a"), freshUser("b")];
    await fund(a, 1_000);
    const send = async (amount: number, key: string) =>
      wallet(a).send({ transferId: await transferId(a, key), toUserId: b, currency: "THB", amount });
    expect(await send(1_001, "short")).toEqual({
      ok: false,
      reason: "insufficient_funds",
      currency: "THB",
      available: 1_000,
    });
    // THB basic: at most 5,000 baht per transfer (docs/wallet.md).
    expect(await send(500_001, "big")).toMatchObject({ ok: false, reason: "limit_exceeded", limit: "perTransfer" });
    await wallet(a).setStanding({ restricted: true });
    expect(await send(100, "restricted")).toEqual({ ok: false, reason: "restricted" });
    expect(await balanceOf(a)).toMatchObject({ balance: 1_000, held: 0 });
    expect(await balanceOf(b)).toMatchObject({ balance: 0 });
    // A restricted wallet still receives.
    await fund(b, 500);
    const back = await wallet(b).send({
      transferId: await transferId(b, "back"),
      toUserId: a,
      currency: "THB",
      amount: 500,
    });
    expect(back.ok).toBe(true);
    expect(await balanceOf(a)).toMatchObject({ balance: 1_500 });
  });

  it("counts the daily limit over 24 hours and reports what remains", async () => {
    const [a, b] = [freshUser("a"), freshUser("b")];
    await fund(a, 4_000_000);
    for (let i = 0; i < 4; i++) {
      const r = await wallet(a).send({
        transferId: await transferId(a, `d${i}`),
        toUserId: b,
        currency: "THB",
        amount: 500_000,
      });
      expect(r.ok).toBe(true);
    }
    // THB basic: 20,000 baht per 24 hours; 20,000 sent, nothing remains.
    const over = await wallet(a).send({
      transferId: await transferId(a, "d4"),
      toUserId: b,
      currency: "THB",
      amount: 100,
    });
    expect(over).toMatchObject({ ok: false, reason: "limit_exceeded", limit: "daily", remaining: 0 });
    const [thb] = await wallet(a).balances();
    expect(thb.limits).toMatchObject({ daily: 2_000_000, dailyRemaining: 0 });
  });

  it("gives the hold back when the receiver's balance limit refuses, and says so every time after", async () => {
    const [a, b] = [freshUser("a"), freshUser("b")];
    await fund(a, 500_000);
    await fund(b, 4_990_000); // THB basic maxBalance: 50,000 baht
    const id = await transferId(a, "full");
    const r = await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 20_000 });
    expect(r).toMatchObject({ ok: false, reason: "recipient_refused", refusal: { limit: "maxBalance" } });
    expect(await balanceOf(a)).toMatchObject({ balance: 500_000, held: 0, available: 500_000 });
    expect(await balanceOf(b)).toMatchObject({ balance: 4_990_000 });
    expect(await wallet(a).transfer(id)).toMatchObject({ status: "failed" });
    const again = await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 20_000 });
    expect(again).toMatchObject({ ok: false, reason: "recipient_refused" });
  });

  it("projects transactions to D1 through the outbox, once per version", async () => {
    const [a, b] = [freshUser("a"), freshUser("b")];
    await fund(a, 10_000);
    const id = await transferId(a, "proj");
    await wallet(a).send({ transferId: id, toUserId: b, currency: "THB", amount: 2_500 });
    await runAlarm(b);
    await runAlarm(a);
    // An alarm that runs twice writes nothing new.
    await wallet(a).project();
    const rows = await env.DB.prepare(
      "SELECT user_id, type, direction, amount, status, version FROM wallet_transactions WHERE reference = ? ORDER BY user_id = ? DESC",
    )
      .bind(id, a)
      .all();
    expect(rows.results).toEqual([
      { user_id: a, type: "transfer_out", direction: "debit", amount: 2_500, status: "completed", version: 2 },
      { user_id: b, type: "transfer_in", direction: "credit", amount: 2_500, status: "completed", version: 1 },
    ]);
  });
});
