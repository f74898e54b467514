import { describe, expect, it } from "vitest";
import { newDevice, otpSignIn, registerUser, type Tokens, thaiMobile } from "../identity/helpers";
import { call, expectJson, expectProblem, get, type Money, type Page, post } from "../support/http";
import { balanceOf, eventually, fund, wallet } from "./helpers";

interface Transfer {
  id: string;
  status: string;
  amount: Money;
  fromUserId: string;
  toUserId: string;
  note?: string;
  createdAt: string;
}

interface Transaction {
  id: string;
  type: string;
  direction: string;
  amount: Money;
  status: string;
  counterparty?: { userId: string; displayName: string };
  reference?: string;
  note?: string;
  createdAt: string;
  completedAt?: string;
}

interface WalletView {
  currency: string;
  balance: Money;
  held: Money;
  available: Money;
  kycLevel: string;
  limits: { perTransfer: Money; daily: Money; dailyRemaining: Money; maxBalance: Money };
}

const thb = (amount: number): Money => ({ amount, currency: "THB" });

async function phoneUser(): Promise<Tokens & { phone: string }> {
  const phone = thaiMobile();
  return { ...(await otpSignIn(phone, { device: newDevice() })), phone };
}

function transfer(token: string, body: unknown, key: string | null = crypto.randomUUID(), language?: string) {
  return call("POST", "/api/v1/wallet/transfers", {
    token,
    body,
    ...(key ? { idempotencyKey: key } : {}),
    ...(language ? { headers: { "Accept-Language": language } } : {}),
  });
}

const history = (token: string, query = "") =>
  get(`/api/v1/wallets/THB/transactions${query}`, token).then((r) => expectJson<Page<Transaction>>(r, 200));

describe("POST /api/v1/wallet/transfers: the happy path", () => {
  it("sends to a phone number with a note; both wallets and histories show it", async () => {
    const [a, b] = [await phoneUser(), await phoneUser()];
    await fund(a.user.id, 100_000);
    const res = await transfer(a.accessToken, {
      to: { phone: b.phone, country: "TH" },
      amount: thb(25_050),
      note: "ค่าข้าว",
    });
    const sent = await expectJson<Transfer>(res, 201);
    expect(sent).toMatchObject({
      status: "completed",
      amount: thb(25_050),
      fromUserId: a.user.id,
      toUserId: b.user.id,
      note: "ค่าข้าว",
    });
    expect(sent.id).toMatch(/^trf_/);

    const wallets = await expectJson<{ items: WalletView[] }>(await get("/api/v1/wallets", a.accessToken), 200);
    expect(wallets.items).toEqual([
      {
        currency: "THB",
        balance: thb(74_950),
        held: thb(0),
        available: thb(74_950),
        kycLevel: "basic",
        limits: {
          perTransfer: thb(500_000),
          daily: thb(2_000_000),
          dailyRemaining: thb(1_974_950),
          maxBalance: thb(5_000_000),
        },
      },
    ]);
    const mine = await history(a.accessToken);
    expect(mine.items[0]).toMatchObject({
      type: "transfer_out",
      direction: "debit",
      amount: thb(25_050),
      status: "completed",
      counterparty: { userId: b.user.id },
      reference: sent.id,
      note: "ค่าข้าว",
    });
    await eventually(async () => {
      const theirs = await history(b.accessToken);
      expect(theirs.items).toHaveLength(1);
      expect(theirs.items[0]).toMatchObject({
        type: "transfer_in",
        direction: "credit",
        status: "completed",
        reference: sent.id,
      });
      expect(theirs.items[0].counterparty?.userId).toBe(a.user.id);
    });
    const [incoming] = (await history(b.accessToken)).items;
    const one = await expectJson<Transaction>(
      await get(`/api/v1/wallet/transactions/${incoming.id}`, b.accessToken),
      200,
    );
    expect(one).toMatchObject({ id: incoming.id, amount: thb(25_050), status: "completed" });
    expect(one.completedAt).toBeDefined();
  });

  it("sends to a user id; one Idempotency-Key moves money once, however often and however concurrently it is sent", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 10_000);
    const key = crypto.randomUUID();
    const body = { to: { userId: b.user.id }, amount: thb(1_000) };
    const answers = await Promise.all(Array.from({ length: 5 }, () => transfer(a.accessToken, body, key)));
    const ids = new Set<string>();
    for (const res of answers) ids.add((await expectJson<Transfer>(res, 201)).id);
    expect(ids.size).toBe(1);
    const again = await transfer(a.accessToken, body, key);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 9_000, held: 0 });
    expect(await balanceOf(b.user.id)).toMatchObject({ balance: 1_000 });
    // The key with another body is refused, and moves nothing.
    await expectProblem(
      await transfer(a.accessToken, { ...body, amount: thb(2_000) }, key),
      422,
      "idempotency_key_reused",
    );
    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 9_000 });
  });

  it("pages the history newest first with the pagination cursor", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 10_000);
    for (let i = 1; i <= 3; i++) {
      await expectJson(await transfer(a.accessToken, { to: { userId: b.user.id }, amount: thb(i * 100) }), 201);
    }
    const first = await history(a.accessToken, "?limit=2");
    expect(first.items.map((t) => t.amount.amount)).toEqual([300, 200]);
    expect(first.nextCursor).not.toBeNull();
    const second = await history(a.accessToken, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((t) => t.type)).toEqual(["transfer_out", "topup"]);
    expect(second.nextCursor).toBeNull();
    await expectProblem(
      await get("/api/v1/wallets/THB/transactions?cursor=nonsense", a.accessToken),
      422,
      "validation_failed",
    );
    await expectProblem(await get("/api/v1/wallets/XYZ/transactions", a.accessToken), 422, "validation_failed");
  });
});

describe("POST /api/v1/wallet/transfers: refusals (nothing moves)", () => {
  it("answers each refusal with its problem, and moves nothing", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 300_000);
    const to = { userId: b.user.id };

    const short = await expectProblem(
      await transfer(a.accessToken, { to, amount: thb(300_001) }),
      409,
      "insufficient_funds",
    );
    expect(short.detail).toBe("Your wallet has 3000.00 THB available, less than this transfer. Top up or send less.");
    const perTransfer = await expectProblem(
      await transfer(a.accessToken, { to, amount: thb(500_100) }),
      422,
      "limit_exceeded",
    );
    expect(perTransfer.detail).toBe("One transfer may be at most 5000.00 THB at your verification level. Send less.");
    await expectProblem(
      await transfer(a.accessToken, { to: { userId: a.user.id }, amount: thb(100) }),
      422,
      "validation_failed",
    );
    await expectProblem(
      await transfer(a.accessToken, { to: { userId: "usr_nobody" }, amount: thb(100) }),
      404,
      "recipient_not_found",
    );
    await expectProblem(
      await transfer(a.accessToken, { to: { phone: thaiMobile(), country: "TH" }, amount: thb(100) }),
      404,
      "recipient_not_found",
    );
    await expectProblem(
      await transfer(a.accessToken, { to: { phone: "12", country: "TH" }, amount: thb(100) }),
      422,
      "validation_failed",
    );
    await expectProblem(await transfer(a.accessToken, { to, amount: thb(100) }, null), 400, "idempotency_key_required");
    for (const amount of [thb(0), thb(-5), { amount: 1.5, currency: "THB" }, { amount: 100, currency: "XYZ" }]) {
      await expectProblem(await transfer(a.accessToken, { to, amount }), 422, "validation_failed");
    }
    await wallet(a.user.id).setStanding({ restricted: true });
    await expectProblem(await transfer(a.accessToken, { to, amount: thb(100) }), 403, "wallet_restricted");

    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 300_000, held: 0 });
    expect(await balanceOf(b.user.id)).toMatchObject({ balance: 0 });
    // A restricted wallet still receives.
    await fund(b.user.id, 1_000);
    await expectJson(await transfer(b.accessToken, { to: { userId: a.user.id }, amount: thb(1_000) }), 201);
    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 301_000 });
  });

  it("says what remains of the daily limit, in the caller's language", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 2_500_000);
    await wallet(b.user.id).setStanding({ kycLevel: "verified" });
    for (const amount of [500_000, 500_000, 500_000, 400_000]) {
      await expectJson(await transfer(a.accessToken, { to: { userId: b.user.id }, amount: thb(amount) }), 201);
    }
    const res = await transfer(
      a.accessToken,
      { to: { userId: b.user.id }, amount: thb(150_000) },
      crypto.randomUUID(),
      "en",
    );
    expect((await expectProblem(res, 422, "limit_exceeded")).detail).toBe(
      "You can send 20000.00 THB in any 24 hours; 1000.00 THB of it remains now.",
    );
    const thai = await transfer(
      a.accessToken,
      { to: { userId: b.user.id }, amount: thb(150_000) },
      crypto.randomUUID(),
      "th",
    );
    expect((await expectProblem(thai, 422, "limit_exceeded")).detail).toBe(
      "คุณโอนได้ 20000.00 THB ภายใน 24 ชั่วโมง ขณะนี้เหลืออีก 1000.00 THB",
    );
  });

  it("refuses what the recipient's balance limit cannot hold, without saying their balance", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 100_000);
    await fund(b.user.id, 4_950_000);
    const problem = await expectProblem(
      await transfer(a.accessToken, { to: { userId: b.user.id }, amount: thb(50_001) }),
      422,
      "limit_exceeded",
    );
    expect(problem.detail).not.toMatch(/\d/);
    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 100_000, held: 0 });
    expect(await balanceOf(b.user.id)).toMatchObject({ balance: 4_950_000 });
  });
});

describe("wallet routes: security", () => {
  it("needs a signed-in caller on every route", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/wallets"],
      ["GET", "/api/v1/wallets/THB/transactions"],
      ["GET", "/api/v1/wallet/transactions/wtp_x"],
      ["POST", "/api/v1/wallet/transfers"],
    ]) {
      await expectProblem(
        await call(method, path, { body: method === "POST" ? {} : undefined, idempotencyKey: "k" }),
        401,
        "unauthorized",
      );
    }
  });

  it("never shows one user's transactions to another", async () => {
    const [a, b, c] = [await registerUser(), await registerUser(), await registerUser()];
    await fund(a.user.id, 10_000);
    const sent = await expectJson<Transfer>(
      await transfer(a.accessToken, { to: { userId: b.user.id }, amount: thb(500) }),
      201,
    );
    const [out] = (await history(a.accessToken)).items;
    expect(out.reference).toBe(sent.id);
    await expectProblem(await get(`/api/v1/wallet/transactions/${out.id}`, c.accessToken), 404, "not_found");
    await expectProblem(await get(`/api/v1/wallet/transactions/${out.id}`, b.accessToken), 404, "not_found");
    expect((await history(c.accessToken)).items).toEqual([]);
    expect(await expectJson(await get("/api/v1/wallets", c.accessToken), 200)).toEqual({ items: [] });
  });

  it("never sends money from anyone but the caller (the body cannot name a sender)", async () => {
    const [a, b] = [await registerUser(), await registerUser()];
    await fund(a.user.id, 10_000);
    const res = await post(
      "/api/v1/wallet/transfers",
      { to: { userId: b.user.id }, amount: thb(100), fromUserId: a.user.id },
      {
        token: b.accessToken,
        idempotencyKey: crypto.randomUUID(),
      },
    );
    await expectProblem(res, 422, "validation_failed");
    expect(await balanceOf(a.user.id)).toMatchObject({ balance: 10_000 });
  });
});
