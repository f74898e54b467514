import { Buffer } from "node:buffer";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OMISE_TRANSFERS_API_VERSION, OmiseTransfers } from "../../workers/disbursements/providers/omise";
import { money } from "../../workers/platform/money";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";

// Recorded requests and answers of Omise's Recipients and Transfers APIs and a signed transfer.* event.

const SECRET_KEY = "skey_test_5xbl2l0qjv9qmzdevkey01";
const WEBHOOK_SECRET = "c2VjcmV0LWtleS1mb3ItdGNoYXQtb21pc2Utd2ViaG9va3MtMjAyNg==";
const ID = "wdr_7c1d2e4b5a6978c0d1e2f33f9a";
const NOW = new Date("2026-12-05T10:00:00Z");

const provider = (fetchFn: typeof fetch) =>
  new OmiseTransfers({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }, fetchFn);

const input = {
  id: ID,
  amount: money(250_000, "THB"), // ฿2,500.00
  channel: "kbank",
  accountNumber: "1234567890",
  accountName: "Somchai Jaidee",
  description: "Tchat wallet withdrawal",
};

const recipient = {
  object: "recipient",
  id: "recp_test_5xbl3jkpzdk4s10ahvb",
  livemode: false,
  verified: false,
  active: false,
  name: "Somchai Jaidee",
  type: "individual",
  bank_account: { object: "bank_account", brand: "kbank", last_digits: "7890", name: "Somchai Jaidee" },
};

function transfer(extra: Record<string, unknown> = {}) {
  return {
    object: "transfer",
    id: "trsf_test_5xbl4h2fk0s1ck6pw1b",
    livemode: false,
    recipient: recipient.id,
    amount: 250000,
    currency: "thb",
    fee: 2500,
    fee_vat: 175,
    sent: false,
    paid: false,
    failure_code: null,
    failure_message: null,
    metadata: { disbursement_id: ID },
    created_at: "2026-12-05T10:00:00Z",
    ...extra,
  };
}

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

function signed(body: unknown, secret = WEBHOOK_SECRET, at = NOW) {
  const rawBody = JSON.stringify(body);
  const t = String(Math.floor(at.getTime() / 1000));
  const sig = createHmac("sha256", Buffer.from(secret, "base64")).update(`${t}.${rawBody}`).digest("hex");
  return { headers: new Headers({ "Omise-Signature": sig, "Omise-Signature-Timestamp": t }), rawBody };
}

describe("Omise Transfers: create", () => {
  it("creates the recipient, then the transfer, each under an idempotency key derived from our id", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, recipient), json(200, transfer()));
    expect(await provider(fetchFn).create(input)).toEqual({
      providerRef: "trsf_test_5xbl4h2fk0s1ck6pw1b",
      outcome: "pending",
    });
    const [r, t] = calls;
    expect(r).toMatchObject({ method: "POST", url: "https://api.omise.co/recipients" });
    expect(r.headers.get("Authorization")).toBe(`Basic ${Buffer.from(`${SECRET_KEY}:`).toString("base64")}`);
    expect(r.headers.get("Omise-Version")).toBe(OMISE_TRANSFERS_API_VERSION);
    expect(r.headers.get("Idempotency-Key")).toBe(`${ID}-recipient`);
    expect(form(r.body)).toEqual({
      name: "Somchai Jaidee",
      type: "individual",
      description: "Tchat wallet withdrawal",
      "bank_account[brand]": "kbank",
      "bank_account[number]": "1234567890",
      "bank_account[name]": "Somchai Jaidee",
    });
    expect(t).toMatchObject({ method: "POST", url: "https://api.omise.co/transfers" });
    expect(t.headers.get("Idempotency-Key")).toBe(ID);
    expect(form(t.body)).toEqual({
      amount: "250000",
      recipient: recipient.id,
      fail_fast: "true",
      "metadata[disbursement_id]": ID,
    });
  });

  it("a rejected bank account is final", async () => {
    const { fetchFn } = recordingFetch(
      json(400, { object: "error", code: "invalid_bank_account", message: "number is invalid" }),
    );
    expect(await rejection(provider(fetchFn).create(input), ProviderError)).toMatchObject({
      retryable: false,
      providerCode: "invalid_bank_account",
    });
  });
});

describe("Omise Transfers: status and webhook", () => {
  it("maps paid and failure_code from GET /transfers/{id}", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, transfer({ sent: true, paid: true })),
      json(200, transfer({ failure_code: "insufficient_fund", fail_fast: true })),
    );
    const ref = { disbursementId: ID, providerRef: "trsf_test_5xbl4h2fk0s1ck6pw1b" };
    expect(await provider(fetchFn).fetchStatus(ref)).toMatchObject({ outcome: "succeeded" });
    expect(await provider(fetchFn).fetchStatus(ref)).toMatchObject({
      outcome: "failed",
      failureCode: "insufficient_fund",
    });
    expect(calls[0].url).toBe("https://api.omise.co/transfers/trsf_test_5xbl4h2fk0s1ck6pw1b");
  });

  const paidEvent = {
    object: "event",
    id: "evnt_test_5xbl5a1b2c3d4e5f6g7",
    key: "transfer.pay",
    data: transfer({ sent: true, paid: true }),
  };

  it("verifies Omise-Signature over timestamp.body and reads our id from the metadata", async () => {
    expect(await provider(fetch).verifyWebhook(signed(paidEvent), NOW)).toEqual({
      ok: true,
      event: {
        eventId: "evnt_test_5xbl5a1b2c3d4e5f6g7",
        disbursementId: ID,
        providerRef: "trsf_test_5xbl4h2fk0s1ck6pw1b",
        outcome: "succeeded",
      },
    });
  });

  it("refuses a forged signature, a stale timestamp and a missing header", async () => {
    const forged = signed(paidEvent, Buffer.from("another-secret").toString("base64"));
    expect(await provider(fetch).verifyWebhook(forged, NOW)).toMatchObject({ ok: false, authentic: false });
    const stale = signed(paidEvent, WEBHOOK_SECRET, new Date(NOW.getTime() - 600_000));
    expect(await provider(fetch).verifyWebhook(stale, NOW)).toMatchObject({ ok: false, authentic: false });
    const bare = { headers: new Headers(), rawBody: JSON.stringify(paidEvent) };
    expect(await provider(fetch).verifyWebhook(bare, NOW)).toMatchObject({ ok: false, authentic: false });
  });

  it("an authentic event that is not final, or not about transfers, is not applied", async () => {
    const sent = { ...paidEvent, key: "transfer.send", data: transfer({ sent: true }) };
    expect(await provider(fetch).verifyWebhook(signed(sent), NOW)).toMatchObject({ ok: false, authentic: true });
    const charge = { ...paidEvent, key: "charge.complete", data: {} };
    expect(await provider(fetch).verifyWebhook(signed(charge), NOW)).toMatchObject({ ok: false, authentic: true });
    // An unknown transfer.* key (not in docs.omise.co/api-webhooks) is not acted on either.
    const made = { ...paidEvent, key: "transfer.paid" };
    expect(await provider(fetch).verifyWebhook(signed(made), NOW)).toMatchObject({ ok: false, authentic: true });
  });

  it("transfer.fail is final only with fail_fast; a failure Omise will retry stays pending", async () => {
    const failed = {
      ...paidEvent,
      key: "transfer.fail",
      data: transfer({ failure_code: "transfer_failed", fail_fast: true }),
    };
    expect(await provider(fetch).verifyWebhook(signed(failed), NOW)).toMatchObject({
      ok: true,
      event: { outcome: "failed", failureCode: "transfer_failed", disbursementId: ID },
    });
    const retried = { ...failed, data: transfer({ failure_code: "transfer_failed", fail_fast: false }) };
    expect(await provider(fetch).verifyWebhook(signed(retried), NOW)).toMatchObject({ ok: false, authentic: true });
  });

  it("transfer.destroy of an unpaid transfer is a failure (the money never left)", async () => {
    const destroyed = { ...paidEvent, key: "transfer.destroy", data: transfer({ deleted: true }) };
    expect(await provider(fetch).verifyWebhook(signed(destroyed), NOW)).toMatchObject({
      ok: true,
      event: { outcome: "failed", failureCode: "transfer_deleted" },
    });
  });

  it("transfer.update that reports paid counts as paid", async () => {
    const updated = { ...paidEvent, key: "transfer.update" };
    expect(await provider(fetch).verifyWebhook(signed(updated), NOW)).toMatchObject({
      ok: true,
      event: { outcome: "succeeded" },
    });
  });
});
