import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { settlePayout } from "../../workers/earnings/payouts";
import { resumePendingPayouts } from "../../workers/earnings/payouts-resume";
import { runAccountErasures } from "../../workers/privacy/erasure-job";
import { call, count, expectJson, row } from "../orders/helpers";
import { json, recordingFetch } from "../support/recording-fetch";
import { eventually } from "../wallet/helpers";
import { simulate } from "../wallet/withdrawal-helpers";
import { availableOrder, balance, KBANK, netOf, newSeller, type Payout, requestPayout, thb } from "./helpers";

const sql = (query: string, ...params: unknown[]) =>
  env.DB.prepare(query)
    .bind(...params)
    .run();

/** Omise's answers to a recipient and a transfer (recorded, as in test/disbursements/omise.test.ts). */
function omiseAccepts(id: string, amount: number) {
  const recipient = { object: "recipient", id: "recp_test_5xbl3jkpzdk4s10ahvb", name: "Somchai Jaidee" };
  const transfer = {
    object: "transfer",
    id: "trsf_test_5xbl4h2fk0s1ck6pw1b",
    recipient: recipient.id,
    amount,
    currency: "thb",
    sent: false,
    paid: false,
    failure_code: null,
    metadata: { disbursement_id: id },
  };
  return [json(200, recipient), json(200, transfer)];
}

const payoutRow = (id: string) =>
  row<{ status: string; account_number_enc: string | null; account_name_enc: string | null; bank_code: string }>(
    "SELECT status, account_number_enc, account_name_enc, bank_code FROM payouts WHERE id = ?",
    id,
  );

describe("a bank payout whose sending failed", () => {
  it("is sent again by the cron from the stored payout, under the same key, and paid once", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const payout = await expectJson<Payout>(await requestPayout(s, { amount: thb(net), destination: KBANK }), 201);
    // As if Omise had been unreachable when the payout was made: recorded, never sent, minutes ago.
    await sql(
      "UPDATE disbursements SET status = 'pending', provider = 'omise', provider_ref = NULL, next_check_at = NULL WHERE id = ?",
      payout.id,
    );
    await sql("UPDATE payouts SET updated_at = updated_at - 600000 WHERE id = ?", payout.id);

    // Still unreachable: the payout stays pending, nothing is given back.
    const down = recordingFetch(new TypeError("Network connection lost"));
    await resumePendingPayouts(env, down.fetchFn);
    expect(down.calls.map((c) => c.url)).toContain("https://api.omise.co/recipients");
    expect(await payoutRow(payout.id)).toMatchObject({ status: "pending" });
    expect(await balance(s)).toMatchObject({ available: thb(0), paidOut: thb(0) });

    await sql("UPDATE payouts SET updated_at = updated_at - 600000 WHERE id = ?", payout.id);
    const up = recordingFetch(...omiseAccepts(payout.id, net));
    await resumePendingPayouts(env, up.fetchFn);
    const transfer = up.calls.find((c) => c.url === "https://api.omise.co/transfers");
    expect(transfer?.headers.get("Idempotency-Key")).toBe(payout.id);
    expect(Object.fromEntries(new URLSearchParams(transfer?.body ?? ""))).toMatchObject({ amount: String(net) });
    expect(await row("SELECT status FROM disbursements WHERE id = ?", payout.id)).toEqual({ status: "requested" });

    // On its way: a later run sends nothing more, and there is still one payout and one disbursement.
    await sql("UPDATE payouts SET updated_at = updated_at - 600000 WHERE id = ?", payout.id);
    const later = recordingFetch();
    await resumePendingPayouts(env, later.fetchFn);
    expect(later.calls).toHaveLength(0);
    expect(await count("SELECT COUNT(*) AS n FROM payouts WHERE shop_id = ?", s.shop.id)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM disbursements WHERE id = ?", payout.id)).toBe(1);
    expect(await balance(s)).toMatchObject({ available: thb(0), paidOut: thb(0) });
  });
});

describe("account erasure and payouts", () => {
  it("erases the bank account of settled payouts at once, and of one on its way once it settles", async () => {
    const s = await newSeller();
    const net = netOf(await availableOrder(s));
    const paid = await expectJson<Payout>(await requestPayout(s, { amount: thb(1000), destination: KBANK }), 201);
    await expectJson(await simulate(s.token, paid.id, "succeeded"), 200);
    await eventually(async () => expect((await payoutRow(paid.id))?.status).toBe("paid"), 8000);
    const onItsWay = await expectJson<Payout>(
      await requestPayout(s, { amount: thb(net - 1000), destination: KBANK }),
      201,
    );

    const res = await call("DELETE", "/api/v1/users/me", { token: s.token });
    expect(res.status, await res.clone().text()).toBe(202);
    expect(await payoutRow(paid.id)).toMatchObject({
      status: "paid",
      bank_code: "KBANK",
      account_number_enc: null,
      account_name_enc: null,
    });
    expect((await payoutRow(onItsWay.id))?.account_number_enc).toBeTruthy();

    // The bank confirms it (what the disbursement.settled consumer does; the owner can no longer sign in).
    expect(await settlePayout(env, onItsWay.id, "paid")).toBe(true);
    await sql("UPDATE account_erasures SET lease_until = 0 WHERE user_id = ?", s.userId);
    await runAccountErasures(env, { userId: s.userId });
    expect(await payoutRow(onItsWay.id)).toMatchObject({ account_number_enc: null, account_name_enc: null });
  });
});
