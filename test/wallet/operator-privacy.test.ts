import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { accounts, call, del, expectJson, expectProblem, get, post } from "../chat/helpers";
import { balanceOf, eventually, fund, wallet } from "./helpers";

// Operators set a wallet's KYC level and restriction; the account export carries the wallet; an
// account with money in it can not be deleted.

const thb = (amount: number) => ({ amount, currency: "THB" });

const send = (token: string, toUserId: string, amount: number) =>
  call("POST", "/api/v1/wallet/transfers", {
    token,
    idempotencyKey: crypto.randomUUID(),
    body: { to: { userId: toUserId }, amount: thb(amount) },
  });

describe("POST /api/v1/admin/users/:id/wallet-standing", () => {
  it("an admin verifies and restricts a wallet, audit-logged; a restricted wallet receives refunds and transfers but can not send", async () => {
    const [admin] = await accounts(1, ["customer", "admin"]);
    const [user, friend] = await accounts(2);
    await fund(user.userId, 10_000);
    const res = await post(
      `/api/v1/admin/users/${user.userId}/wallet-standing`,
      { kycLevel: "verified", restricted: true, reason: "ID checked; chargeback under review" },
      admin.token,
    );
    expect(await expectJson(res, 200)).toEqual({ userId: user.userId, kycLevel: "verified", restricted: true });
    const audit = await env.DB.prepare(
      "SELECT actor_id, data FROM audit_events WHERE type = 'wallet_standing_changed' AND user_id = ?",
    )
      .bind(user.userId)
      .first<{ actor_id: string; data: string }>();
    expect(audit?.actor_id).toBe(admin.userId);
    expect(JSON.parse(audit!.data)).toMatchObject({ reason: "ID checked; chargeback under review", restricted: true });

    await expectProblem(await send(user.token, friend.userId, 1_000), 403, "wallet_restricted");
    // It still receives: a refund and a transfer.
    const refund = await wallet(user.userId).credit({
      movementId: `wrf_${crypto.randomUUID()}`,
      currency: "THB",
      amount: 500,
      type: "refund",
    });
    expect(refund.ok).toBe(true);
    await fund(friend.userId, 5_000);
    expect((await send(friend.token, user.userId, 2_000)).status).toBe(201);
    expect(await balanceOf(user.userId)).toMatchObject({ balance: 12_500 });
    const wallets = await expectJson<{ items: { kycLevel: string }[] }>(await get("/api/v1/wallets", user.token), 200);
    expect(wallets.items[0].kycLevel).toBe("verified");

    // Lifting the restriction only (the level stays).
    const lifted = await post(
      `/api/v1/admin/users/${user.userId}/wallet-standing`,
      { restricted: false, reason: "review closed" },
      admin.token,
    );
    expect(await expectJson(lifted, 200)).toEqual({ userId: user.userId, kycLevel: "verified", restricted: false });
    expect((await send(user.token, friend.userId, 1_000)).status).toBe(201);
  });

  it("refuses a non-admin (403), an unknown user (404) and a body with nothing to change (422)", async () => {
    const [admin] = await accounts(1, ["customer", "admin"]);
    const [user, other] = await accounts(2);
    const body = { restricted: true, reason: "x" };
    await expectProblem(
      await post(`/api/v1/admin/users/${user.userId}/wallet-standing`, body, other.token),
      403,
      "forbidden",
    );
    await expectProblem(
      await post("/api/v1/admin/users/usr_nobody/wallet-standing", body, admin.token),
      404,
      "not_found",
    );
    await expectProblem(
      await post(`/api/v1/admin/users/${user.userId}/wallet-standing`, { reason: "x" }, admin.token),
      422,
      "validation_failed",
    );
  });
});

describe("privacy: export and deletion", () => {
  it("the export holds the wallets and every transaction", async () => {
    const [a, b] = await accounts(2);
    await fund(a.userId, 30_000);
    expect((await send(a.token, b.userId, 4_000)).status).toBe(201);
    await eventually(async () => {
      const data = await expectJson<{
        wallet: { wallets: { balance: unknown }[]; transactions: { type: string; amount: unknown }[] };
      }>(await get("/api/v1/users/me/export", a.token), 200);
      expect(data.wallet.wallets).toEqual([expect.objectContaining({ currency: "THB", balance: thb(26_000) })]);
      expect(data.wallet.transactions.map((t) => t.type)).toEqual(["topup", "transfer_out"]);
    });
  });

  it("an account with money in its wallet is not deleted (409, nothing changes); an empty one is", async () => {
    const [a, b] = await accounts(2);
    await fund(a.userId, 1_000);
    const refused = await expectProblem(await del("/api/v1/users/me", a.token), 409, "conflict");
    expect(refused.detail).toMatch(/Withdraw/);
    // Nothing changed: the account still works.
    expect((await get("/api/v1/users/me", a.token)).status).toBe(200);
    // Once the money is gone (sent away here), deletion goes ahead.
    expect((await send(a.token, b.userId, 1_000)).status).toBe(201);
    expect((await del("/api/v1/users/me", a.token)).status).toBe(202);
  });
});
