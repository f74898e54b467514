import { describe, expect, it } from "vitest";
import { call, expectJson, expectProblem, rows } from "../orders/helpers";
import { eventually, balanceOf as walletBalance } from "../wallet/helpers";
import { simulate } from "../wallet/withdrawal-helpers";
import { availableOrder, balance, KBANK, netOf, newSeller, type Payout, requestPayout, thb } from "./helpers";

const payoutsOf = async (s: { token: string; shop: { id: string } }) =>
  expectJson<{ items: Payout[]; nextCursor: string | null }>(
    await call("GET", `/api/v1/shops/${s.shop.id}/payouts`, { token: s.token }),
    200,
  );

describe("payouts of a shop's available earnings", () => {
  it("to the owner's wallet: paid at once, credited once, the same key paying nothing twice", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const key = crypto.randomUUID();
    const payout = await expectJson<Payout>(
      await requestPayout(s, { amount: thb(net), destination: "wallet" }, key),
      201,
    );
    expect(payout).toMatchObject({ amount: thb(net), destination: "wallet", status: "paid" });
    expect(await balance(s)).toMatchObject({ pending: thb(0), available: thb(0), paidOut: thb(net) });
    expect((await walletBalance(s.userId)).available).toBe(net);
    const again = await requestPayout(s, { amount: thb(net), destination: "wallet" }, key);
    expect(await expectJson<Payout>(again, 201)).toMatchObject({ id: payout.id, status: "paid" });
    expect((await walletBalance(s.userId)).available).toBe(net);
    expect((await payoutsOf(s)).items.map((p) => p.id)).toEqual([payout.id]);
  });

  it("to a bank account through the sandbox: pending, then paid when the bank confirms", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const part = net - 1000;
    const payout = await expectJson<Payout>(await requestPayout(s, { amount: thb(part), destination: KBANK }), 201);
    expect(payout).toMatchObject({
      status: "pending",
      destination: { bankCode: "KBANK", accountNumber: "••••7890", accountName: "Somchai Jaidee" },
    });
    expect(await balance(s)).toMatchObject({ available: thb(1000), paidOut: thb(0) });
    // Personal data at rest: encrypted.
    const [stored] = await rows<{ account_number_enc: string; account_name_enc: string }>(
      "SELECT account_number_enc, account_name_enc FROM payouts WHERE id = ?",
      payout.id,
    );
    expect(stored.account_number_enc).not.toContain("1234567890");
    expect(stored.account_name_enc).not.toContain("Somchai");
    await expectJson(await simulate(s.token, payout.id, "succeeded"), 200);
    await eventually(async () => expect((await payoutsOf(s)).items[0].status).toBe("paid"), 8000);
    expect(await balance(s)).toMatchObject({ available: thb(1000), paidOut: thb(part) });
  });

  it("a bank payout that fails gives the amount back to available, once", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const payout = await expectJson<Payout>(await requestPayout(s, { amount: thb(net), destination: KBANK }), 201);
    expect((await balance(s)).available).toEqual(thb(0));
    await expectJson(await simulate(s.token, payout.id, "failed"), 200);
    await eventually(async () => expect((await payoutsOf(s)).items[0].status).toBe("failed"), 8000);
    // A late success after the failure changes nothing.
    await expectJson(await simulate(s.token, payout.id, "succeeded"), 200);
    expect(await balance(s)).toMatchObject({ available: thb(net), paidOut: thb(0) });
    expect((await payoutsOf(s)).items[0].status).toBe("failed");
  });

  it("ten concurrent payouts of the whole available balance pay exactly once", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        requestPayout(s, { amount: thb(net), destination: i % 2 === 0 ? "wallet" : KBANK }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((x) => x.status === 409)) await expectProblem(r, 409, "insufficient_funds");
    expect((await balance(s)).available).toEqual(thb(0));
    expect((await payoutsOf(s)).items).toHaveLength(1);
  });

  it("more than available → 409 insufficient_funds, nothing changes", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const problem = await expectProblem(
      await requestPayout(s, { amount: thb(net + 1), destination: "wallet" }),
      409,
      "insufficient_funds",
    );
    expect(problem.detail).toContain("available");
    expect(await balance(s)).toMatchObject({ available: thb(net), paidOut: thb(0) });
  });

  it("refuses another currency, a bad bank account, and a request without Idempotency-Key", async () => {
    const s = await newSeller();
    await expectProblem(
      await requestPayout(s, { amount: { amount: 100, currency: "SGD" }, destination: "wallet" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await requestPayout(s, { amount: thb(100), destination: { ...KBANK, bankCode: "NOPE" } }),
      422,
      "validation_failed",
    );
    const res = await call("POST", `/api/v1/shops/${s.shop.id}/payouts`, {
      token: s.token,
      body: { amount: thb(100), destination: "wallet" },
    });
    expect(res.status).toBe(400);
  });
});
