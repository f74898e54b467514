import Stripe from "stripe";
import type { Money } from "../../platform/money";
import {
  callProvider,
  isRetryableStatus,
  type ProviderResponse,
  providerErrorFrom,
} from "../../platform/provider-http";
import { isRegionalMethod, methodInputError, regionalCurrencyAllowed } from "./regional";
import { regionalConfirmForm, stripeNextAction } from "./stripe-regional";
import {
  fromStripeAmount,
  intentEvent,
  PaymentIntentSchema,
  RefundAnswerSchema,
  SearchAnswerSchema,
  toStripeAmount,
} from "./stripe-wire";
import {
  type CancelResult,
  type CreatePaymentInput,
  type CreatePaymentResult,
  GatewayError,
  type GatewayOptions,
  gatewayProvider,
  malformedAnswer,
  type PaymentGateway,
  type PaymentReference,
  type PaymentStatus,
  type RefundInput,
  type RefundResult,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { currencyOf, isRecord, parseAnswer, refundKey, requireNonEmpty, str, unsupported } from "./util";

export interface StripeConfig {
  /** STRIPE_SECRET_KEY (sk_test_... / sk_live_..., or a restricted rk_ key with PaymentIntents + Refunds write). */
  secretKey: string;
  /** STRIPE_WEBHOOK_SECRET (whsec_...) of the webhook endpoint. */
  webhookSecret: string;
  /** Oldest signed timestamp accepted, seconds; default Stripe's 300. */
  toleranceSeconds?: number;
}

const STRIPE = gatewayProvider("stripe", "Stripe");

export { fromStripeAmount, toStripeAmount };

const DEFAULT_API_BASE = "https://api.stripe.com";

const REFUND_REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);

/**
 * Cards in every currency, and PayNow (SGD), FPX (MYR) and GrabPay (SGD, MYR), through Stripe PaymentIntents, called over fetch (form-encoded, `Authorization: Bearer`,
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

  /** What this gateway takes, known without its keys (payment options list it before any is built). */
  static supports(method: string, currency: string): boolean {
    if (currencyOf(currency) !== currency) return false;
    if (method === "card") return true;
    return isRegionalMethod(method) && regionalCurrencyAllowed(method, currency);
  }

  supports(method: string, currency: string): boolean {
    return StripeGateway.supports(method, currency);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw unsupported("stripe", input.method, input.amount.currency);
    }
    const invalid = methodInputError(input.method, input.amount.currency, input.bank);
    if (invalid) throw new GatewayError("stripe", invalid, { retryable: false, gatewayCode: "invalid_request" });
    const form = new URLSearchParams();
    form.set("amount", String(toStripeAmount(input.amount)));
    form.set("currency", input.amount.currency.toLowerCase());
    form.set("description", input.description);
    form.set("metadata[paymentId]", input.paymentId);
    form.set("payment_method_types[0]", input.method);
    if (input.customer?.email) form.set("receipt_email", input.customer.email);
    if (isRegionalMethod(input.method)) regionalConfirmForm(form, input);
    else if (input.paymentToken) {
      // A PaymentMethod collected by Stripe.js: confirm at once; 3-D Secure comes back as a redirect.
      form.set("payment_method", input.paymentToken);
      form.set("confirm", "true");
      form.set("return_url", input.returnUrl);
    }
    const response = await this.post("/v1/payment_intents", form, input.paymentId);
    const intent = this.intent(response, "the PaymentIntent");
    return { providerRef: intent.id, nextAction: stripeNextAction(intent, input), raw: response.json };
  }

  /**
   * GET /v1/payment_intents/{id}; without its id (the create answer never arrived), the Search API
   * by our metadata.paymentId. The answer is the event its webhook would carry.
   */
  async fetchStatus(payment: PaymentReference): Promise<PaymentStatus> {
    const intent = await this.findIntent(payment);
    if (!intent) return { found: false, reason: "Stripe has no PaymentIntent for this payment" };
    if (intent.metadata?.paymentId !== payment.paymentId) {
      throw malformedAnswer("stripe", "the PaymentIntent", "metadata.paymentId is not the payment asked for", {
        retryable: true,
      });
    }
    const event = intentEvent(intent, payment.paymentId);
    if (!event) throw malformedAnswer("stripe", "the PaymentIntent", "its amount is not valid", { retryable: true });
    return { found: true, event };
  }

  /** POST /v1/payment_intents/{id}/cancel (reason "abandoned": the payer chose another way to pay). */
  async cancelPayment(payment: PaymentReference): Promise<CancelResult> {
    const intentId = payment.providerRef ?? (await this.findIntent(payment))?.id;
    if (!intentId) return { cancelled: true };
    const form = new URLSearchParams({ cancellation_reason: "abandoned" });
    const response = await this.send(`/v1/payment_intents/${encodeURIComponent(intentId)}/cancel`, form, {
      idempotencyKey: `${payment.paymentId}-cancel`,
    });
    if (response.ok) {
      this.intent(response, "the cancelled PaymentIntent");
      return { cancelled: true };
    }
    const error = isRecord(response.json) && isRecord(response.json.error) ? response.json.error : {};
    // Already succeeded, processing or cancelled: Stripe says it can no longer be cancelled.
    if (error.code === "payment_intent_unexpected_state") {
      return { cancelled: false, reason: str(error.message) ?? "Stripe can no longer cancel it" };
    }
    throw stripeError(response);
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
    const key = refundKey(input);
    const response = await this.post("/v1/refunds", form, key);
    // The idempotency key makes sending again safe, so an unreadable answer is retryable.
    const refund = parseAnswer("stripe", RefundAnswerSchema, response.json, "the refund", {
      status: response.status,
      retryable: true,
    });
    const status = refund.status;
    if (status === "failed" || status === "canceled") {
      throw new GatewayError("stripe", `Stripe refund ${refund.id} is ${status}`, {
        status: response.status,
        retryable: false,
        gatewayCode: refund.failure_reason ?? String(status),
      });
    }
    return { providerRefundRef: refund.id, status: status === "succeeded" ? "succeeded" : "pending" };
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

  /** The PaymentIntent of this payment: by its id, else searched by our metadata; undefined if Stripe has none. */
  private async findIntent(payment: PaymentReference) {
    if (payment.providerRef) {
      const response = await this.send(`/v1/payment_intents/${encodeURIComponent(payment.providerRef)}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw stripeError(response);
      return this.intent(response, "the PaymentIntent");
    }
    const query = new URLSearchParams({ query: `metadata['paymentId']:'${payment.paymentId}'`, limit: "1" });
    const response = await this.send(`/v1/payment_intents/search?${query}`);
    if (!response.ok) throw stripeError(response);
    const found = parseAnswer("stripe", SearchAnswerSchema, response.json, "the search", { retryable: true });
    return found.data[0];
  }

  /** A PaymentIntent answer, checked; Stripe's answers to our calls are safe to ask for again. */
  private intent(response: ProviderResponse, what: string) {
    return parseAnswer("stripe", PaymentIntentSchema, response.json, what, {
      status: response.status,
      retryable: true,
    });
  }

  private async post(path: string, form: URLSearchParams, idempotencyKey: string): Promise<ProviderResponse> {
    const response = await this.send(path, form, { idempotencyKey });
    if (response.ok) return response;
    throw stripeError(response);
  }

  /** One call: a GET without a form, a POST with one. */
  private send(path: string, form?: URLSearchParams, options: { idempotencyKey?: string } = {}) {
    return callProvider(STRIPE, this.fetchFn, {
      method: form ? "POST" : "GET",
      url: `${this.base}${path}`,
      headers: {
        Authorization: `Bearer ${this.config.secretKey}`,
        Accept: "application/json",
        "Stripe-Version": Stripe.API_VERSION,
      },
      ...(form ? { form } : {}),
      idempotencyKey: options.idempotencyKey,
      timeoutMs: this.options.timeoutMs,
    });
  }
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
