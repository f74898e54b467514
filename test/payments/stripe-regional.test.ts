import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { FPX_BANKS } from "../../workers/payments/gateways/regional";
import { StripeGateway } from "../../workers/payments/gateways/stripe";
import type { CreatePaymentInput } from "../../workers/payments/gateways/types";
import { money } from "../../workers/platform/money";
import { form, gatewayFailure, json, recordingFetch } from "./helpers";

// PayNow (SGD), FPX (MYR) and GrabPay (SGD, MYR) through Stripe: recorded requests, answers shaped
// like Stripe's documented PaymentIntent objects, and webhooks signed with the stripe package.

const SECRET_KEY = "sk_test_51Qdev0000000000000000000000000000000000000000000000000000000000000000";
const WEBHOOK_SECRET = "whsec_test_7d2f9a8c1b3e4f5061728394a5b6c7d8";
const PAYMENT_ID = "pay_01JNR2SGPAYNOW4B6C8D0E1F2G";
const PI_ID = "pi_3QyZaSG2eZvKYlo21PayNow1";
const NOW = new Date("2026-03-05T07:30:00Z");
const RETURN_URL = "https://app.tchat.example/orders/ord_1/pay?orders=ord_1";

const input = (overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput => ({
  paymentId: PAYMENT_ID,
  amount: money(4_590, "SGD"),
  method: "paynow",
  customer: { email: "weiling@example.com" },
  description: "Tchat order SG-260305-0007",
  returnUrl: RETURN_URL,
  locale: "en",
  expiresAt: new Date("2026-03-05T07:45:00Z"),
  ...overrides,
});

function paymentIntent(overrides: Record<string, unknown> = {}) {
  return {
    id: PI_ID,
    object: "payment_intent",
    amount: 4590,
    amount_received: 0,
    cancellation_reason: null,
    client_secret: `${PI_ID}_secret_Zq8`,
    currency: "sgd",
    last_payment_error: null,
    livemode: false,
    metadata: { paymentId: PAYMENT_ID },
    next_action: null,
    payment_method: "pm_1QyZaSG2eZvKYlo2PayNow",
    payment_method_types: ["paynow"],
    status: "requires_action",
    ...overrides,
  };
}

const PAYNOW_QR = {
  type: "paynow_display_qr_code",
  paynow_display_qr_code: {
    data: "00020101021226500009SG.PAYNOW010120213201234567A0301004142026030515450052040000530370254045.905802SG5913Tchat Pte Ltd6009Singapore63044A1B",
    hosted_instructions_url: "https://payments.stripe.com/qr/instructions/CCsaFwoVYWNjdF8xUWRldg",
    image_url_png: "https://qr.stripe.com/test_YWNjdF8xUWRldg.png",
    image_url_svg: "https://qr.stripe.com/test_YWNjdF8xUWRldg.svg",
  },
};

const redirect = (url: string) => ({ type: "redirect_to_url", redirect_to_url: { url, return_url: RETURN_URL } });

const gateway = (fetchFn: typeof fetch) =>
  new StripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }, fetchFn);

describe("Stripe regional methods: createPayment", () => {
  it("PayNow: creates and confirms with payment_method_data, and maps paynow_display_qr_code to our QR", async () => {
    const { fetchFn, calls } = recordingFetch(json(200, paymentIntent({ next_action: PAYNOW_QR })));
    const result = await gateway(fetchFn).createPayment(input());
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("https://api.stripe.com/v1/payment_intents");
    expect(calls[0].headers.get("Idempotency-Key")).toBe(PAYMENT_ID);
    expect(calls[0].headers.get("Stripe-Version")).toBe(Stripe.API_VERSION);
    expect(form(calls[0].body)).toEqual({
      amount: "4590",
      currency: "sgd",
      description: "Tchat order SG-260305-0007",
      "metadata[paymentId]": PAYMENT_ID,
      "payment_method_types[0]": "paynow",
      receipt_email: "weiling@example.com",
      "payment_method_data[type]": "paynow",
      "payment_method_data[billing_details][email]": "weiling@example.com",
      confirm: "true",
      return_url: RETURN_URL,
    });
    expect(result.providerRef).toBe(PI_ID);
    expect(result.nextAction).toEqual({
      type: "qr",
      qrString: PAYNOW_QR.paynow_display_qr_code.data,
      imageUrl: PAYNOW_QR.paynow_display_qr_code.image_url_png,
      // No expiry in Stripe's action: the orders' hold, when the domain cancels the intent.
      expiresAt: "2026-03-05T07:45:00.000Z",
    });
  });

  it("FPX: sends the payer's bank and maps redirect_to_url to our redirect naming the bank", async () => {
    const bankPage = "https://pm-redirects.stripe.com/authorize/acct_1Qdev/pa_nonce_FpxMaybank2u";
    const { fetchFn, calls } = recordingFetch(
      json(200, paymentIntent({ currency: "myr", amount: 12_900, next_action: redirect(bankPage) })),
      json(200, paymentIntent({ currency: "myr", amount: 12_900, next_action: redirect(bankPage) })),
    );
    const stripe = gateway(fetchFn);
    const fpx = input({ method: "fpx", amount: money(12_900, "MYR"), bank: "maybank2u", customer: undefined });
    const result = await stripe.createPayment(fpx);
    expect(form(calls[0].body)).toEqual({
      amount: "12900",
      currency: "myr",
      description: "Tchat order SG-260305-0007",
      "metadata[paymentId]": PAYMENT_ID,
      "payment_method_types[0]": "fpx",
      "payment_method_data[type]": "fpx",
      "payment_method_data[fpx][bank]": "maybank2u",
      confirm: "true",
      return_url: RETURN_URL,
    });
    expect(result.nextAction).toEqual({ type: "redirect", url: bankPage, bank: "maybank2u" });

    // A business-only bank is paid from a company account.
    await stripe.createPayment({ ...fpx, bank: "maybank2e" });
    expect(form(calls[1].body)).toMatchObject({
      "payment_method_data[fpx][bank]": "maybank2e",
      "payment_method_data[fpx][account_holder_type]": "company",
    });
  });

  it("GrabPay: SGD and MYR, a redirect to Grab", async () => {
    const grab = "https://pm-redirects.stripe.com/authorize/acct_1Qdev/pa_nonce_GrabPay01";
    const { fetchFn, calls } = recordingFetch(
      json(200, paymentIntent({ next_action: redirect(grab) })),
      json(200, paymentIntent({ currency: "myr", next_action: redirect(grab) })),
    );
    const stripe = gateway(fetchFn);
    expect((await stripe.createPayment(input({ method: "grabpay" }))).nextAction).toEqual({
      type: "redirect",
      url: grab,
    });
    await stripe.createPayment(input({ method: "grabpay", amount: money(4_590, "MYR") }));
    expect(form(calls[0].body)).toMatchObject({ "payment_method_data[type]": "grabpay", currency: "sgd" });
    expect(form(calls[1].body)).toMatchObject({ "payment_method_types[0]": "grabpay", currency: "myr" });
  });

  it("currency and bank rules: refused before any call, as final errors", async () => {
    const { fetchFn, calls } = recordingFetch();
    const stripe = gateway(fetchFn);
    expect(stripe.supports("paynow", "SGD")).toBe(true);
    expect(stripe.supports("paynow", "MYR")).toBe(false);
    expect(stripe.supports("fpx", "MYR")).toBe(true);
    expect(stripe.supports("fpx", "SGD")).toBe(false);
    expect(stripe.supports("grabpay", "SGD") && stripe.supports("grabpay", "MYR")).toBe(true);
    expect(stripe.supports("grabpay", "PHP")).toBe(false);
    expect(stripe.supports("grabpay_ph", "PHP")).toBe(false);
    for (const bad of [
      input({ method: "fpx", amount: money(4_590, "SGD"), bank: "maybank2u" }),
      input({ method: "fpx", amount: money(4_590, "MYR") }),
      input({ method: "fpx", amount: money(4_590, "MYR"), bank: "dbs" }),
      input({ method: "paynow", bank: "maybank2u" }),
    ]) {
      const error = await gatewayFailure(stripe.createPayment(bad));
      expect(error.retryable).toBe(false);
    }
    expect(calls).toHaveLength(0);
  });

  it("an intent Stripe sent back to requires_payment_method is a final refusal with its code", async () => {
    const { fetchFn } = recordingFetch(
      json(
        200,
        paymentIntent({
          status: "requires_payment_method",
          currency: "myr",
          last_payment_error: { code: "payment_method_provider_decline", message: "The bank is unavailable." },
        }),
      ),
    );
    const error = await gatewayFailure(
      gateway(fetchFn).createPayment(input({ method: "fpx", amount: money(4_590, "MYR"), bank: "cimb" })),
    );
    expect(error).toMatchObject({ retryable: false, gatewayCode: "payment_method_provider_decline" });
  });

  it("lists Stripe's FPX bank codes, each once", () => {
    const codes = FPX_BANKS.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["maybank2u", "cimb", "public_bank", "rhb", "hong_leong_bank"]));
  });
});

function stripeEvent(type: string, object: Record<string, unknown>, id: string) {
  return { id, object: "event", api_version: Stripe.API_VERSION, created: 1772696100, data: { object }, type };
}

async function signed(payload: unknown) {
  const rawBody = JSON.stringify(payload);
  const header = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload: rawBody,
    secret: WEBHOOK_SECRET,
    timestamp: Math.floor(NOW.getTime() / 1000),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return { rawBody, headers: new Headers({ "Stripe-Signature": header }) };
}

describe("Stripe regional methods: webhooks and refunds", () => {
  const stripe = gateway(recordingFetch().fetchFn);

  it("PayNow succeeded, FPX failed, GrabPay processing: mapped through the verified path", async () => {
    const paid = await stripe.verifyWebhook(
      await signed(
        stripeEvent(
          "payment_intent.succeeded",
          paymentIntent({ status: "succeeded", amount_received: 4590 }),
          "evt_1PayNowOk",
        ),
      ),
      NOW,
    );
    expect(paid).toMatchObject({
      ok: true,
      event: { eventId: "evt_1PayNowOk", paymentId: PAYMENT_ID, outcome: "succeeded", amount: money(4_590, "SGD") },
    });
    const failed = await stripe.verifyWebhook(
      await signed(
        stripeEvent(
          "payment_intent.payment_failed",
          paymentIntent({
            status: "requires_payment_method",
            currency: "myr",
            payment_method_types: ["fpx"],
            last_payment_error: { code: "payment_method_provider_decline" },
          }),
          "evt_1FpxFailed",
        ),
      ),
      NOW,
    );
    expect(failed).toMatchObject({ ok: true, event: { outcome: "failed", amount: money(4_590, "MYR") } });
    const processing = await stripe.verifyWebhook(
      await signed(
        stripeEvent(
          "payment_intent.processing",
          paymentIntent({ status: "processing", payment_method_types: ["grabpay"] }),
          "evt_1GrabProc",
        ),
      ),
      NOW,
    );
    expect(processing).toMatchObject({ ok: true, event: { outcome: "pending", eventId: "evt_1GrabProc" } });

    const forged = await signed(stripeEvent("payment_intent.succeeded", paymentIntent(), "evt_1Forged"));
    const tampered = { ...forged, rawBody: forged.rawBody.replace("4590", "1") };
    expect(await stripe.verifyWebhook(tampered, NOW)).toMatchObject({ ok: false, authentic: false });
  });

  it("refunds: a PayNow refund is pending until Stripe completes it; GrabPay's may succeed at once", async () => {
    const { fetchFn, calls } = recordingFetch(
      json(200, { id: "re_1PayNowRefund", object: "refund", amount: 4590, currency: "sgd", status: "pending" }),
      json(200, { id: "re_1GrabRefund", object: "refund", amount: 1000, currency: "myr", status: "succeeded" }),
      json(200, { id: "re_1FpxRefund", object: "refund", status: "failed", failure_reason: "declined" }),
    );
    const refunds = gateway(fetchFn);
    const paynow = await refunds.refund({ paymentId: PAYMENT_ID, providerRef: PI_ID, amount: money(4_590, "SGD") });
    expect(paynow).toEqual({ providerRefundRef: "re_1PayNowRefund", status: "pending" });
    expect(form(calls[0].body)).toEqual({
      payment_intent: PI_ID,
      amount: "4590",
      "metadata[paymentId]": PAYMENT_ID,
    });
    const grab = await refunds.refund({ paymentId: PAYMENT_ID, providerRef: PI_ID, amount: money(1_000, "MYR") });
    expect(grab.status).toBe("succeeded");
    const failed = await gatewayFailure(
      refunds.refund({ paymentId: PAYMENT_ID, providerRef: PI_ID, amount: money(500, "MYR") }),
    );
    expect(failed).toMatchObject({ retryable: false, gatewayCode: "declined" });
  });
});
