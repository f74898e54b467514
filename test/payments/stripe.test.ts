import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { fromStripeAmount, StripeGateway, toStripeAmount } from "../../workers/payments/gateways/stripe";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { money } from "../../workers/platform/money";
import { form, gatewayFailure, json, recordingFetch } from "./helpers";

const SECRET_KEY = "sk_test_51Qdev0000000000000000000000000000000000000000000000000000000000000000";
const WEBHOOK_SECRET = "whsec_test_7d2f9a8c1b3e4f5061728394a5b6c7d8";
const PAYMENT_ID = "pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G";
const PI_ID = "pi_3QxYzAB2eZvKYlo21ABCdEFg";
const NOW = new Date("2026-03-05T07:30:00Z");

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(129_950, "THB"),
  method: "card",
  customer: { email: "somchai@example.com", name: "Somchai Jaidee" },
  description: "Tchat order TH-260305-0001",
  returnUrl: "https://app.tchat.example/payments/return",
  locale: "th",
  expiresAt: new Date("2026-03-05T07:45:00Z"),
  ...overrides,
});

/** A PaymentIntent as POST /v1/payment_intents returns it (abridged to the fields a client sees). */
function paymentIntent(overrides: Record<string, unknown> = {}) {
  return {
    id: PI_ID,
    object: "payment_intent",
    amount: 129950,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${PI_ID}_secret_Rk3mZ0qvW1bT7yL2uXh9sJc4d`,
    confirmation_method: "automatic",
    created: 1772695800,
    currency: "thb",
    customer: null,
    description: "Tchat order TH-260305-0001",
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: { paymentId: PAYMENT_ID },
    next_action: null,
    payment_method: null,
    payment_method_types: ["card"],
    receipt_email: "somchai@example.com",
    status: "requires_payment_method",
    ...overrides,
  };
}

const gateway = (fetchFn: typeof fetch) =>
  new StripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }, fetchFn);

describe("StripeGateway.createPayment", () => {
  it("creates a PaymentIntent with the documented form, Bearer auth and the payment id as Idempotency-Key", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, paymentIntent()));
    const result = await gateway(fetchFn).createPayment(input());

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe("https://api.stripe.com/v1/payment_intents");
    expect(call.headers.get("Authorization")).toBe(`Bearer ${SECRET_KEY}`);
    expect(call.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(call.headers.get("Idempotency-Key")).toBe(PAYMENT_ID);
    expect(call.headers.get("Stripe-Version")).toBe(Stripe.API_VERSION);
    expect(form(call.body)).toEqual({
      amount: "129950",
      currency: "thb",
      description: "Tchat order TH-260305-0001",
      "metadata[paymentId]": PAYMENT_ID,
      "payment_method_types[0]": "card",
      receipt_email: "somchai@example.com",
    });
    expect(call.body).toContain("metadata%5BpaymentId%5D=pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G");

    expect(result.providerRef).toBe(PI_ID);
    expect(result.nextAction).toEqual({ type: "none", clientSecret: `${PI_ID}_secret_Rk3mZ0qvW1bT7yL2uXh9sJc4d` });
  });

  it("confirms at once with a Stripe.js PaymentMethod and turns 3-D Secure into a redirect", async () => {
    const threeDs =
      "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1Qdev&payment_intent=pi_3QxYzAB2eZvKYlo21ABCdEFg&payment_intent_client_secret=pi_3QxYzAB2eZvKYlo21ABCdEFg_secret_Rk3&publishable_key=pk_test_51Qdev&source=payatt_3QxYz";
    const { fetchFn, calls } = recordingFetch(
      json(
        200,
        paymentIntent({
          status: "requires_action",
          payment_method: "pm_1QxYzAB2eZvKYlo2CardVisa",
          next_action: {
            type: "redirect_to_url",
            redirect_to_url: { return_url: "https://app.tchat.example/payments/return", url: threeDs },
          },
        }),
      ),
    );
    const result = await gateway(fetchFn).createPayment(input({ paymentToken: "pm_1QxYzAB2eZvKYlo2CardVisa" }));
    const sent = form(calls[0].body);
    expect(sent.payment_method).toBe("pm_1QxYzAB2eZvKYlo2CardVisa");
    expect(sent.confirm).toBe("true");
    expect(sent.return_url).toBe("https://app.tchat.example/payments/return");
    expect(result.nextAction).toEqual({ type: "redirect", url: threeDs });
  });

  it("sends VND as Stripe's zero-decimal amount and IDR with two decimals", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, paymentIntent({ amount: 250000, currency: "vnd" })),
      json(200, paymentIntent({ amount: 15000000, currency: "idr" })),
    );
    const stripe = gateway(fetchFn);
    await stripe.createPayment(input({ amount: money(250_000, "VND") }));
    await stripe.createPayment(input({ amount: money(15_000_000, "IDR") }));
    expect(form(calls[0].body)).toMatchObject({ amount: "250000", currency: "vnd" });
    expect(form(calls[1].body)).toMatchObject({ amount: "15000000", currency: "idr" });
    expect(toStripeAmount(money(250_000, "VND"))).toBe(250000);
    expect(fromStripeAmount(250000, "vnd")).toEqual(money(250_000, "VND"));
    expect(fromStripeAmount(15000000, "idr")).toEqual(money(15_000_000, "IDR"));
  });

  it("only takes cards, without calling Stripe for anything else", async () => {
    const { fetchFn, calls } = recordingFetch();
    const stripe = gateway(fetchFn);
    expect(stripe.supports("card", "THB")).toBe(true);
    expect(stripe.supports("card", "VND")).toBe(true);
    expect(stripe.supports("promptpay", "THB")).toBe(false);
    expect(stripe.supports("card", "EUR")).toBe(false);
    const error = await gatewayFailure(stripe.createPayment(input({ method: "gopay" })));
    expect(error).toMatchObject({ retryable: false, gatewayCode: "unsupported_method" });
    expect(calls).toHaveLength(0);
  });

  it("reports a declined card as non-retryable with its decline code", async () => {
    const { fetchFn } = recordingFetch(
      json(402, {
        error: {
          code: "card_declined",
          decline_code: "insufficient_funds",
          doc_url: "https://stripe.com/docs/error-codes/card-declined",
          message: "Your card has insufficient funds.",
          payment_intent: paymentIntent({ status: "requires_payment_method" }),
          request_log_url: "https://dashboard.stripe.com/test/logs/req_Qdev?t=1772695800",
          type: "card_error",
        },
      }),
    );
    const error = await gatewayFailure(
      gateway(fetchFn).createPayment(input({ paymentToken: "pm_card_chargeDeclined" })),
    );
    expect(error).toMatchObject({
      gateway: "stripe",
      status: 402,
      retryable: false,
      gatewayCode: "insufficient_funds",
    });
    expect(error.message).toContain("Your card has insufficient funds.");
  });

  it("treats bad keys and reused idempotency keys as final, rate limits and outages as retryable", async () => {
    const { fetchFn } = recordingFetch(
      json(401, {
        error: { message: "Invalid API Key provided: sk_test_****0000", type: "invalid_request_error" },
      }),
      json(400, {
        error: {
          message:
            "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'pay_01JNQ7ZK3M9X2V4B6C8D0E1F2G' if you meant to execute a different request.",
          type: "idempotency_error",
        },
      }),
      json(
        429,
        {
          error: {
            code: "rate_limit",
            message: "Request rate limit exceeded.",
            type: "invalid_request_error",
          },
        },
        { "Retry-After": "2" },
      ),
      json(409, {
        error: {
          code: "idempotency_key_in_use",
          message: "There is currently another in-progress request using this Idempotent Key.",
          type: "invalid_request_error",
        },
      }),
      json(
        500,
        { error: { message: "An unknown error occurred", type: "api_error" } },
        { "Stripe-Should-Retry": "true" },
      ),
      new TypeError("Network connection lost."),
    );
    const stripe = gateway(fetchFn);
    expect(await gatewayFailure(stripe.createPayment(input()))).toMatchObject({ status: 401, retryable: false });
    expect(await gatewayFailure(stripe.createPayment(input()))).toMatchObject({
      status: 400,
      retryable: false,
      gatewayCode: "idempotency_error",
    });
    expect(await gatewayFailure(stripe.createPayment(input()))).toMatchObject({
      status: 429,
      retryable: true,
      gatewayCode: "rate_limit",
      retryAfterSeconds: 2,
    });
    expect(await gatewayFailure(stripe.createPayment(input()))).toMatchObject({ status: 409, retryable: true });
    expect(await gatewayFailure(stripe.createPayment(input()))).toMatchObject({ status: 500, retryable: true });
    const network = await gatewayFailure(stripe.createPayment(input()));
    expect(network).toMatchObject({ status: undefined, retryable: true });
    expect(network.cause).toBeInstanceOf(TypeError);
  });
});

describe("StripeGateway.refund", () => {
  it("POSTs /v1/refunds for the PaymentIntent with an idempotency key per refund", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, {
        id: "re_3QxYzAB2eZvKYlo21Refund01",
        object: "refund",
        amount: 50000,
        balance_transaction: "txn_3QxYzAB2eZvKYlo21Txn",
        charge: "ch_3QxYzAB2eZvKYlo21Charge",
        created: 1772782200,
        currency: "thb",
        metadata: { paymentId: PAYMENT_ID, reason: "seller cancelled one item" },
        payment_intent: PI_ID,
        reason: null,
        status: "succeeded",
      }),
      json(200, {
        id: "re_3QxYzAB2eZvKYlo21Refund02",
        object: "refund",
        amount: 79950,
        currency: "thb",
        payment_intent: PI_ID,
        reason: "requested_by_customer",
        status: "pending",
      }),
    );
    const stripe = gateway(fetchFn);
    const first = await stripe.refund({
      paymentId: PAYMENT_ID,
      providerRef: PI_ID,
      amount: money(50_000, "THB"),
      reason: "seller cancelled one item",
    });
    expect(first).toEqual({ providerRefundRef: "re_3QxYzAB2eZvKYlo21Refund01", status: "succeeded" });
    expect(calls[0].url).toBe("https://api.stripe.com/v1/refunds");
    expect(calls[0].headers.get("Authorization")).toBe(`Bearer ${SECRET_KEY}`);
    expect(calls[0].headers.get("Idempotency-Key")).toBe(`${PAYMENT_ID}-refund-50000`);
    expect(form(calls[0].body)).toEqual({
      payment_intent: PI_ID,
      amount: "50000",
      "metadata[paymentId]": PAYMENT_ID,
      "metadata[reason]": "seller cancelled one item",
    });

    const second = await stripe.refund({
      paymentId: PAYMENT_ID,
      providerRef: PI_ID,
      amount: money(79_950, "THB"),
      reason: "requested_by_customer",
      refundId: "rf_01JNQ8",
    });
    expect(second).toEqual({ providerRefundRef: "re_3QxYzAB2eZvKYlo21Refund02", status: "pending" });
    expect(calls[1].headers.get("Idempotency-Key")).toBe("rf_01JNQ8");
    expect(form(calls[1].body).reason).toBe("requested_by_customer");
  });

  it("refuses a refund larger than what is left, without retrying", async () => {
    const { fetchFn } = recordingFetch(
      json(400, {
        error: {
          code: "amount_too_large",
          message: "Refund amount (฿1,500.00) is greater than unrefunded amount on charge (฿1,299.50)",
          param: "amount",
          type: "invalid_request_error",
        },
      }),
    );
    const error = await gatewayFailure(
      gateway(fetchFn).refund({ paymentId: PAYMENT_ID, providerRef: PI_ID, amount: money(150_000, "THB") }),
    );
    expect(error).toMatchObject({ status: 400, retryable: false, gatewayCode: "amount_too_large" });
  });
});

/** An event as Stripe posts it (snapshot payload). */
function stripeEvent(type: string, object: Record<string, unknown>, id = "evt_3QxYzAB2eZvKYlo21Evt0001") {
  return {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: 1772696100,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: PAYMENT_ID },
    type,
  };
}

async function signed(payload: unknown, timestamp = Math.floor(NOW.getTime() / 1000), secret = WEBHOOK_SECRET) {
  const rawBody = JSON.stringify(payload);
  const header = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload: rawBody,
    secret,
    timestamp,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return { rawBody, headers: new Headers({ "Stripe-Signature": header, "Content-Type": "application/json" }) };
}

describe("StripeGateway.verifyWebhook", () => {
  const stripe = gateway(recordingFetch().fetchFn);

  it("verifies payment_intent.succeeded with the stripe package and maps it", async () => {
    const payload = stripeEvent(
      "payment_intent.succeeded",
      paymentIntent({ status: "succeeded", amount_received: 129950, latest_charge: "ch_3QxYzAB2eZvKYlo21Charge" }),
    );
    const result = await stripe.verifyWebhook(await signed(payload), NOW);
    expect(result).toEqual({
      ok: true,
      event: {
        eventId: "evt_3QxYzAB2eZvKYlo21Evt0001",
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(129_950, "THB"),
        providerRef: PI_ID,
        raw: payload,
      },
    });
  });

  it("maps failures, refunds and zero-decimal amounts exactly", async () => {
    const failed = await stripe.verifyWebhook(
      await signed(
        stripeEvent(
          "payment_intent.payment_failed",
          paymentIntent({ amount: 250000, currency: "vnd", status: "requires_payment_method" }),
          "evt_failed",
        ),
      ),
      NOW,
    );
    expect(failed.ok && failed.event).toMatchObject({ outcome: "failed", amount: money(250_000, "VND") });

    const refunded = await stripe.verifyWebhook(
      await signed(
        stripeEvent(
          "charge.refunded",
          {
            id: "ch_3QxYzAB2eZvKYlo21Charge",
            object: "charge",
            amount: 15000000,
            amount_captured: 15000000,
            amount_refunded: 5000000,
            currency: "idr",
            metadata: { paymentId: PAYMENT_ID },
            payment_intent: PI_ID,
            refunded: false,
            status: "succeeded",
          },
          "evt_refunded",
        ),
      ),
      NOW,
    );
    expect(refunded.ok && refunded.event).toMatchObject({
      eventId: "evt_refunded",
      outcome: "refunded",
      amount: money(5_000_000, "IDR"),
      providerRef: PI_ID,
    });
  });

  it("refuses a forged signature, another secret, a tampered body and a stale timestamp", async () => {
    const payload = stripeEvent(
      "payment_intent.succeeded",
      paymentIntent({ status: "succeeded", amount_received: 129950 }),
    );
    const good = await signed(payload);

    const forged = new Headers({ "Stripe-Signature": `t=${Math.floor(NOW.getTime() / 1000)},v1=${"ab".repeat(32)}` });
    expect(await stripe.verifyWebhook({ headers: forged, rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    const otherSecret = await signed(payload, undefined, "whsec_someone_else");
    expect(await stripe.verifyWebhook(otherSecret, NOW)).toMatchObject({ ok: false, authentic: false });

    const tampered = good.rawBody.replace('"amount_received":129950', '"amount_received":1');
    expect(tampered).not.toBe(good.rawBody);
    expect(await stripe.verifyWebhook({ headers: good.headers, rawBody: tampered }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });

    const stale = await signed(payload, Math.floor(NOW.getTime() / 1000) - 301);
    const staleResult = await stripe.verifyWebhook(stale, NOW);
    expect(staleResult).toMatchObject({ ok: false, authentic: false });
    expect(!staleResult.ok && staleResult.reason).toMatch(/tolerance/);

    expect(await stripe.verifyWebhook({ headers: new Headers(), rawBody: good.rawBody }, NOW)).toMatchObject({
      ok: false,
      authentic: false,
    });
  });

  it("accepts but does not act on other event types or events without our payment id", async () => {
    const other = await stripe.verifyWebhook(
      await signed(stripeEvent("customer.created", { id: "cus_Qdev", object: "customer" })),
      NOW,
    );
    expect(other).toMatchObject({ ok: false, authentic: true });
    const foreign = await stripe.verifyWebhook(
      await signed(stripeEvent("payment_intent.succeeded", paymentIntent({ status: "succeeded", metadata: {} }))),
      NOW,
    );
    expect(foreign).toMatchObject({ ok: false, authentic: true });
  });
});

describe("StripeGateway.fetchStatus and cancelPayment", () => {
  const reference = { paymentId: PAYMENT_ID, providerRef: PI_ID, method: "card", amount: money(129_950, "THB") };

  it("retrieves GET /v1/payment_intents/{id} and reads its status as an event", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, paymentIntent({ status: "succeeded", amount_received: 129950 })),
      json(200, paymentIntent({ status: "requires_action" })),
      json(200, paymentIntent({ status: "canceled", cancellation_reason: "automatic" })),
    );
    const stripe = gateway(fetchFn);
    expect(await stripe.fetchStatus(reference)).toEqual({
      found: true,
      event: {
        eventId: `status:${PI_ID}:succeeded`,
        paymentId: PAYMENT_ID,
        outcome: "succeeded",
        amount: money(129_950, "THB"),
        providerRef: PI_ID,
        raw: expect.anything(),
      },
    });
    expect(calls[0]).toMatchObject({ method: "GET", url: `https://api.stripe.com/v1/payment_intents/${PI_ID}` });
    expect(calls[0].headers.get("Authorization")).toBe(`Bearer ${SECRET_KEY}`);
    expect(calls[0].headers.get("Stripe-Version")).toBe(Stripe.API_VERSION);
    expect(await stripe.fetchStatus(reference)).toMatchObject({ event: { outcome: "pending" } });
    expect(await stripe.fetchStatus(reference)).toMatchObject({ event: { outcome: "expired" } });
  });

  it("searches by metadata.paymentId when the intent's id never arrived; none found is not found", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, { object: "search_result", data: [], has_more: false, url: "/v1/payment_intents/search" }),
    );
    const status = await gateway(fetchFn).fetchStatus({ ...reference, providerRef: undefined });
    expect(status).toEqual({ found: false, reason: "Stripe has no PaymentIntent for this payment" });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe("/v1/payment_intents/search");
    expect(url.searchParams.get("query")).toBe(`metadata['paymentId']:'${PAYMENT_ID}'`);
  });

  it("refuses an intent of another payment or in an unknown shape, retryably", async () => {
    const { fetchFn } = recordingFetch(
      json(200, paymentIntent({ status: "succeeded", metadata: { paymentId: "pay_other" } })),
      json(200, paymentIntent({ status: "paid_somehow" })),
    );
    const stripe = gateway(fetchFn);
    for (let i = 0; i < 2; i++)
      expect(await gatewayFailure(stripe.fetchStatus(reference))).toMatchObject({
        retryable: true,
        gatewayCode: "malformed_answer",
      });
  });

  it("cancels with POST /v1/payment_intents/{id}/cancel (abandoned); a succeeded one can no longer be", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, paymentIntent({ status: "canceled", cancellation_reason: "abandoned" })),
      json(400, {
        error: {
          code: "payment_intent_unexpected_state",
          message: "You cannot cancel this PaymentIntent because it has a status of succeeded.",
          type: "invalid_request_error",
        },
      }),
    );
    const stripe = gateway(fetchFn);
    expect(await stripe.cancelPayment(reference)).toEqual({ cancelled: true });
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: `https://api.stripe.com/v1/payment_intents/${PI_ID}/cancel`,
    });
    expect(form(calls[0].body)).toEqual({ cancellation_reason: "abandoned" });
    expect(calls[0].headers.get("Idempotency-Key")).toBe(`${PAYMENT_ID}-cancel`);
    expect(await stripe.cancelPayment(reference)).toMatchObject({ cancelled: false });
  });

  it("refuses a PaymentIntent answer without a valid id as malformed (retryable: the idempotency key makes it safe)", async () => {
    const { fetchFn } = recordingFetch(json(200, { ...paymentIntent(), id: 17 }));
    expect(await gatewayFailure(gateway(fetchFn).createPayment(input()))).toMatchObject({
      retryable: true,
      gatewayCode: "malformed_answer",
    });
  });
});
