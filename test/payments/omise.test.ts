import { Buffer } from "node:buffer";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OMISE_API_VERSION, OmiseGateway } from "../../workers/payments/gateways/omise";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { money } from "../../workers/platform/money";
import { basic, form, gatewayFailure, json, recordingFetch } from "./helpers";

const SECRET_KEY = "skey_test_5xbl2l0qjv9qmzdevkey01";
// The dashboard shows the webhook secret in base64; the HMAC key is its decoded bytes.
const WEBHOOK_SECRET = "c2VjcmV0LWtleS1mb3ItdGNoYXQtb21pc2Utd2ViaG9va3MtMjAyNg==";
const OLD_WEBHOOK_SECRET = "b2xkLXNlY3JldC1iZWluZy1yb3RhdGVkLW91dA==";
const PAYMENT_ID = "pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G";
const NOW = new Date("2026-03-05T07:30:00Z");
const CHARGE_ID = "chrg_test_5xbl3jkpzdk4s10ahvb";

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(129_950, "THB"), // ฿1,299.50 = 129,950 satang
  method: "promptpay",
  customer: { email: "somchai@example.com" },
  description: "Tchat order TH-260305-0001",
  returnUrl: "https://app.tchat.example/payments/return",
  locale: "th",
  expiresAt: new Date("2026-03-05T07:45:00Z"),
  ...overrides,
});

const gateway = (fetchFn: typeof fetch) =>
  new OmiseGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }, fetchFn);

const source = {
  object: "source",
  id: "src_test_5xbl3ji3p5hoyf2mwpb",
  livemode: false,
  location: "/sources/src_test_5xbl3ji3p5hoyf2mwpb",
  amount: 129950,
  barcode: null,
  bank: null,
  created_at: "2026-03-05T07:30:00Z",
  currency: "THB",
  email: null,
  flow: "offline",
  installment_term: null,
  name: null,
  mobile_number: null,
  phone_number: null,
  scannable_code: null,
  references: null,
  store_id: null,
  store_name: null,
  terminal_id: null,
  type: "promptpay",
  zero_interest_installments: null,
  charge_status: "unknown",
};

function charge(overrides: Record<string, unknown> = {}) {
  return {
    object: "charge",
    id: CHARGE_ID,
    location: `/charges/${CHARGE_ID}`,
    livemode: false,
    amount: 129950,
    net: 0,
    fee: 0,
    fee_vat: 0,
    currency: "THB",
    description: "Tchat order TH-260305-0001",
    metadata: { paymentId: PAYMENT_ID },
    status: "pending",
    capture: true,
    authorized: false,
    paid: false,
    transaction: null,
    card: null,
    refunded_amount: 0,
    refunds: { object: "list", data: [], limit: 20, offset: 0, total: 0 },
    failure_code: null,
    failure_message: null,
    customer: null,
    ip: null,
    dispute: null,
    return_uri: "https://app.tchat.example/payments/return",
    authorize_uri: null,
    expires_at: "2026-03-06T07:30:00Z",
    expired: false,
    reversed: false,
    voided: false,
    source: null,
    created_at: "2026-03-05T07:30:00Z",
    ...overrides,
  };
}

const qrImage = `https://api.omise.co/charges/${CHARGE_ID}/documents/docu_test_5xbl3jlv4jv1cz0mqlj/downloads/B3F0A7C1E0F2D8A4`;

describe("OmiseGateway.createPayment", () => {
  it("creates a promptpay source, then a charge on it, in satang with Basic auth", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, source),
      json(
        200,
        charge({
          source: {
            ...source,
            charge_status: "pending",
            scannable_code: {
              object: "barcode",
              type: "qr",
              image: {
                object: "document",
                livemode: false,
                id: "docu_test_5xbl3jlv4jv1cz0mqlj",
                deleted: false,
                filename: "qrcode.svg",
                location: `/charges/${CHARGE_ID}/documents/docu_test_5xbl3jlv4jv1cz0mqlj`,
                kind: "qr",
                download_uri: qrImage,
                created_at: "2026-03-05T07:30:00Z",
              },
            },
          },
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input());

    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.method).toBe("POST");
      expect(call.headers.get("Authorization")).toBe(basic(SECRET_KEY));
      expect(call.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
      expect(call.headers.get("Omise-Version")).toBe(OMISE_API_VERSION);
    }
    expect(calls[0].url).toBe("https://api.omise.co/sources");
    expect(form(calls[0].body)).toEqual({ type: "promptpay", amount: "129950", currency: "thb" });
    expect(calls[1].url).toBe("https://api.omise.co/charges");
    expect(form(calls[1].body)).toEqual({
      amount: "129950",
      currency: "thb",
      description: "Tchat order TH-260305-0001",
      "metadata[paymentId]": PAYMENT_ID,
      return_uri: "https://app.tchat.example/payments/return",
      source: "src_test_5xbl3ji3p5hoyf2mwpb",
    });
    expect(result.providerRef).toBe(CHARGE_ID);
    expect(result.nextAction).toEqual({ type: "qr", imageUrl: qrImage, expiresAt: "2026-03-06T07:30:00.000Z" });
  });

  it("charges a card token from Omise.js and redirects to 3-D Secure", async () => {
    const authorize = "https://api.omise.co/payments/paym_test_5xbl3k0p3j2m8q1fyvd/authorize";
    const { fetchFn, calls } = recordingFetch(
      json(
        200,
        charge({
          authorize_uri: authorize,
          card: {
            object: "card",
            id: "card_test_5xbl3jz2v1",
            brand: "Visa",
            last_digits: "4242",
            security_code_check: true,
          },
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(
      input({ method: "card", paymentToken: "tokn_test_5xbl3jqtmmjbikjg5v1" }),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("https://api.omise.co/charges");
    expect(form(calls[0].body)).toMatchObject({
      card: "tokn_test_5xbl3jqtmmjbikjg5v1",
      amount: "129950",
      currency: "thb",
    });
    expect(result.nextAction).toEqual({ type: "redirect", url: authorize });
  });

  it("returns nothing to do for a card charged at once, and a final error for a declined one", async () => {
    const { fetchFn } = recordingFetch(
      json(200, charge({ status: "successful", authorized: true, paid: true, transaction: "trxn_test_5xbl3k" })),
      json(
        200,
        charge({
          status: "failed",
          failure_code: "insufficient_fund",
          failure_message: "insufficient funds in the account or the card has reached the credit limit",
        }),
      ),
    );
    const omise = gateway(fetchFn);
    const paid = await omise.createPayment(input({ method: "card", paymentToken: "tokn_test_ok" }));
    expect(paid.nextAction).toEqual({ type: "none" });
    const declined = await gatewayFailure(
      omise.createPayment(input({ method: "card", paymentToken: "tokn_test_declined" })),
    );
    expect(declined).toMatchObject({ retryable: false, gatewayCode: "insufficient_fund" });
  });

  it("needs a token for cards and takes only THB, without calling Omise", async () => {
    const { fetchFn, calls } = recordingFetch();
    const omise = gateway(fetchFn);
    expect(omise.supports("promptpay", "THB")).toBe(true);
    expect(omise.supports("card", "THB")).toBe(true);
    expect(omise.supports("card", "SGD")).toBe(false);
    expect(await gatewayFailure(omise.createPayment(input({ method: "card" })))).toMatchObject({
      retryable: false,
      gatewayCode: "missing_token",
    });
    expect(await gatewayFailure(omise.createPayment(input({ amount: money(100_000, "SGD") })))).toMatchObject({
      gatewayCode: "unsupported_method",
    });
    expect(calls).toHaveLength(0);
  });

  it("classifies Omise errors", async () => {
    const { fetchFn } = recordingFetch(
      json(401, {
        object: "error",
        location: "https://www.omise.co/api-errors#authentication-failure",
        code: "authentication_failure",
        message: "authentication failed",
      }),
      json(400, {
        object: "error",
        location: "https://www.omise.co/api-errors#invalid-charge",
        code: "invalid_charge",
        message: "amount must be greater than or equal to ฿20 (2000 satangs)",
      }),
      json(503, {
        object: "error",
        location: "https://www.omise.co/api-errors#service-not-available",
        code: "service_not_available",
        message: "the service is not available",
      }),
    );
    const omise = gateway(fetchFn);
    expect(await gatewayFailure(omise.createPayment(input()))).toMatchObject({
      status: 401,
      retryable: false,
      gatewayCode: "authentication_failure",
    });
    expect(await gatewayFailure(omise.createPayment(input()))).toMatchObject({ status: 400, retryable: false });
    expect(await gatewayFailure(omise.createPayment(input()))).toMatchObject({ status: 503, retryable: true });
  });
});

describe("OmiseGateway.refund", () => {
  it("POSTs /charges/{id}/refunds with the amount in satang and our ids in metadata", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        object: "refund",
        id: "rfnd_test_5xbl4z2aqwe1dkq0ty3",
        location: `/charges/${CHARGE_ID}/refunds/rfnd_test_5xbl4z2aqwe1dkq0ty3`,
        livemode: false,
        voided: false,
        currency: "THB",
        amount: 50000,
        metadata: { paymentId: PAYMENT_ID, refundId: "rf_01JNQ8" },
        charge: CHARGE_ID,
        transaction: "trxn_test_5xbl4z2bb1t7o0f3sv1",
        status: "closed",
        created_at: "2026-03-06T07:30:00Z",
      }),
    );
    const result = await gateway(fetchFn).refund({
      paymentId: PAYMENT_ID,
      providerRef: CHARGE_ID,
      amount: money(50_000, "THB"),
      refundId: "rf_01JNQ8",
      reason: "ผู้ขายยกเลิกสินค้า",
    });
    expect(result).toEqual({ providerRefundRef: "rfnd_test_5xbl4z2aqwe1dkq0ty3", status: "succeeded" });
    expect(calls[0].url).toBe(`https://api.omise.co/charges/${CHARGE_ID}/refunds`);
    expect(calls[0].headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(calls[0].headers.get("Idempotency-Key")).toBe("rf_01JNQ8");
    expect(form(calls[0].body)).toEqual({
      amount: "50000",
      "metadata[paymentId]": PAYMENT_ID,
      "metadata[refundId]": "rf_01JNQ8",
      "metadata[reason]": "ผู้ขายยกเลิกสินค้า",
    });
  });
});

function event(key: string, data: Record<string, unknown>, id = "evnt_test_5xbl3kqx2n1w8uzty4p") {
  return {
    object: "event",
    id,
    livemode: false,
    location: `/events/${id}`,
    webhook_deliveries: [],
    data,
    key,
    created_at: "2026-03-05T07:31:02Z",
  };
}

/** Signs like Omise: hex HMAC-SHA256, key = base64-decoded secret, over "<timestamp>.<raw body>" (node:crypto). */
function signed(payload: unknown, timestamp = Math.floor(NOW.getTime() / 1000), secrets = [WEBHOOK_SECRET]) {
  const rawBody = JSON.stringify(payload);
  const signatures = secrets.map((s) =>
    createHmac("sha256", Buffer.from(s, "base64")).update(`${timestamp}.${rawBody}`).digest("hex"),
  );
  return {
    rawBody,
    headers: new Headers({
      "Content-Type": "application/json",
      "Omise-Signature": signatures.join(","),
      "Omise-Signature-Timestamp": String(timestamp),
    }),
  };
}

describe("OmiseGateway.verifyWebhook", () => {
  const omise = gateway(recordingFetch().fetchFn);
  const complete = event("charge.complete", charge({ status: "successful", paid: true, authorized: true }));

  it("verifies the HMAC and maps charge.complete with amounts in satang", async () => {
    const result = await omise.verifyWebhook(signed(complete), NOW);
    expect(result).toEqual({
      ok: true,
      event: {
        eventId: "evnt_test_5xbl3kqx2n1w8uzty4p",
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(129_950, "THB"),
        providerRef: CHARGE_ID,
        raw: complete,
      },
    });
  });

  it("accepts either of two signatures during a secret rotation", async () => {
    const rotating = signed(complete, undefined, [OLD_WEBHOOK_SECRET, WEBHOOK_SECRET]);
    expect(rotating.headers.get("Omise-Signature")).toContain(",");
    expect((await omise.verifyWebhook(rotating, NOW)).ok).toBe(true);
  });

  it("maps failed and expired charges and refunds", async () => {
    const failed = await omise.verifyWebhook(
      signed(event("charge.complete", charge({ status: "failed", failure_code: "payment_rejected" }), "evnt_failed")),
      NOW,
    );
    expect(failed.ok && failed.event.outcome).toBe("failed");
    const expired = await omise.verifyWebhook(
      signed(event("charge.expire", charge({ status: "expired", expired: true }), "evnt_expired")),
      NOW,
    );
    expect(expired.ok && expired.event.outcome).toBe("expired");
    const refunded = await omise.verifyWebhook(
      signed(
        event(
          "refund.create",
          {
            object: "refund",
            id: "rfnd_test_1",
            amount: 50000,
            currency: "THB",
            charge: CHARGE_ID,
            metadata: { paymentId: PAYMENT_ID },
          },
          "evnt_refund",
        ),
      ),
      NOW,
    );
    expect(refunded.ok && refunded.event).toMatchObject({
      outcome: "refunded",
      amount: money(50_000, "THB"),
      providerRef: CHARGE_ID,
    });
  });

  it("refuses a forged signature, another secret, a tampered body, and stale or future timestamps", async () => {
    const good = signed(complete);
    const forged = new Headers(good.headers);
    forged.set("Omise-Signature", "0".repeat(64));
    expect(await omise.verifyWebhook({ headers: forged, rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    expect(await omise.verifyWebhook(signed(complete, undefined, [OLD_WEBHOOK_SECRET]), NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    const tampered = good.rawBody.replace('"amount":129950', '"amount":100');
    expect(tampered).not.toBe(good.rawBody);
    expect(await omise.verifyWebhook({ headers: good.headers, rawBody: tampered }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    const stale = signed(complete, Math.floor(NOW.getTime() / 1000) - 301);
    expect(await omise.verifyWebhook(stale, NOW)).toMatchObject({ ok: false, authentic: false });
    const justInTime = signed(complete, Math.floor(NOW.getTime() / 1000) - 299);
    expect((await omise.verifyWebhook(justInTime, NOW)).ok).toBe(true);
    const future = signed(complete, Math.floor(NOW.getTime() / 1000) + 600);
    expect(await omise.verifyWebhook(future, NOW)).toMatchObject({ ok: false, authentic: false });

    // The timestamp is signed too: moving it forward breaks the signature.
    const moved = new Headers(good.headers);
    moved.set("Omise-Signature-Timestamp", String(Math.floor(NOW.getTime() / 1000) + 1));
    expect(await omise.verifyWebhook({ headers: moved, rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    expect(await omise.verifyWebhook({ headers: new Headers(), rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("refuses a webhook secret that is not base64", () => {
    expect(
      () => new OmiseGateway({ secretKey: SECRET_KEY, webhookSecret: "not base64!" }, recordingFetch().fetchFn),
    ).toThrow(/base64/);
  });
});

describe("OmiseGateway.fetchStatus and cancelPayment", () => {
  const reference = {
    paymentId: PAYMENT_ID,
    providerRef: CHARGE_ID,
    method: "promptpay",
    amount: money(129_950, "THB"),
  };

  it("retrieves GET /charges/{id} and reads its status as an event", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, charge({ status: "successful", paid: true })),
      json(200, charge({ status: "expired", expired: true })),
      json(404, {
        object: "error",
        location: "https://www.omise.co/api-errors#not-found",
        code: "not_found",
        message: "charge was not found",
      }),
    );
    const omise = gateway(fetchFn);
    expect(await omise.fetchStatus(reference)).toEqual({
      found: true,
      event: {
        eventId: `status:${CHARGE_ID}:successful`,
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(129_950, "THB"),
        providerRef: CHARGE_ID,
        raw: expect.anything(),
      },
    });
    expect(calls[0]).toMatchObject({ method: "GET", url: `https://api.omise.co/charges/${CHARGE_ID}`, body: "" });
    expect(calls[0].headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(await omise.fetchStatus(reference)).toMatchObject({ event: { outcome: "expired" } });
    expect(await omise.fetchStatus(reference)).toEqual({ found: false, reason: "Omise has no such charge" });
  });

  it("cannot look a charge up without its id, and refuses another payment's charge", async () => {
    const { fetchFn } = recordingFetch(json(200, charge({ metadata: { paymentId: "pay_other" } })));
    const omise = gateway(fetchFn);
    expect(await gatewayFailure(omise.fetchStatus({ ...reference, providerRef: undefined }))).toMatchObject({
      gatewayCode: "no_charge_id",
    });
    expect(await gatewayFailure(omise.fetchStatus(reference))).toMatchObject({ gatewayCode: "malformed_answer" });
  });

  it("expires a pending charge with POST /charges/{id}/expire; one no longer pending cannot be", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, charge({ status: "expired", expired: true })),
      json(400, { object: "error", code: "failed_expire", message: "charge cannot be expired" }),
    );
    const omise = gateway(fetchFn);
    expect(await omise.cancelPayment(reference)).toEqual({ cancelled: true });
    expect(calls[0]).toMatchObject({ method: "POST", url: `https://api.omise.co/charges/${CHARGE_ID}/expire` });
    expect(await omise.cancelPayment(reference)).toEqual({ cancelled: false, reason: "charge cannot be expired" });
  });

  it("refuses a charge answer in an unknown shape before reading it", async () => {
    const { fetchFn } = recordingFetch(json(200, source), json(200, charge({ id: "not-a-charge", status: "weird" })));
    expect(await gatewayFailure(gateway(fetchFn).createPayment(input()))).toMatchObject({
      retryable: false,
      gatewayCode: "malformed_answer",
    });
  });
});
