import { describe, expect, it } from "vitest";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { XenditGateway } from "../../workers/payments/gateways/xendit";
import { money } from "../../workers/platform/money";
import { basic, gatewayFailure, json, recordingFetch } from "./helpers";

const SECRET_KEY = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw==";
const CALLBACK_TOKEN = "x9Qm4vT2kL8pR1zW6yB3nC7dF0gH5jK2";
const PAYMENT_ID = "pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G";

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(15_000_000, "IDR"),
  method: "bca_va",
  customer: { email: "budi@example.com", phone: "+6281234567890", name: "Budi Santoso" },
  description: "Tchat order ID-260305-0001",
  returnUrl: "https://app.tchat.example/payments/return",
  locale: "id",
  expiresAt: new Date("2026-03-06T07:30:00Z"),
  ...overrides,
});

const gateway = (fetchFn: typeof fetch) =>
  new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN }, fetchFn);

function fixedVa(overrides: Record<string, unknown> = {}) {
  return {
    id: "65f0c1a2b3c4d5e6f7a8b9c0",
    owner_id: "5fd1c319b9986239d7ec5567",
    external_id: PAYMENT_ID,
    merchant_code: "10766",
    account_number: "107669999123456",
    bank_code: "BCA",
    name: "Budi Santoso",
    is_closed: true,
    expected_amount: 150000,
    expiration_date: "2026-03-06T07:30:00.000Z",
    is_single_use: true,
    status: "PENDING",
    currency: "IDR",
    country: "ID",
    ...overrides,
  };
}

/** An e-wallet charge as POST /ewallets/charges answers it (202, status PENDING). */
function ewalletCharge(channel: string, currency: string, amount: number, actions: Record<string, string | null>) {
  return {
    id: "ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2",
    business_id: "5f218745736e619164dc8608",
    reference_id: PAYMENT_ID,
    status: "PENDING",
    currency,
    charge_amount: amount,
    capture_amount: amount,
    refunded_amount: null,
    checkout_method: "ONE_TIME_PAYMENT",
    channel_code: channel,
    channel_properties: { success_redirect_url: "https://app.tchat.example/payments/return" },
    actions: {
      desktop_web_checkout_url: null,
      mobile_web_checkout_url: null,
      mobile_deeplink_checkout_url: null,
      qr_checkout_string: null,
      ...actions,
    },
    is_redirect_required: Object.values(actions).some(Boolean),
    callback_url: "https://api.tchat.example/api/v1/payments/webhook/xendit",
    created: "2026-03-05T07:30:00.000Z",
    updated: "2026-03-05T07:30:00.000Z",
    void_status: null,
    voided_at: null,
    capture_now: true,
    customer_id: null,
    payment_method_id: null,
    failure_code: null,
    basket: null,
    metadata: { paymentId: PAYMENT_ID },
  };
}

describe("XenditGateway virtual accounts", () => {
  it("creates a closed single-use VA with Basic auth (secret key, empty password) and amounts in rupiah", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, fixedVa()));
    const result = await gateway(fetchFn).createPayment(input());

    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe("https://api.xendit.co/callback_virtual_accounts");
    expect(call.headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(call.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(call.body)).toEqual({
      external_id: PAYMENT_ID,
      bank_code: "BCA",
      name: "Budi Santoso",
      is_closed: true,
      expected_amount: 150000,
      is_single_use: true,
      expiration_date: "2026-03-06T07:30:00.000Z",
      currency: "IDR",
    });
    expect(result).toMatchObject({
      providerRef: "65f0c1a2b3c4d5e6f7a8b9c0",
      nextAction: {
        type: "virtual_account",
        bank: "BCA",
        accountNumber: "107669999123456",
        expiresAt: "2026-03-06T07:30:00.000Z",
      },
    });
  });

  it("uses the documented bank codes and a letters-only name", async () => {
    const banks = ["bni_va", "bri_va", "mandiri_va", "permata_va"];
    const { fetchFn, calls } = recordingFetch(...banks.map(() => json(200, fixedVa())));
    const xendit = gateway(fetchFn);
    for (const method of banks) {
      await xendit.createPayment(input({ method, customer: { name: "Siti N. (Toko 88)" } }));
    }
    expect(calls.map((c) => JSON.parse(c.body).bank_code)).toEqual(["BNI", "BRI", "MANDIRI", "PERMATA"]);
    expect(JSON.parse(calls[0].body).name).toBe("Siti N Toko");
  });
});

describe("XenditGateway e-wallets", () => {
  it("charges ShopeePay (ID) with reference_id = payment id and returns its app deeplink", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(
        202,
        ewalletCharge("ID_SHOPEEPAY", "IDR", 150000, {
          mobile_deeplink_checkout_url: "https://deeplink.alpha.shopeepay.co.id/pay?token=Z3RkZXY",
          qr_checkout_string: "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID",
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input({ method: "shopeepay" }));
    const [call] = calls;
    expect(call.url).toBe("https://api.xendit.co/ewallets/charges");
    expect(call.headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(JSON.parse(call.body)).toEqual({
      reference_id: PAYMENT_ID,
      currency: "IDR",
      amount: 150000,
      checkout_method: "ONE_TIME_PAYMENT",
      channel_code: "ID_SHOPEEPAY",
      channel_properties: { success_redirect_url: "https://app.tchat.example/payments/return" },
      metadata: { paymentId: PAYMENT_ID },
    });
    expect(result.providerRef).toBe("ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2");
    expect(result.nextAction).toEqual({
      type: "deeplink",
      url: "https://deeplink.alpha.shopeepay.co.id/pay?token=Z3RkZXY",
      mobileUrl: "https://deeplink.alpha.shopeepay.co.id/pay?token=Z3RkZXY",
    });
  });

  it("sends OVO the payer's mobile number and nothing to open", async () => {
    const { fetchFn, calls } = recordingFetch(json(202, ewalletCharge("ID_OVO", "IDR", 150000, {})));
    const result = await gateway(fetchFn).createPayment(input({ method: "ovo" }));
    expect(JSON.parse(calls[0].body)).toMatchObject({
      channel_code: "ID_OVO",
      channel_properties: { mobile_number: "+6281234567890" },
    });
    expect(result.nextAction).toEqual({ type: "none", confirmInApp: "OVO" });

    const refused = await gatewayFailure(gateway(fetchFn).createPayment(input({ method: "ovo", customer: {} })));
    expect(refused).toMatchObject({ retryable: false, gatewayCode: "missing_mobile_number" });
  });

  it("redirects DANA to its web checkout", async () => {
    const url = "https://m.sandbox.dana.id/m/portal/cashier/checkout?bizNo=20260305111212800110166050101";
    const { fetchFn } = recordingFetch(
      json(
        202,
        ewalletCharge("ID_DANA", "IDR", 150000, { desktop_web_checkout_url: url, mobile_web_checkout_url: url }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input({ method: "dana" }));
    expect(result.nextAction).toEqual({ type: "redirect", url });
  });

  it("charges GCash in pesos with centavos, with success and failure redirects", async () => {
    const url = "https://ewallet-mock-connector.xendit.co/v1/ewallet_connector/checkouts?token=cdi68oajssgnqje129pg";
    const { fetchFn, calls } = recordingFetch(
      json(
        202,
        ewalletCharge("PH_GCASH", "PHP", 1499.5, { desktop_web_checkout_url: url, mobile_web_checkout_url: url }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(
      input({ method: "gcash", amount: money(149_950, "PHP"), customer: { phone: "+639171234567" } }),
    );
    expect(JSON.parse(calls[0].body)).toMatchObject({
      currency: "PHP",
      amount: 1499.5,
      channel_code: "PH_GCASH",
      channel_properties: {
        success_redirect_url: "https://app.tchat.example/payments/return",
        failure_redirect_url: "https://app.tchat.example/payments/return",
      },
    });
    expect(calls[0].body).toContain('"amount":1499.5');
    expect(result.nextAction).toEqual({ type: "redirect", url });
  });

  it("charges Maya with a cancel redirect too, and the Vietnamese wallets in whole dong", async () => {
    const url = "https://ewallet-mock-connector.xendit.co/v1/ewallet_connector/checkouts?token=vn";
    const { fetchFn, calls } = recordingFetch(
      json(202, ewalletCharge("PH_PAYMAYA", "PHP", 500, { mobile_web_checkout_url: url })),
      json(202, ewalletCharge("VN_MOMO", "VND", 250000, { mobile_web_checkout_url: url })),
      json(202, ewalletCharge("VN_ZALOPAY", "VND", 250000, { desktop_web_checkout_url: url })),
    );
    const xendit = gateway(fetchFn);
    await xendit.createPayment(input({ method: "paymaya", amount: money(50_000, "PHP") }));
    const momo = await xendit.createPayment(input({ method: "momo", amount: money(250_000, "VND") }));
    await xendit.createPayment(input({ method: "zalopay", amount: money(250_000, "VND") }));
    expect(JSON.parse(calls[0].body).channel_properties).toHaveProperty(
      "cancel_redirect_url",
      "https://app.tchat.example/payments/return",
    );
    expect(JSON.parse(calls[1].body)).toMatchObject({ currency: "VND", amount: 250000, channel_code: "VN_MOMO" });
    expect(JSON.parse(calls[2].body)).toMatchObject({ channel_code: "VN_ZALOPAY" });
    expect(momo.nextAction).toEqual({ type: "redirect", url });
  });

  it("supports each method only in its own currency", () => {
    const xendit = gateway(recordingFetch().fetchFn);
    expect(xendit.supports("bca_va", "IDR")).toBe(true);
    expect(xendit.supports("ovo", "IDR")).toBe(true);
    expect(xendit.supports("gcash", "PHP")).toBe(true);
    expect(xendit.supports("momo", "VND")).toBe(true);
    expect(xendit.supports("gcash", "IDR")).toBe(false);
    expect(xendit.supports("momo", "THB")).toBe(false);
    expect(xendit.supports("card", "IDR")).toBe(false);
    expect(xendit.supports("qris", "IDR")).toBe(false);
  });

  it("classifies Xendit errors: validation and duplicates final, rate limits and channel outages retryable", async () => {
    const { fetchFn } = recordingFetch(
      json(400, { error_code: "API_VALIDATION_ERROR", message: "amount must be greater than or equal to 100" }),
      json(401, { error_code: "INVALID_API_KEY", message: "API key is not authorized for this API service" }),
      json(409, { error_code: "DUPLICATE_ERROR", message: "reference_id has been used before" }),
      json(429, { error_code: "RATE_LIMIT_EXCEEDED", message: "Too many requests" }, { "Retry-After": "30" }),
      json(503, {
        error_code: "CHANNEL_UNAVAILABLE",
        message: "The payment channel requested is currently experiencing unexpected issues",
      }),
    );
    const xendit = gateway(fetchFn);
    const run = () => gatewayFailure(xendit.createPayment(input({ method: "dana" })));
    expect(await run()).toMatchObject({ status: 400, retryable: false, gatewayCode: "API_VALIDATION_ERROR" });
    expect(await run()).toMatchObject({ status: 401, retryable: false, gatewayCode: "INVALID_API_KEY" });
    expect(await run()).toMatchObject({ status: 409, retryable: false, gatewayCode: "DUPLICATE_ERROR" });
    expect(await run()).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 30 });
    expect(await run()).toMatchObject({ status: 503, retryable: true, gatewayCode: "CHANNEL_UNAVAILABLE" });
  });
});

describe("XenditGateway.refund", () => {
  it("refunds an e-wallet charge via POST /ewallets/charges/{id}/refunds", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        id: "ewr_532as23lew2321id",
        charge_id: "ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2",
        status: "PENDING",
        currency: "PHP",
        channel_code: "PH_GCASH",
        capture_amount: 1499.5,
        refund_amount: 500.25,
        reason: "Seller cancelled an item",
        failure_code: null,
        created: "2026-03-06T07:30:00.000Z",
        updated: "2026-03-06T07:30:00.000Z",
      }),
    );
    const result = await gateway(fetchFn).refund({
      paymentId: PAYMENT_ID,
      providerRef: "ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2",
      amount: money(50_025, "PHP"),
      reason: "Seller cancelled an item",
      refundId: "rfd_01HZX8Q5Y2R4M6N8P0S2T4V6W8",
    });
    expect(result).toEqual({ providerRefundRef: "ewr_532as23lew2321id", status: "pending" });
    // Sent again after a lost answer, the same key makes it the same refund at Xendit.
    expect(calls[0].headers.get("X-IDEMPOTENCY-KEY")).toBe("rfd_01HZX8Q5Y2R4M6N8P0S2T4V6W8");
    expect(calls[0].url).toBe("https://api.xendit.co/ewallets/charges/ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2/refunds");
    expect(calls[0].headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(JSON.parse(calls[0].body)).toEqual({ amount: 500.25, reason: "Seller cancelled an item" });
  });

  it("refuses to refund a VA payment through the API, without calling Xendit", async () => {
    const { fetchFn, calls } = recordingFetch();
    const error = await gatewayFailure(
      gateway(fetchFn).refund({
        paymentId: PAYMENT_ID,
        providerRef: "65f0c1a2b3c4d5e6f7a8b9c0",
        amount: money(15_000_000, "IDR"),
      }),
    );
    expect(error).toMatchObject({ retryable: false, gatewayCode: "refund_not_supported" });
    expect(calls).toHaveLength(0);
  });
});

const callbackHeaders = (token: string | null = CALLBACK_TOKEN) =>
  new Headers({ "Content-Type": "application/json", ...(token === null ? {} : { "x-callback-token": token }) });

/** The callback Xendit posts when a fixed VA is paid. */
const vaPaid = {
  updated: "2026-03-05T08:01:52.896Z",
  created: "2026-03-05T08:01:52.896Z",
  payment_id: "1709625712722",
  callback_virtual_account_id: "65f0c1a2b3c4d5e6f7a8b9c0",
  owner_id: "5fd1c319b9986239d7ec5567",
  external_id: PAYMENT_ID,
  account_number: "107669999123456",
  bank_code: "BCA",
  amount: 150000,
  transaction_timestamp: "2026-03-05T08:01:52.722Z",
  merchant_code: "10766",
  id: "65f0c5201b6ce2a355f46070",
};

function ewalletCapture(status: string, currency: string, amount: number) {
  return {
    created: "2026-03-05T07:31:54.633Z",
    business_id: "5f218745736e619164dc8608",
    event: "ewallet.capture",
    api_version: null,
    data: {
      ...ewalletCharge("PH_GCASH", currency, amount, {}),
      status,
      failure_code: status === "FAILED" ? "USER_DID_NOT_AUTHORIZE_THE_PAYMENT" : null,
    },
  };
}

describe("XenditGateway.verifyWebhook", () => {
  const xendit = gateway(recordingFetch().fetchFn);

  it("accepts a VA payment callback with the right token; rupiah become minor units", async () => {
    const result = await xendit.verifyWebhook({ headers: callbackHeaders(), rawBody: JSON.stringify(vaPaid) });
    expect(result).toEqual({
      ok: true,
      event: {
        eventId: "va:1709625712722",
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(15_000_000, "IDR"),
        providerRef: "65f0c1a2b3c4d5e6f7a8b9c0",
        raw: vaPaid,
      },
    });
  });

  it("maps e-wallet captures: SUCCEEDED and FAILED, amounts in major units converted exactly", async () => {
    const succeeded = await xendit.verifyWebhook({
      headers: callbackHeaders(),
      rawBody: JSON.stringify(ewalletCapture("SUCCEEDED", "PHP", 1499.5)),
    });
    expect(succeeded.ok && succeeded.event).toMatchObject({
      eventId: "ewallet.capture:ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2:SUCCEEDED",
      paymentId: PAYMENT_ID,
      outcome: "succeeded",
      amount: money(149_950, "PHP"),
      providerRef: "ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2",
    });
    const failed = await xendit.verifyWebhook({
      headers: callbackHeaders(),
      rawBody: JSON.stringify(ewalletCapture("FAILED", "VND", 250000)),
    });
    expect(failed.ok && failed.event).toMatchObject({ outcome: "failed", amount: money(250_000, "VND") });
  });

  it("refuses a wrong, missing or differently-cased token before reading the body", async () => {
    const rawBody = JSON.stringify(vaPaid);
    expect(
      await xendit.verifyWebhook({ headers: callbackHeaders("x9Qm4vT2kL8pR1zW6yB3nC7dF0gH5jK3"), rawBody }),
    ).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(
      await xendit.verifyWebhook({ headers: callbackHeaders(CALLBACK_TOKEN.toLowerCase()), rawBody }),
    ).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await xendit.verifyWebhook({ headers: callbackHeaders(`${CALLBACK_TOKEN}x`), rawBody })).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await xendit.verifyWebhook({ headers: callbackHeaders(null), rawBody })).toMatchObject({
      ok: false,
      authentic: false,
    });
    expect(await xendit.verifyWebhook({ headers: callbackHeaders("wrong"), rawBody: "not json" })).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("acknowledges but ignores callbacks it does not act on", async () => {
    const vaCreated = { ...vaPaid, payment_id: undefined, status: "ACTIVE", is_closed: true };
    expect(
      await xendit.verifyWebhook({ headers: callbackHeaders(), rawBody: JSON.stringify(vaCreated) }),
    ).toMatchObject({
      ok: false,
      authentic: true,
    });
    expect(
      await xendit.verifyWebhook({
        headers: callbackHeaders(),
        rawBody: JSON.stringify(ewalletCapture("VOIDED", "IDR", 150000)),
      }),
    ).toMatchObject({ ok: false, authentic: true });
  });
});

describe("XenditGateway.fetchStatus and cancelPayment", () => {
  const va = {
    paymentId: PAYMENT_ID,
    providerRef: "65f0c1a2b3c4d5e6f7a8b9c0",
    method: "bca_va",
    amount: money(15_000_000, "IDR"),
  };
  const wallet = {
    paymentId: PAYMENT_ID,
    providerRef: "ewc_bb8c3po-c3po-r2d2-c3po-r2d2c3por2d2",
    method: "gcash",
    amount: money(149_950, "PHP"),
  };

  it("finds a VA payment through GET /transactions?reference_id=; none yet is pending", async () => {
    const transaction = {
      id: "txn_5f218745736e619164dc8608",
      product_id: "65f0c1a2b3c4d5e6f7a8b9c9",
      type: "PAYMENT",
      status: "SUCCESS",
      channel_category: "VIRTUAL_ACCOUNT",
      channel_code: "BCA",
      reference_id: PAYMENT_ID,
      account_identifier: null,
      currency: "IDR",
      amount: 150000,
      cashflow: "MONEY_IN",
    };
    const { fetchFn, calls } = recordingFetch(
      json(200, { has_more: false, data: [transaction], links: [] }),
      json(200, { has_more: false, data: [], links: [] }),
    );
    const xendit = gateway(fetchFn);
    expect(await xendit.fetchStatus(va)).toMatchObject({
      found: true,
      event: {
        eventId: "transaction:txn_5f218745736e619164dc8608",
        outcome: "succeeded",
        amount: money(15_000_000, "IDR"),
      },
    });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe("/transactions");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ reference_id: PAYMENT_ID, types: "PAYMENT" });
    expect(calls[0].headers.get("Authorization")).toBe(basic(SECRET_KEY));
    expect(await xendit.fetchStatus(va)).toMatchObject({ found: true, event: { outcome: "pending" } });
  });

  it("reads an e-wallet charge with GET /ewallets/charges/{id}, as the event its callback carries", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, { ...ewalletCharge("PH_GCASH", "PHP", 1499.5, {}), status: "SUCCEEDED" }),
      json(200, { ...ewalletCharge("PH_GCASH", "PHP", 1499.5, {}), reference_id: "pay_other" }),
    );
    const xendit = gateway(fetchFn);
    expect(await xendit.fetchStatus(wallet)).toMatchObject({
      found: true,
      event: {
        eventId: `ewallet.capture:${wallet.providerRef}:SUCCEEDED`,
        outcome: "succeeded",
        amount: money(149_950, "PHP"),
      },
    });
    expect(calls[0]).toMatchObject({
      method: "GET",
      url: `https://api.xendit.co/ewallets/charges/${wallet.providerRef}`,
    });
    expect(await gatewayFailure(xendit.fetchStatus(wallet))).toMatchObject({ gatewayCode: "malformed_answer" });
  });

  it("expires a VA with PATCH /callback_virtual_accounts/{id}; a pending e-wallet charge cannot be cancelled", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, fixedVa({ status: "INACTIVE" })));
    const xendit = new XenditGateway({ secretKey: SECRET_KEY, callbackToken: CALLBACK_TOKEN }, fetchFn, {
      now: () => new Date("2026-03-05T08:00:00Z"),
    });
    expect(await xendit.cancelPayment(va)).toEqual({ cancelled: true });
    expect(calls[0]).toMatchObject({
      method: "PATCH",
      url: `https://api.xendit.co/callback_virtual_accounts/${va.providerRef}`,
    });
    expect(JSON.parse(calls[0].body)).toEqual({ expiration_date: "2026-03-05T08:00:00.000Z" });
    expect(await xendit.cancelPayment(wallet)).toMatchObject({ cancelled: false });
    expect(calls).toHaveLength(1);
  });

  it("refuses a VA answer without an account number as malformed", async () => {
    const { fetchFn } = recordingFetch(json(200, fixedVa({ account_number: null })));
    expect(await gatewayFailure(gateway(fetchFn).createPayment(input()))).toMatchObject({
      retryable: false,
      gatewayCode: "malformed_answer",
    });
  });
});
