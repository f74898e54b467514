import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { XenditPayouts } from "../../workers/disbursements/providers/xendit";
import { money } from "../../workers/platform/money";
import { ProviderError } from "../../workers/platform/provider-http";
import { json, recordingFetch, rejection } from "../support/recording-fetch";

// Recorded requests and answers of Xendit's Payouts API (POST /v2/payouts, GET /v2/payouts/{id})
// and its payout webhook, in the shapes docs.xendit.co documents.

const SECRET_KEY = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw==";
const CALLBACK_TOKEN = "MuaJALKJSDK12LASHDJKASHDLKJASHDJKLASHDJKLH";
const ID = "wdr_3f9a0c1d2e4b5a6978c0d1e2f3";

const provider = (fetchFn: typeof fetch) =>
  new XenditPayouts({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN }, fetchFn);

const input = {
  id: ID,
  amount: money(15_000_000, "IDR"), // Rp 150,000
  channel: "ID_BCA",
  accountNumber: "1234567890",
  accountName: "Budi Santoso",
  description: "Tchat wallet withdrawal",
};

function payout(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "disb-571f3644d2b4edf0745e9703",
    amount: 150000,
    channel_code: "ID_BCA",
    currency: "IDR",
    description: "Tchat wallet withdrawal",
    reference_id: ID,
    status,
    created: "2026-12-05T10:00:00Z",
    updated: "2026-12-05T10:00:00Z",
    estimated_arrival_time: "2026-12-05T10:15:00Z",
    business_id: "5f27a14a9bf05c73dd040bc8",
    channel_properties: { account_number: "1234567890", account_holder_name: "Budi Santoso" },
    ...extra,
  };
}

const webhook = (body: unknown, token: string | null = CALLBACK_TOKEN) => ({
  headers: new Headers(token ? { "x-callback-token": token } : {}),
  rawBody: JSON.stringify(body),
});

describe("Xendit Payouts: create", () => {
  it("POSTs /v2/payouts with Basic auth, our id as reference_id and Idempotency-key, the amount in major units", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, payout("ACCEPTED")));
    const state = await provider(fetchFn).create(input);
    expect(state).toEqual({ providerRef: "disb-571f3644d2b4edf0745e9703", outcome: "pending" });
    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe("https://api.xendit.co/v2/payouts");
    expect(call.headers.get("Authorization")).toBe(`Basic ${Buffer.from(`${SECRET_KEY}:`).toString("base64")}`);
    expect(call.headers.get("Idempotency-Key")).toBe(ID);
    expect(JSON.parse(call.body)).toEqual({
      reference_id: ID,
      channel_code: "ID_BCA",
      channel_properties: { account_number: "1234567890", account_holder_name: "Budi Santoso" },
      amount: 150000,
      currency: "IDR",
      description: "Tchat wallet withdrawal",
    });
  });

  it("a validation error is final; a server error may be retried", async () => {
    const refused = recordingFetch(
      json(400, { error_code: "RECIPIENT_ACCOUNT_NUMBER_ERROR", message: "Account number is invalid" }),
    );
    const err = await rejection(provider(refused.fetchFn).create(input), ProviderError);
    expect(err).toMatchObject({ retryable: false, providerCode: "RECIPIENT_ACCOUNT_NUMBER_ERROR", status: 400 });
    const down = recordingFetch(json(503, { error_code: "SERVER_ERROR", message: "try again" }));
    expect(await rejection(provider(down.fetchFn).create(input), ProviderError)).toMatchObject({ retryable: true });
    const lost = recordingFetch(new TypeError("network connection lost"));
    expect(await rejection(provider(lost.fetchFn).create(input), ProviderError)).toMatchObject({ retryable: true });
  });
});

describe("Xendit Payouts: status", () => {
  it("GETs /v2/payouts/{id} and maps SUCCEEDED, FAILED and the in-flight statuses", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, payout("SUCCEEDED")),
      json(200, payout("FAILED", { failure_code: "INVALID_DESTINATION" })),
      json(200, payout("REQUESTED")),
    );
    const p = provider(fetchFn);
    const ref = { disbursementId: ID, providerRef: "disb-571f3644d2b4edf0745e9703" };
    expect(await p.fetchStatus(ref)).toMatchObject({ outcome: "succeeded" });
    expect(await p.fetchStatus(ref)).toMatchObject({ outcome: "failed", failureCode: "INVALID_DESTINATION" });
    expect(await p.fetchStatus(ref)).toMatchObject({ outcome: "pending" });
    expect(calls[0]).toMatchObject({
      method: "GET",
      url: "https://api.xendit.co/v2/payouts/disb-571f3644d2b4edf0745e9703",
    });
  });
});

describe("Xendit Payouts: webhook", () => {
  const succeeded = {
    event: "payout.succeeded",
    business_id: "5f27a14a9bf05c73dd040bc8",
    created: "2026-12-05T10:05:00Z",
    data: payout("SUCCEEDED"),
  };

  it("accepts the account's x-callback-token and reads the outcome", async () => {
    const verified = await provider(fetch).verifyWebhook(webhook(succeeded));
    expect(verified).toEqual({
      ok: true,
      event: {
        eventId: "xendit:disb-571f3644d2b4edf0745e9703:SUCCEEDED",
        disbursementId: ID,
        providerRef: "disb-571f3644d2b4edf0745e9703",
        outcome: "succeeded",
      },
    });
    const failed = {
      ...succeeded,
      event: "payout.failed",
      data: payout("FAILED", { failure_code: "INSUFFICIENT_BALANCE" }),
    };
    expect(await provider(fetch).verifyWebhook(webhook(failed))).toMatchObject({
      ok: true,
      event: { outcome: "failed", failureCode: "INSUFFICIENT_BALANCE" },
    });
  });

  it("refuses a missing or wrong token before reading anything", async () => {
    expect(await provider(fetch).verifyWebhook(webhook(succeeded, null))).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await provider(fetch).verifyWebhook(webhook(succeeded, "forged"))).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("a genuine event it does not act on is authentic but not applied", async () => {
    const other = await provider(fetch).verifyWebhook(webhook({ event: "invoice.paid", data: {} }));
    expect(other).toMatchObject({ ok: false, authentic: true });
  });
});
