import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MidtransGateway } from "../../workers/payments/gateways/midtrans";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { money } from "../../workers/platform/money";
import { basic, gatewayFailure, json, recordingFetch } from "./helpers";

const SERVER_KEY = "SB-Mid-server-TQ3mDev9pLx2aB7cK1zR4wYe";
const PAYMENT_ID = "pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G";
const NOW = new Date("2026-03-05T07:30:00Z"); // 14:30:00 in Jakarta
const SANDBOX = "https://api.sandbox.midtrans.com";

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(15_000_000, "IDR"), // Rp 150.000
  method: "bca_va",
  customer: { email: "budi@example.com", phone: "+6281234567890", name: "Budi Santoso" },
  description: "Tchat order ID-260305-0001",
  returnUrl: "https://app.tchat.example/payments/return",
  locale: "id",
  expiresAt: new Date("2026-03-05T07:45:00Z"),
  ...overrides,
});

const gateway = (fetchFn: typeof fetch, baseUrl?: string) =>
  new MidtransGateway({ serverKey: SERVER_KEY, baseUrl }, fetchFn, { now: () => NOW });

/** What the Core API answers for a charge: the shared fields plus each method's own. */
function chargeResponse(extra: Record<string, unknown>) {
  return {
    status_code: "201",
    transaction_id: "be03df7d-2f97-4c8c-a53c-8959f1b67295",
    order_id: PAYMENT_ID,
    merchant_id: "G812785002",
    gross_amount: "150000.00",
    currency: "IDR",
    transaction_time: "2026-03-05 14:30:00",
    transaction_status: "pending",
    fraud_status: "accept",
    expiry_time: "2026-03-05 14:45:00",
    ...extra,
  };
}

const sharedBody = {
  transaction_details: { order_id: PAYMENT_ID, gross_amount: 150000 },
  custom_expiry: { order_time: "2026-03-05 14:30:00 +0700", expiry_duration: 15, unit: "minute" },
  customer_details: { first_name: "Budi Santoso", email: "budi@example.com", phone: "+6281234567890" },
};

describe("MidtransGateway.createPayment", () => {
  it("charges a BCA VA via POST /v2/charge with Basic server-key auth, whole rupiah and a custom expiry", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(
        201,
        chargeResponse({
          status_message: "Success, Bank Transfer transaction is created",
          payment_type: "bank_transfer",
          va_numbers: [{ bank: "bca", va_number: "12785002530231" }],
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input());

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe(`${SANDBOX}/v2/charge`);
    expect(call.headers.get("Authorization")).toBe(basic(SERVER_KEY));
    expect(call.headers.get("Content-Type")).toBe("application/json");
    expect(call.headers.get("Accept")).toBe("application/json");
    expect(JSON.parse(call.body)).toEqual({
      payment_type: "bank_transfer",
      bank_transfer: { bank: "bca" },
      ...sharedBody,
    });

    expect(result.providerRef).toBe("be03df7d-2f97-4c8c-a53c-8959f1b67295");
    expect(result.nextAction).toEqual({
      type: "virtual_account",
      bank: "BCA",
      accountNumber: "12785002530231",
      expiresAt: "2026-03-05T07:45:00.000Z", // 14:45 WIB
    });
  });

  it("charges BNI and BRI VAs, and Permata as bank_transfer answered with permata_va_number", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(
        200,
        chargeResponse({ payment_type: "bank_transfer", va_numbers: [{ bank: "bni", va_number: "9881234567890123" }] }),
      ),
      json(
        200,
        chargeResponse({
          payment_type: "bank_transfer",
          va_numbers: [{ bank: "bri", va_number: "123456789012345678" }],
        }),
      ),
      json(
        200,
        chargeResponse({
          status_message: "Success, PERMATA VA transaction is successful",
          payment_type: "bank_transfer",
          permata_va_number: "8778000002332015",
        }),
      ),
    );
    const midtrans = gateway(fetchFn, "https://api.midtrans.com");
    const bni = await midtrans.createPayment(input({ method: "bni_va" }));
    const bri = await midtrans.createPayment(input({ method: "bri_va" }));
    const permata = await midtrans.createPayment(input({ method: "permata_va" }));
    expect(calls.map((c) => c.url)).toEqual(Array(3).fill("https://api.midtrans.com/v2/charge"));
    expect(calls.map((c) => JSON.parse(c.body).bank_transfer)).toEqual([
      { bank: "bni" },
      { bank: "bri" },
      { bank: "permata" },
    ]);
    expect(bni.nextAction).toMatchObject({ bank: "BNI", accountNumber: "9881234567890123" });
    expect(bri.nextAction).toMatchObject({ bank: "BRI", accountNumber: "123456789012345678" });
    expect(permata.nextAction).toMatchObject({
      type: "virtual_account",
      bank: "PERMATA",
      accountNumber: "8778000002332015",
    });
  });

  it("charges GoPay with a callback to the app and returns its QR page and app deeplink", async () => {
    const tx = "231c79c5-e39e-4993-86da-cadcaee56c1d";
    const { fetchFn, calls } = recordingFetch(
      json(
        200,
        chargeResponse({
          status_message: "GoPay transaction is created",
          transaction_id: tx,
          payment_type: "gopay",
          actions: [
            { name: "generate-qr-code", method: "GET", url: `${SANDBOX}/v2/gopay/${tx}/qr-code` },
            {
              name: "deeplink-redirect",
              method: "GET",
              url: `https://simulator.sandbox.midtrans.com/gopay/partner/app/payment-pin?id=${tx}`,
            },
            { name: "get-status", method: "GET", url: `${SANDBOX}/v2/${tx}/status` },
            { name: "cancel", method: "POST", url: `${SANDBOX}/v2/${tx}/cancel` },
          ],
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input({ method: "gopay" }));
    expect(JSON.parse(calls[0].body)).toEqual({
      payment_type: "gopay",
      gopay: { enable_callback: true, callback_url: "https://app.tchat.example/payments/return" },
      ...sharedBody,
    });
    expect(result.nextAction).toEqual({
      type: "deeplink",
      url: `${SANDBOX}/v2/gopay/${tx}/qr-code`,
      mobileUrl: `https://simulator.sandbox.midtrans.com/gopay/partner/app/payment-pin?id=${tx}`,
    });
  });

  it("charges QRIS and returns the QR string to render", async () => {
    const tx = "01bf5e23-7183-4cfe-862c-58a3f6e8f0a2";
    const qrString =
      "00020101021226620014COM.GO-JEK.WWW011893600914302260545402100000000000020303UME51440014ID.CO.QRIS.WWW0215ID20200340731930303UME5204581253033605406150000.005802ID5904Test6007Jakarta61051234562070703A016304C75C";
    const { fetchFn, calls } = recordingFetch(
      json(
        200,
        chargeResponse({
          status_message: "QRIS transaction is created",
          transaction_id: tx,
          payment_type: "qris",
          actions: [{ name: "generate-qr-code", method: "GET", url: `${SANDBOX}/v2/qris/${tx}/qr-code` }],
          qr_string: qrString,
          acquirer: "gopay",
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input({ method: "qris" }));
    expect(JSON.parse(calls[0].body)).toEqual({ payment_type: "qris", qris: { acquirer: "gopay" }, ...sharedBody });
    expect(result.nextAction).toEqual({
      type: "qr",
      qrString,
      imageUrl: `${SANDBOX}/v2/qris/${tx}/qr-code`,
      expiresAt: "2026-03-05T07:45:00.000Z",
    });
  });

  it("refuses other currencies, other methods and fractional rupiah before calling Midtrans", async () => {
    const { fetchFn, calls } = recordingFetch();
    const midtrans = gateway(fetchFn);
    expect(midtrans.supports("bca_va", "IDR")).toBe(true);
    expect(midtrans.supports("bca_va", "THB")).toBe(false);
    expect(midtrans.supports("ovo", "IDR")).toBe(false);
    expect(await gatewayFailure(midtrans.createPayment(input({ amount: money(129_950, "THB") })))).toMatchObject({
      retryable: false,
      gatewayCode: "unsupported_method",
    });
    expect(await gatewayFailure(midtrans.createPayment(input({ amount: money(15_000_050, "IDR") })))).toMatchObject({
      retryable: false,
      gatewayCode: "invalid_amount",
    });
    expect(calls).toHaveLength(0);
  });

  it("reads the body's status_code: duplicate order ids and validation errors are final, 5xx retryable", async () => {
    const { fetchFn } = recordingFetch(
      json(406, {
        status_code: "406",
        status_message:
          "The request could not be completed due to a conflict with the current state of the target resource, please try again",
        id: "f2b1bd53-0a06-4d1c-a2a2-1e4d7a9a9d1c",
      }),
      json(400, {
        status_code: "400",
        status_message: "One or more parameters in the payload is invalid.",
        validation_messages: ["transaction_details.gross_amount is required"],
        id: "6f7a3c1e-2a1e-4c33-9e38-8e0f7a5f3b21",
      }),
      json(401, {
        status_code: "401",
        status_message: "Access denied due to unauthorized transaction, please check client or server key",
        id: "0d9b0e7c-6a46-4bd7-9a6a-7b4ad7c3f4c2",
      }),
      // Midtrans may put a failure under HTTP 200: the body's status_code decides.
      json(200, {
        status_code: "500",
        status_message: "Sorry. Our system is recovering from unexpected issues. Please retry.",
      }),
      json(200, {
        status_code: "202",
        status_message: "Deny by Bank [BCA] with code [05] and message [Do not honour]",
      }),
      new TypeError("Network connection lost."),
    );
    const midtrans = gateway(fetchFn);
    expect(await gatewayFailure(midtrans.createPayment(input()))).toMatchObject({
      status: 406,
      retryable: false,
      gatewayCode: "406",
    });
    const invalid = await gatewayFailure(midtrans.createPayment(input()));
    expect(invalid).toMatchObject({ retryable: false, gatewayCode: "400" });
    expect(invalid.message).toContain("transaction_details.gross_amount is required");
    expect(await gatewayFailure(midtrans.createPayment(input()))).toMatchObject({
      retryable: false,
      gatewayCode: "401",
    });
    expect(await gatewayFailure(midtrans.createPayment(input()))).toMatchObject({
      status: 200,
      retryable: true,
      gatewayCode: "500",
    });
    expect(await gatewayFailure(midtrans.createPayment(input()))).toMatchObject({
      retryable: false,
      gatewayCode: "202",
    });
    expect(await gatewayFailure(midtrans.createPayment(input()))).toMatchObject({ retryable: true, status: undefined });
  });
});

/** A transaction notification as Midtrans posts it, signed with the server key (computed with node:crypto). */
function notification(fields: Record<string, unknown>, serverKey = SERVER_KEY) {
  const body: Record<string, unknown> = {
    va_numbers: [{ va_number: "12785002530231", bank: "bca" }],
    transaction_time: "2026-03-05 14:30:00",
    transaction_status: "settlement",
    transaction_id: "be03df7d-2f97-4c8c-a53c-8959f1b67295",
    status_message: "midtrans payment notification",
    status_code: "200",
    settlement_time: "2026-03-05 14:36:12",
    payment_type: "bank_transfer",
    payment_amounts: [],
    order_id: PAYMENT_ID,
    merchant_id: "G812785002",
    gross_amount: "150000.00",
    fraud_status: "accept",
    expiry_time: "2026-03-05 14:45:00",
    currency: "IDR",
    ...fields,
  };
  body.signature_key = createHash("sha512")
    .update(`${body.order_id}${body.status_code}${body.gross_amount}${serverKey}`)
    .digest("hex");
  return { headers: new Headers({ "Content-Type": "application/json" }), rawBody: JSON.stringify(body), body };
}

describe("MidtransGateway.verifyWebhook", () => {
  const midtrans = gateway(recordingFetch().fetchFn);

  it("verifies signature_key = SHA-512(order_id + status_code + gross_amount + server key) and converts the amount exactly", async () => {
    const n = notification({});
    const result = await midtrans.verifyWebhook(n);
    expect(result).toEqual({
      ok: true,
      event: {
        eventId: `${PAYMENT_ID}:be03df7d-2f97-4c8c-a53c-8959f1b67295:settlement`,
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: { amount: 15_000_000, currency: "IDR" }, // "150000.00" → Rp 150.000 → 15,000,000 minor units
        providerRef: "be03df7d-2f97-4c8c-a53c-8959f1b67295",
        raw: n.body,
      },
    });
  });

  it("maps every transaction_status", async () => {
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ transaction_status: "capture", fraud_status: "accept", payment_type: "credit_card" }, "succeeded"],
      [{ transaction_status: "capture", fraud_status: "challenge", payment_type: "credit_card" }, "pending"],
      [{ transaction_status: "pending", status_code: "201" }, "pending"],
      [{ transaction_status: "deny", status_code: "202" }, "failed"],
      [{ transaction_status: "cancel", status_code: "200" }, "failed"],
      [{ transaction_status: "failure", status_code: "202" }, "failed"],
      [{ transaction_status: "expire", status_code: "202" }, "expired"],
      [{ transaction_status: "refund", refund_amount: "150000.00" }, "refunded"],
    ];
    for (const [fields, outcome] of cases) {
      const result = await midtrans.verifyWebhook(notification(fields));
      expect(result.ok && result.event.outcome, JSON.stringify(fields)).toBe(outcome);
    }
    const partial = await midtrans.verifyWebhook(
      notification({ transaction_status: "partial_refund", refund_amount: "50000.00" }),
    );
    expect(partial.ok && partial.event).toMatchObject({
      outcome: "refunded",
      amount: money(5_000_000, "IDR"),
      eventId: `${PAYMENT_ID}:be03df7d-2f97-4c8c-a53c-8959f1b67295:partial_refund:5000000`,
    });
  });

  it("refuses a forged signature, another server key, a tampered amount and an edited status", async () => {
    const n = notification({});
    const forged = { ...n.body, signature_key: "0".repeat(128) };
    expect(await midtrans.verifyWebhook({ headers: n.headers, rawBody: JSON.stringify(forged) })).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await midtrans.verifyWebhook(notification({}, "SB-Mid-server-someone-else"))).toMatchObject({
      ok: false,
      authentic: false,
    });
    const tampered = { ...n.body, gross_amount: "1000.00" };
    expect(await midtrans.verifyWebhook({ headers: n.headers, rawBody: JSON.stringify(tampered) })).toMatchObject({
      ok: false,
      authentic: false,
    });
    // transaction_status is outside the signature: a genuine pending notification edited to "settlement"
    // keeps its signed status_code "201" and is refused.
    const pending = notification({ transaction_status: "pending", status_code: "201" });
    const edited = { ...pending.body, transaction_status: "settlement" };
    expect(await midtrans.verifyWebhook({ headers: n.headers, rawBody: JSON.stringify(edited) })).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await midtrans.verifyWebhook({ headers: n.headers, rawBody: "not json" })).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("gives the same event id to every redelivery of one notification", async () => {
    const a = await midtrans.verifyWebhook(notification({}));
    const b = await midtrans.verifyWebhook(notification({ settlement_time: "2026-03-05 14:36:12" }));
    expect(a.ok && b.ok && a.event.eventId === b.event.eventId).toBe(true);
  });
});

const reference = { paymentId: PAYMENT_ID, method: "bca_va", amount: money(15_000_000, "IDR") };

describe("MidtransGateway.fetchStatus, cancelPayment and refund", () => {
  it("reads GET /v2/{order_id}/status as the event its notification carries (same event id)", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, { ...notification({}).body, status_message: "Success, transaction is found" }),
    );
    const status = await gateway(fetchFn).fetchStatus(reference);
    expect(calls[0]).toMatchObject({ method: "GET", url: `${SANDBOX}/v2/${PAYMENT_ID}/status`, body: "" });
    expect(calls[0].headers.get("Authorization")).toBe(basic(SERVER_KEY));
    const webhook = await gateway(recordingFetch().fetchFn).verifyWebhook(notification({}));
    expect(status).toEqual({
      found: true,
      event: {
        eventId: `${PAYMENT_ID}:be03df7d-2f97-4c8c-a53c-8959f1b67295:settlement`,
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(15_000_000, "IDR"),
        providerRef: "be03df7d-2f97-4c8c-a53c-8959f1b67295",
        raw: expect.anything(),
      },
    });
    expect(webhook.ok && status.found && webhook.event.eventId === status.event.eventId).toBe(true);
  });

  it("reads pending and expired (status_code 407) transactions", async () => {
    const { fetchFn } = recordingFetch(
      json(200, { ...notification({ transaction_status: "pending", status_code: "201" }).body }),
      json(200, { ...notification({ transaction_status: "expire", status_code: "407" }).body }),
    );
    const midtrans = gateway(fetchFn);
    expect(await midtrans.fetchStatus(reference)).toMatchObject({ found: true, event: { outcome: "pending" } });
    expect(await midtrans.fetchStatus(reference)).toMatchObject({ found: true, event: { outcome: "expired" } });
  });

  it("reports an order Midtrans never created as not found", async () => {
    const { fetchFn } = recordingFetch(
      json(404, { status_code: "404", status_message: "Transaction doesn't exist.", id: "1b2c3d4e" }),
    );
    expect(await gateway(fetchFn).fetchStatus({ ...reference, paymentId: "pay_unknown" })).toEqual({
      found: false,
      reason: "Midtrans has no transaction with this order_id",
    });
  });

  it("refuses a malformed or foreign status answer, and an outage, as retryable GatewayErrors", async () => {
    const { fetchFn } = recordingFetch(
      json(200, { status_code: "200", transaction_status: "settlement", gross_amount: 150000 }),
      json(200, { ...notification({ order_id: "pay_someone_else" }).body }),
      json(200, { ...notification({ gross_amount: "150000.005" }).body }),
      json(503, { status_code: "503", status_message: "Service unavailable" }),
      new TypeError("Network connection lost."),
    );
    const midtrans = gateway(fetchFn);
    for (let i = 0; i < 3; i++) {
      expect(await gatewayFailure(midtrans.fetchStatus(reference))).toMatchObject({
        retryable: true,
        gatewayCode: "malformed_answer",
      });
    }
    expect(await gatewayFailure(midtrans.fetchStatus(reference))).toMatchObject({ retryable: true, status: 503 });
    expect(await gatewayFailure(midtrans.fetchStatus(reference))).toMatchObject({ retryable: true });
  });

  it("cancels a pending transaction with POST /v2/{order_id}/cancel; 412 means it can no longer be", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        status_code: "200",
        status_message: "Success, transaction is canceled",
        transaction_id: "be03df7d-2f97-4c8c-a53c-8959f1b67295",
        order_id: PAYMENT_ID,
        payment_type: "bank_transfer",
        transaction_time: "2026-03-05 14:30:00",
        transaction_status: "cancel",
        gross_amount: "150000.00",
      }),
      json(412, { status_code: "412", status_message: "Merchant cannot modify the status of the transaction" }),
    );
    const midtrans = gateway(fetchFn);
    expect(await midtrans.cancelPayment(reference)).toEqual({ cancelled: true });
    expect(calls[0]).toMatchObject({ method: "POST", url: `${SANDBOX}/v2/${PAYMENT_ID}/cancel`, body: "" });
    expect(calls[0].headers.get("Authorization")).toBe(basic(SERVER_KEY));
    expect(await midtrans.cancelPayment(reference)).toEqual({
      cancelled: false,
      reason: "Merchant cannot modify the status of the transaction",
    });
  });

  it("refunds via POST /v2/{order_id}/refund with a refund_key and whole rupiah", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        status_code: "200",
        status_message: "Success, refund request is approved",
        transaction_id: "231c79c5-e39e-4993-86da-cadcaee56c1d",
        order_id: PAYMENT_ID,
        payment_type: "gopay",
        transaction_time: "2026-03-05 14:30:00",
        transaction_status: "partial_refund",
        gross_amount: "150000.00",
        refund_chargeback_id: 1,
        refund_amount: "50000.00",
        refund_key: "rf_01JNQ8",
      }),
    );
    const result = await gateway(fetchFn).refund({
      paymentId: PAYMENT_ID,
      providerRef: "231c79c5-e39e-4993-86da-cadcaee56c1d",
      amount: money(5_000_000, "IDR"),
      reason: "Penjual membatalkan pesanan",
      refundId: "rf_01JNQ8",
    });
    expect(result).toEqual({ providerRefundRef: "rf_01JNQ8", status: "succeeded" });
    expect(calls[0].url).toBe(`${SANDBOX}/v2/${PAYMENT_ID}/refund`);
    expect(calls[0].headers.get("Authorization")).toBe(basic(SERVER_KEY));
    expect(JSON.parse(calls[0].body)).toEqual({
      refund_key: "rf_01JNQ8",
      amount: 50000,
      reason: "Penjual membatalkan pesanan",
    });
  });

  it("reports a refund Midtrans cannot make (e.g. a VA payment) as final", async () => {
    const { fetchFn } = recordingFetch(
      json(412, { status_code: "412", status_message: "Merchant cannot modify the status of the transaction" }),
    );
    const error = await gatewayFailure(
      gateway(fetchFn).refund({ paymentId: PAYMENT_ID, providerRef: "x", amount: money(15_000_000, "IDR") }),
    );
    expect(error).toMatchObject({ retryable: false, gatewayCode: "412" });
  });
});
