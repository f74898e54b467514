import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fxQuotes } from "../../d1/schema/fx";
import { database } from "../../workers/platform/db";
import { conversionIdOf } from "../../workers/wallet";
import { newDevice, otpSignIn, thaiMobile } from "../identity/helpers";
import { call, expectJson, expectProblem, get, type Money, type Page } from "../support/http";
import { balanceOf, eventually, fund, wallet } from "../wallet/helpers";

interface Quote {
  id: string;
  from: Money;
  to: Money;
  rate: string;
  midRate: string;
  spreadBps: number;
  fee: Money;
  expiresAt: string;
}

interface Transaction {
  id: string;
  type: string;
  direction: string;
  amount: Money;
  status: string;
  reference?: string;
}

const user = async () => {
  const t = await otpSignIn(thaiMobile(), { device: newDevice() });
  return { token: t.accessToken, id: t.user.id };
};

const quote = (token: string, body: unknown) => call("POST", "/api/v1/fx/quotes", { token, body });
const convert = (token: string, quoteId: string, key: string | null = crypto.randomUUID()) =>
  call("POST", "/api/v1/wallet/conversions", { token, body: { quoteId }, ...(key ? { idempotencyKey: key } : {}) });

async function thbToIdr(token: string, amount = 100_000): Promise<Quote> {
  return expectJson<Quote>(await quote(token, { from: { amount, currency: "THB" }, to: "IDR" }), 201);
}

describe("POST /api/v1/fx/quotes", () => {
  it("prices THB → IDR: from = converted + fee, whole rupiah, valid at least 30 s", async () => {
    const a = await user();
    const before = Date.now();
    const q = await thbToIdr(a.token);
    expect(q.id).toMatch(/^fxq_/);
    expect(q.from).toEqual({ amount: 100_000, currency: "THB" });
    expect(q.fee.currency).toBe("THB");
    expect(q.to.currency).toBe("IDR");
    expect(q.to.amount % 100).toBe(0);
    expect(q.spreadBps).toBe(50);
    expect(Number(q.rate)).toBeLessThan(Number(q.midRate));
    expect(Date.parse(q.expiresAt) - before).toBeGreaterThanOrEqual(30_000);
    // to is (from - fee) at rate, rounded down to whole rupiah.
    const exact = ((q.from.amount - q.fee.amount) / 100) * Number(q.rate);
    expect(q.to.amount / 100).toBeLessThanOrEqual(exact + 1e-6);
    expect(q.to.amount / 100).toBeGreaterThan(exact - 1);
  });

  it("refuses bad input with a 4xx problem: same currency, fractions of a rupiah, too small, malformed, unsigned", async () => {
    const a = await user();
    await expectProblem(
      await quote(a.token, { from: { amount: 1000, currency: "THB" }, to: "THB" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await quote(a.token, { from: { amount: 150_050, currency: "IDR" }, to: "THB" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await quote(a.token, { from: { amount: 100, currency: "THB" }, to: "USD" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await quote(a.token, { from: { amount: -5, currency: "THB" }, to: "USD" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await quote(a.token, { from: { amount: 1.5, currency: "THB" }, to: "USD" }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await quote(a.token, { from: { amount: 100, currency: "EUR" }, to: "USD" }),
      422,
      "validation_failed",
    );
    const huge = { from: { amount: Number.MAX_SAFE_INTEGER - 1, currency: "VND" }, to: "IDR" };
    await expectProblem(await quote(a.token, huge), 422, "validation_failed");
    await expectProblem(
      await call("POST", "/api/v1/fx/quotes", { body: { from: { amount: 1000, currency: "THB" }, to: "USD" } }),
      401,
      "unauthorized",
    );
  });
});

describe("POST /api/v1/wallet/conversions", () => {
  it("converts once: both legs at once, balances and ledger agree, history shows both", async () => {
    const a = await user();
    await fund(a.id, 500_000, "THB");
    const q = await thbToIdr(a.token);
    const res = await expectJson<{ debit: Transaction; credit: Transaction }>(await convert(a.token, q.id), 201);
    expect(res.debit).toMatchObject({
      type: "conversion_out",
      direction: "debit",
      amount: q.from,
      status: "completed",
      reference: q.id,
    });
    expect(res.credit).toMatchObject({
      type: "conversion_in",
      direction: "credit",
      amount: q.to,
      status: "completed",
      reference: q.id,
    });
    expect((await balanceOf(a.id, "THB")).balance).toBe(400_000);
    expect((await balanceOf(a.id, "IDR")).balance).toBe(q.to.amount);
    const audit = await wallet(a.id).audit();
    expect(audit.ok).toBe(true);
    expect(audit.unbalancedMovements).toEqual([]);
    await eventually(async () => {
      const page = await expectJson<Page<Transaction>>(await get("/api/v1/wallets/IDR/transactions", a.token), 200);
      expect(page.items.map((t) => t.id)).toEqual([res.credit.id]);
    });
    const own = await expectJson<Transaction>(await get(`/api/v1/wallet/transactions/${res.debit.id}`, a.token), 200);
    expect(own.amount).toEqual(q.from);
  });

  it("a replay with the same key moves money once, even after the key's stored answer is gone", async () => {
    const a = await user();
    await fund(a.id, 300_000, "THB");
    const q = await thbToIdr(a.token);
    const key = crypto.randomUUID();
    const first = await expectJson<{ debit: Transaction }>(await convert(a.token, q.id, key), 201);
    const again = await convert(a.token, q.id, key);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { debit: Transaction }).debit.id).toBe(first.debit.id);
    // What a retry after the stored answer expired reaches: the object, by the same conversion id.
    const direct = await wallet(a.id).convert({
      conversionId: await conversionIdOf(a.id, key),
      quoteId: q.id,
      from: { currency: "THB", amount: q.from.amount },
      fee: q.fee.amount,
      to: { currency: "IDR", amount: q.to.amount },
      expiresAt: Date.parse(q.expiresAt),
    });
    expect(direct.ok && direct.debit.id).toBe(first.debit.id);
    expect((await balanceOf(a.id, "THB")).balance).toBe(200_000);
    expect((await balanceOf(a.id, "IDR")).balance).toBe(q.to.amount);
  });

  it("a quote is used once: another key for it is 409 quote_used, and nothing moves", async () => {
    const a = await user();
    await fund(a.id, 300_000, "THB");
    const q = await thbToIdr(a.token);
    await expectJson(await convert(a.token, q.id), 201);
    await expectProblem(await convert(a.token, q.id), 409, "quote_used");
    expect((await balanceOf(a.id, "THB")).balance).toBe(200_000);
  });

  it("another user's quote is 404, an unknown one too; the owner's wallet is untouched", async () => {
    const [a, b] = [await user(), await user()];
    await fund(a.id, 300_000, "THB");
    await fund(b.id, 300_000, "THB");
    const q = await thbToIdr(a.token);
    await expectProblem(await convert(b.token, q.id), 404, "not_found");
    await expectProblem(await convert(b.token, "fxq_nope"), 404, "not_found");
    expect((await balanceOf(b.id, "THB")).balance).toBe(300_000);
    expect((await balanceOf(a.id, "THB")).balance).toBe(300_000);
  });

  it("an expired quote is 409 quote_expired", async () => {
    const a = await user();
    await fund(a.id, 300_000, "THB");
    const q = await thbToIdr(a.token);
    await database(env)
      .insert(fxQuotes)
      .values({
        id: `${q.id}x`,
        userId: a.id,
        fromCurrency: "THB",
        fromAmount: q.from.amount,
        toCurrency: "IDR",
        toAmount: q.to.amount,
        feeAmount: q.fee.amount,
        rate: q.rate,
        midRate: q.midRate,
        spreadBps: q.spreadBps,
        ratesFetchedAt: Date.now() - 120_000,
        createdAt: Date.now() - 120_000,
        expiresAt: Date.now() - 60_000,
      });
    await expectProblem(await convert(a.token, `${q.id}x`), 409, "quote_expired");
    expect((await balanceOf(a.id, "THB")).balance).toBe(300_000);
  });

  it("short funds → 409 insufficient_funds; over the target's balance limit → 422 limit_exceeded; no key → 400", async () => {
    const a = await user();
    await fund(a.id, 50_000, "THB");
    await expectProblem(await convert(a.token, (await thbToIdr(a.token)).id), 409, "insufficient_funds");
    await fund(a.id, 100_000, "THB");
    // The basic IDR wallet holds at most Rp 2,000,000: Rp 1,990,000 plus this quote passes it.
    await fund(a.id, 199_000_000, "IDR");
    const p = await expectProblem(await convert(a.token, (await thbToIdr(a.token)).id), 422, "limit_exceeded");
    expect(p.detail).toContain("10000.00 IDR");
    await expectProblem(await convert(a.token, (await thbToIdr(a.token)).id, null), 400, "idempotency_key_required");
    expect((await balanceOf(a.id, "THB")).balance).toBe(150_000);
    expect((await balanceOf(a.id, "IDR")).balance).toBe(199_000_000);
    expect((await wallet(a.id).audit()).ok).toBe(true);
  });

  it("a restricted wallet does not convert (403 wallet_restricted)", async () => {
    const a = await user();
    await fund(a.id, 300_000, "THB");
    await wallet(a.id).setStanding({ restricted: true });
    await expectProblem(await convert(a.token, (await thbToIdr(a.token)).id), 403, "wallet_restricted");
    expect((await balanceOf(a.id, "THB")).balance).toBe(300_000);
  });
});
