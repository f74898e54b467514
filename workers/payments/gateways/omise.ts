import { base64Decode, constantTimeEqual, hmacSha256Hex } from "../../platform/crypto";
import type { Money } from "../../platform/money";
import {
  basicAuthorization,
  callProvider,
  type ProviderResponse,
  providerErrorFrom,
} from "../../platform/provider-http";
import {
  CHARGE_OUTCOMES,
  ChargeSchema,
  chargeEvent,
  nextActionOf,
  RefundAnswerSchema,
  SourceAnswerSchema,
} from "./omise-wire";
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
import { currencyOf, fromMinor, isRecord, parseAnswer, refundKey, requireNonEmpty, str, unsupported } from "./util";

export interface OmiseConfig {
  /** OMISE_SECRET_KEY (skey_test_... / skey_...), sent as Basic auth with an empty password. */
  secretKey: string;
  /** OMISE_WEBHOOK_SECRET: the webhook signing secret from the dashboard, base64 as Omise shows it. */
  webhookSecret: string;
  /** Oldest (or most future) signed timestamp accepted, seconds; default 300. */
  toleranceSeconds?: number;
}

const OMISE = gatewayProvider("omise", "Omise");
const DEFAULT_API_BASE = "https://api.omise.co";
/** The API version the requests and the parsing here are written against. */
export const OMISE_API_VERSION = "2019-05-29";
const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Thailand through Omise (Opn Payments): cards (with a `tokn_` token from Omise.js) and PromptPay
 * (a `promptpay` source, then a charge on it). Amounts are in satang, like our THB Money. Webhooks
 * are signed: `Omise-Signature` = hex HMAC-SHA256 keyed with the base64-decoded webhook secret over
 * "<Omise-Signature-Timestamp>.<raw body>", two signatures during a secret rotation.
 */
export class OmiseGateway implements PaymentGateway {
  readonly name = "omise" as const;
  private readonly base: string;
  private readonly authorization: string;
  private readonly webhookKey: Uint8Array;

  constructor(
    private readonly config: OmiseConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: GatewayOptions = {},
  ) {
    requireNonEmpty("omise", { OMISE_SECRET_KEY: config.secretKey, OMISE_WEBHOOK_SECRET: config.webhookSecret });
    const key = base64Decode(config.webhookSecret);
    if (!key || key.length === 0)
      throw new Error("OMISE_WEBHOOK_SECRET must be base64, as the Omise dashboard shows it");
    this.webhookKey = key;
    this.base = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "");
    this.authorization = basicAuthorization(config.secretKey, "");
  }

  /** What this gateway takes, known without its keys (payment options list it before any is built). */
  static supports(method: string, currency: string): boolean {
    return currency === "THB" && (method === "card" || method === "promptpay");
  }

  supports(method: string, currency: string): boolean {
    return OmiseGateway.supports(method, currency);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw unsupported("omise", input.method, input.amount.currency);
    }
    if (input.amount.amount <= 0) {
      throw new GatewayError("omise", "Omise amounts must be positive", {
        retryable: false,
        gatewayCode: "invalid_amount",
      });
    }
    const charge = new URLSearchParams();
    charge.set("amount", String(input.amount.amount));
    charge.set("currency", "thb");
    charge.set("description", input.description);
    charge.set("metadata[paymentId]", input.paymentId);
    charge.set("return_uri", input.returnUrl);

    if (input.method === "card") {
      if (!input.paymentToken?.startsWith("tokn_")) {
        throw new GatewayError("omise", "Omise card payments need a tokn_ token from Omise.js", {
          retryable: false,
          gatewayCode: "missing_token",
        });
      }
      charge.set("card", input.paymentToken);
    } else {
      const source = new URLSearchParams({ type: "promptpay", amount: String(input.amount.amount), currency: "thb" });
      const created = parseAnswer("omise", SourceAnswerSchema, await this.post("/sources", source), "the source");
      charge.set("source", created.id);
    }

    const answer = await this.post("/charges", charge);
    const created = parseAnswer("omise", ChargeSchema, answer, "the charge");
    if (created.status === "failed") {
      // A declined card fails at once; the payer may try another card.
      throw new GatewayError("omise", `Omise charge ${created.id} failed: ${created.failure_message ?? "declined"}`, {
        retryable: false,
        gatewayCode: created.failure_code ?? "failed",
      });
    }
    return { providerRef: created.id, nextAction: nextActionOf(created, input.expiresAt), raw: answer };
  }

  /** GET /charges/{id}: the charge as Omise has it now, as the event a charge.* webhook would carry. */
  async fetchStatus(payment: PaymentReference): Promise<PaymentStatus> {
    if (!payment.providerRef) {
      // Omise charges are found by their own id only; without it the answer is unknown, not "unpaid".
      throw new GatewayError("omise", "Omise charges can only be looked up by their id, which never arrived", {
        retryable: false,
        gatewayCode: "no_charge_id",
      });
    }
    const response = await this.send("GET", `/charges/${encodeURIComponent(payment.providerRef)}`);
    if (response.status === 404) return { found: false, reason: "Omise has no such charge" };
    const charge = parseAnswer("omise", ChargeSchema, this.answer(response), "the charge", { retryable: true });
    const event =
      charge.metadata?.paymentId === payment.paymentId
        ? chargeEvent(charge, payment.paymentId, response.json)
        : undefined;
    if (!event)
      throw malformedAnswer("omise", "the charge", "another payment's charge or no valid amount", { retryable: true });
    return { found: true, event };
  }

  /**
   * POST /charges/{id}/expire: a pending charge (a PromptPay QR) stops taking payment. Omise
   * refuses it (4xx) for a charge that is no longer pending.
   */
  async cancelPayment(payment: PaymentReference): Promise<CancelResult> {
    if (!payment.providerRef) return { cancelled: false, reason: "the charge id never arrived" };
    const response = await this.send("POST", `/charges/${encodeURIComponent(payment.providerRef)}/expire`);
    if (response.status === 404) return { cancelled: true };
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      const json = isRecord(response.json) ? response.json : {};
      return { cancelled: false, reason: str(json.message) ?? `Omise answered ${response.status}` };
    }
    parseAnswer("omise", ChargeSchema, this.answer(response), "the expired charge", { retryable: true });
    return { cancelled: true };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const form = new URLSearchParams();
    form.set("amount", String(input.amount.amount));
    form.set("metadata[paymentId]", input.paymentId);
    if (input.refundId) form.set("metadata[refundId]", input.refundId);
    if (input.reason) form.set("metadata[reason]", input.reason.slice(0, 255));
    // Omise answers a POST repeated with the same Idempotency-Key with the first one's result, so a
    // refund retried after a timeout or a crash (same refund id) never refunds twice.
    const key = refundKey(input);
    const answer = await this.post(`/charges/${encodeURIComponent(input.providerRef)}/refunds`, form, key);
    // The Idempotency-Key makes sending again safe, so an unreadable answer is retryable.
    const refund = parseAnswer("omise", RefundAnswerSchema, answer, "the refund", { retryable: true });
    // "closed" is a completed refund; a refund of an unsettled charge is a void, done at once.
    const done = refund.status === "closed" || refund.voided === true;
    return { providerRefundRef: refund.id, status: done ? "succeeded" : "pending" };
  }

  async verifyWebhook(request: WebhookRequest, now: Date = new Date()): Promise<WebhookVerification> {
    const signatureHeader = request.headers.get("Omise-Signature");
    const timestampHeader = request.headers.get("Omise-Signature-Timestamp");
    if (!signatureHeader || !timestampHeader) {
      return { ok: false, authentic: false, reason: "missing Omise-Signature or Omise-Signature-Timestamp header" };
    }
    if (!/^\d{1,12}$/.test(timestampHeader.trim())) {
      return { ok: false, authentic: false, reason: "malformed Omise-Signature-Timestamp" };
    }
    const timestamp = Number(timestampHeader.trim());
    const tolerance = this.config.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > tolerance) {
      return { ok: false, authentic: false, reason: "timestamp outside the tolerance window" };
    }
    const expected = await hmacSha256Hex(this.webhookKey, `${timestampHeader.trim()}.${request.rawBody}`);
    let match = false;
    // Two signatures during a 24 h secret rotation: either one may match. Every one is compared.
    for (const candidate of signatureHeader.split(",")) {
      if (await constantTimeEqual(candidate.trim().toLowerCase(), expected)) match = true;
    }
    if (!match) return { ok: false, authentic: false, reason: "Omise-Signature does not match" };

    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return { ok: false, authentic: true, reason: "body is not JSON" };
    }
    if (!isRecord(body) || body.object !== "event")
      return { ok: false, authentic: true, reason: "body is not an event" };
    return mapEvent(body);
  }

  private async post(path: string, form: URLSearchParams, idempotencyKey?: string): Promise<Record<string, unknown>> {
    return this.answer(await this.send("POST", path, form, idempotencyKey));
  }

  private send(method: "GET" | "POST", path: string, form?: URLSearchParams, idempotencyKey?: string) {
    return callProvider(OMISE, this.fetchFn, {
      method,
      url: `${this.base}${path}`,
      headers: { Authorization: this.authorization, Accept: "application/json", "Omise-Version": OMISE_API_VERSION },
      ...(form ? { form } : {}),
      idempotencyKey,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** A 2xx object that is not an Omise error, else the GatewayError of Omise's error object. */
  private answer(response: ProviderResponse): Record<string, unknown> {
    if (response.ok && isRecord(response.json) && response.json.object !== "error") return response.json;
    throw omiseError(response);
  }
}

/** charge.create / charge.complete / charge.update / charge.expire carry a charge; refund.create a refund. */
function mapEvent(event: Record<string, unknown>): WebhookVerification {
  const eventId = str(event.id);
  const key = str(event.key);
  const data = isRecord(event.data) ? event.data : undefined;
  if (!eventId || !key || !data) return { ok: false, authentic: true, reason: "event without id, key or data" };
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const paymentId = str(metadata.paymentId);
  const currency = currencyOf(data.currency);
  const amount: Money | undefined = currency ? fromMinor(data.amount, currency) : undefined;

  let outcome: WebhookOutcome | undefined;
  let providerRef: string | undefined;
  if (key.startsWith("charge.") && data.object === "charge") {
    outcome = key === "charge.expire" ? "expired" : CHARGE_OUTCOMES[str(data.status) ?? ""];
    providerRef = str(data.id);
  } else if (key === "refund.create" && data.object === "refund") {
    outcome = "refunded";
    providerRef =
      typeof data.charge === "string" ? data.charge : isRecord(data.charge) ? str(data.charge.id) : undefined;
  }
  if (!outcome) return { ok: false, authentic: true, reason: `event ${key} is not acted on` };
  if (!paymentId) return { ok: false, authentic: true, reason: `${key} ${eventId} has no metadata.paymentId` };
  if (!amount) return { ok: false, authentic: true, reason: `${key} ${eventId} has no valid amount` };
  return { ok: true, event: { eventId, paymentId, outcome, amount, providerRef, raw: event } };
}

/** Omise's error object: `{ object: "error", location, code, message }`, retried only for 429/5xx. */
function omiseError(response: ProviderResponse) {
  const json = isRecord(response.json) ? response.json : {};
  return providerErrorFrom(OMISE, response, {
    code: str(json.code),
    detail: str(json.message) ?? `HTTP ${response.status}`,
  });
}
