import Stripe from "stripe";
import { CURRENCIES, type Currency, type Money, money } from "../../platform/money";
import {
  callProvider,
  isRetryableStatus,
  type ProviderResponse,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import {
  type CreatePaymentInput,
  type CreatePaymentResult,
  GatewayError,
  type GatewayOptions,
  gatewayProvider,
  type NextAction,
  type PaymentGateway,
  type RefundInput,
  type RefundResult,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { currencyOf, fromMinor, isRecord, requireNonEmpty, str, unsupported } from "./util";

export interface StripeConfig {
  /** STRIPE_SECRET_KEY (sk_test_... / sk_live_..., or a restricted rk_ key with PaymentIntents + Refunds write). */
  secretKey: string;
  /** STRIPE_WEBHOOK_SECRET (whsec_...) of the webhook endpoint. */
  webhookSecret: string;
  /** Oldest signed timestamp accepted, seconds; default Stripe's 300. */
  toleranceSeconds?: number;
}

const STRIPE = gatewayProvider("stripe", "Stripe");
const DEFAULT_API_BASE = "https://api.stripe.com";

/**
 * Decimal places Stripe expects per currency (its "minor unit"): VND is one of Stripe's
 * zero-decimal currencies; IDR is NOT (two decimals, like ISO 4217). Our Money uses ISO 4217
 * exponents, so today every factor below is 1, but the conversion stays explicit.
 */
const STRIPE_DECIMALS: Record<Currency, number> = { THB: 2, SGD: 2, IDR: 2, MYR: 2, PHP: 2, USD: 2, VND: 0 };

export function toStripeAmount(m: Money): number {
  const diff = STRIPE_DECIMALS[m.currency] - CURRENCIES[m.currency].exponent;
  if (diff >= 0) return m.amount * 10 ** diff;
  const factor = 10 ** -diff;
  if (m.amount % factor !== 0) throw new Error(`${m.currency} ${m.amount} cannot be expressed in Stripe's unit`);
  return m.amount / factor;
}

export function fromStripeAmount(value: unknown, currencyCode: unknown): Money | undefined {
  const currency = currencyOf(currencyCode);
  if (!currency) return undefined;
  const units = fromMinor(value, currency);
  if (!units) return undefined;
  const diff = STRIPE_DECIMALS[currency] - CURRENCIES[currency].exponent;
  if (diff === 0) return units;
  if (diff < 0) return money(units.amount * 10 ** -diff, currency);
  const factor = 10 ** diff;
  return units.amount % factor === 0 ? money(units.amount / factor, currency) : undefined;
}

const REFUND_REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);

/**
 * Cards through Stripe PaymentIntents, called over fetch (form-encoded, `Authorization: Bearer`,
 * `Idempotency-Key` = our payment id, API version pinned to the installed `stripe` package's).
 * Webhooks are verified with the `stripe` package's async verifier and WebCrypto: no network.
 */
export class StripeGateway implements PaymentGateway {
  readonly name = "stripe" as const;
  private readonly base: string;

  constructor(
    private readonly config: StripeConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: GatewayOptions = {},
  ) {
    requireNonEmpty("stripe", { STRIPE_SECRET_KEY: config.secretKey, STRIPE_WEBHOOK_SECRET: config.webhookSecret });
    this.base = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "");
  }

  supports(method: string, currency: string): boolean {
    return method === "card" && currencyOf(currency) === currency;
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw unsupported("stripe", input.method, input.amount.currency);
    }
    const form = new URLSearchParams();
    form.set("amount", String(toStripeAmount(input.amount)));
    form.set("currency", input.amount.currency.toLowerCase());
    form.set("description", input.description);
    form.set("metadata[paymentId]", input.paymentId);
    form.set("payment_method_types[0]", "card");
    if (input.customer?.email) form.set("receipt_email", input.customer.email);
    if (input.paymentToken) {
      // A PaymentMethod collected by Stripe.js: confirm at once; 3-D Secure comes back as a redirect.
      form.set("payment_method", input.paymentToken);
      form.set("confirm", "true");
      form.set("return_url", input.returnUrl);
    }
    const response = await this.post("/v1/payment_intents", form, input.paymentId);
    const intent = response.json;
    if (!isRecord(intent) || !str(intent.id)) throw unreadable(response);
    return { providerRef: intent.id as string, nextAction: nextActionOf(intent), raw: intent };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const form = new URLSearchParams();
    form.set("payment_intent", input.providerRef);
    form.set("amount", String(toStripeAmount(input.amount)));
    form.set("metadata[paymentId]", input.paymentId);
    if (input.reason) {
      if (REFUND_REASONS.has(input.reason)) form.set("reason", input.reason);
      else form.set("metadata[reason]", input.reason.slice(0, 500));
    }
    const key = input.refundId ?? `${input.paymentId}-refund-${input.amount.amount}`;
    const response = await this.post("/v1/refunds", form, key);
    const refund = response.json;
    if (!isRecord(refund) || !str(refund.id)) throw unreadable(response);
    const status = refund.status;
    if (status === "failed" || status === "canceled") {
      throw new GatewayError("stripe", `Stripe refund ${refund.id} is ${status}`, {
        status: response.status,
        retryable: false,
        gatewayCode: str(refund.failure_reason) ?? String(status),
      });
    }
    return { providerRefundRef: refund.id as string, status: status === "succeeded" ? "succeeded" : "pending" };
  }

  async verifyWebhook(request: WebhookRequest, now: Date = new Date()): Promise<WebhookVerification> {
    const signature = request.headers.get("stripe-signature");
    if (!signature) return { ok: false, authentic: false, reason: "missing Stripe-Signature header" };
    let event: Stripe.Event;
    try {
      event = await Stripe.webhooks.constructEventAsync(
        request.rawBody,
        signature,
        this.config.webhookSecret,
        this.config.toleranceSeconds ?? Stripe.webhooks.DEFAULT_TOLERANCE,
        Stripe.createSubtleCryptoProvider(),
        now.getTime(),
      );
    } catch (err) {
      return { ok: false, authentic: false, reason: err instanceof Error ? err.message : "signature check failed" };
    }
    return mapEvent(event as unknown as Record<string, unknown>);
  }

  private async post(path: string, form: URLSearchParams, idempotencyKey: string): Promise<ProviderResponse> {
    const response = await callProvider(STRIPE, this.fetchFn, {
      url: `${this.base}${path}`,
      headers: {
        Authorization: `Bearer ${this.config.secretKey}`,
        Accept: "application/json",
        "Stripe-Version": Stripe.API_VERSION,
      },
      form,
      idempotencyKey,
      timeoutMs: this.options.timeoutMs,
    });
    if (response.ok) return response;
    throw stripeError(response);
  }
}

function nextActionOf(intent: Record<string, unknown>): NextAction {
  const action = intent.next_action;
  if (isRecord(action) && action.type === "redirect_to_url" && isRecord(action.redirect_to_url)) {
    const url = str(action.redirect_to_url.url);
    if (url) return { type: "redirect", url };
  }
  const clientSecret = str(intent.client_secret);
  return clientSecret ? { type: "none", clientSecret } : { type: "none" };
}

/** Stripe's error body: `{ error: { type, code, decline_code, message, param } }`. */
function stripeError(response: ProviderResponse) {
  const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : {};
  const code = str(error.decline_code) ?? str(error.code) ?? str(error.type);
  // Stripe says itself whether a retry may help; otherwise 409 is a concurrent use of the same
  // idempotency key (retry later) unless the key was reused with other parameters.
  const should = response.headers.get("Stripe-Should-Retry");
  const retryable =
    should === "true"
      ? true
      : should === "false"
        ? false
        : isRetryableStatus(response.status) || (response.status === 409 && error.type !== "idempotency_error");
  return providerErrorFrom(STRIPE, response, {
    code,
    detail: str(error.message) ?? `HTTP ${response.status}`,
    retryable,
  });
}

function unreadable(response: ProviderResponse) {
  // Stripe took the request but the answer is unreadable; the idempotency key makes a retry safe.
  return unreadableAnswer(STRIPE, response, "an object id", { retryable: true });
}

const PENDING_TYPES = new Set(["payment_intent.processing", "payment_intent.requires_action"]);

function mapEvent(event: Record<string, unknown>): WebhookVerification {
  const eventId = str(event.id);
  const type = str(event.type);
  const object = isRecord(event.data) && isRecord(event.data.object) ? event.data.object : undefined;
  if (!eventId || !type || !object) return { ok: false, authentic: true, reason: "event without id, type or object" };
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const paymentId = str(metadata.paymentId);

  let outcome: WebhookOutcome | undefined;
  let amount: Money | undefined;
  let providerRef: string | undefined;
  if (type.startsWith("payment_intent.")) {
    providerRef = str(object.id);
    if (type === "payment_intent.succeeded") {
      outcome = "succeeded";
      amount = fromStripeAmount(object.amount_received ?? object.amount, object.currency);
    } else if (type === "payment_intent.payment_failed") {
      outcome = "failed";
      amount = fromStripeAmount(object.amount, object.currency);
    } else if (type === "payment_intent.canceled") {
      const reason = object.cancellation_reason;
      outcome = reason === "automatic" || reason === "abandoned" ? "expired" : "failed";
      amount = fromStripeAmount(object.amount, object.currency);
    } else if (PENDING_TYPES.has(type)) {
      outcome = "pending";
      amount = fromStripeAmount(object.amount, object.currency);
    }
  } else if (type === "charge.refunded") {
    outcome = "refunded";
    providerRef = str(object.payment_intent) ?? str(object.id);
    amount = fromStripeAmount(object.amount_refunded, object.currency);
  }
  if (!outcome) return { ok: false, authentic: true, reason: `event type ${type} is not acted on` };
  if (!paymentId) return { ok: false, authentic: true, reason: `${type} ${eventId} has no metadata.paymentId` };
  if (!amount) return { ok: false, authentic: true, reason: `${type} ${eventId} has no valid amount` };
  return { ok: true, event: { eventId, paymentId, outcome, amount, providerRef, raw: event } };
}
