import { constantTimeEqual, sha512Hex } from "../../platform/crypto";
import { type Money, toMajorNumber } from "../../platform/money";
import { basicAuthorization, callProvider, type ProviderResponse } from "../../platform/provider-http";
import {
  CancelAnswerSchema,
  ChargeAnswerSchema,
  fromJakartaTime,
  METHODS,
  MIDTRANS,
  midtransError,
  nextActionOf,
  outcomeOf,
  RefundAnswerSchema,
  StatusAnswerSchema,
  statusCodeAgrees,
  toJakartaTime,
  transactionEvent,
  VA_BANKS,
} from "./midtrans-wire";
import {
  type CancelResult,
  type CreatePaymentInput,
  type CreatePaymentResult,
  GatewayError,
  type GatewayOptions,
  malformedAnswer,
  type PaymentGateway,
  type PaymentReference,
  type PaymentStatus,
  type RefundInput,
  type RefundResult,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { isRecord, parseAnswer, refundKey, requireNonEmpty, str, unsupported } from "./util";

export interface MidtransConfig {
  /** MIDTRANS_SERVER_KEY (SB-Mid-server-... in sandbox, Mid-server-... in production). */
  serverKey: string;
  /** MIDTRANS_BASE_URL: https://api.sandbox.midtrans.com (default) or https://api.midtrans.com. */
  baseUrl?: string;
}

export const MIDTRANS_SANDBOX_BASE_URL = "https://api.sandbox.midtrans.com";
export const MIDTRANS_PRODUCTION_BASE_URL = "https://api.midtrans.com";

/** One Core API answer: Midtrans reports the result in the body's `status_code`, sometimes under an HTTP 200. */
interface MidtransAnswer {
  response: ProviderResponse;
  json: Record<string, unknown> | undefined;
  code: string | undefined;
  /** The body's status_code when it has one, else the HTTP status. */
  effective: number;
}

/**
 * Indonesia through the Midtrans Core API: bank transfer VAs (BCA, BNI, BRI, Permata), GoPay
 * (QR + app deeplink) and QRIS, IDR only. `order_id` is our payment id; `gross_amount` is whole
 * rupiah. Notifications carry `signature_key` = SHA-512(order_id + status_code + gross_amount +
 * server key) and no timestamp, so they are deduplicated by event id and can be confirmed with
 * `fetchStatus` (GET /v2/{order_id}/status), whose answer makes the same event.
 */
export class MidtransGateway implements PaymentGateway {
  readonly name = "midtrans" as const;
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    private readonly config: MidtransConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: GatewayOptions = {},
  ) {
    requireNonEmpty("midtrans", { MIDTRANS_SERVER_KEY: config.serverKey });
    this.base = (options.apiBase ?? config.baseUrl ?? MIDTRANS_SANDBOX_BASE_URL).replace(/\/+$/, "");
    this.authorization = basicAuthorization(config.serverKey, "");
  }

  /** What this gateway takes, known without its keys (payment options list it before any is built). */
  static supports(method: string, currency: string): boolean {
    return currency === "IDR" && METHODS.has(method);
  }

  supports(method: string, currency: string): boolean {
    return MidtransGateway.supports(method, currency);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw unsupported("midtrans", input.method, input.amount.currency);
    }
    const grossAmount = wholeRupiah(input.amount);
    const now = this.options.now?.() ?? new Date();
    const minutes = Math.floor((input.expiresAt.getTime() - now.getTime()) / 60_000);
    if (minutes < 1) {
      throw new GatewayError("midtrans", "Midtrans payments must stay open at least one minute", {
        retryable: false,
        gatewayCode: "expiry_too_short",
      });
    }
    const body: Record<string, unknown> = {
      payment_type: "bank_transfer",
      transaction_details: { order_id: input.paymentId, gross_amount: grossAmount },
      custom_expiry: { order_time: toJakartaTime(now), expiry_duration: minutes, unit: "minute" },
    };
    const customer = customerDetails(input.customer);
    if (customer) body.customer_details = customer;
    const va = VA_BANKS[input.method];
    if (va) {
      body.bank_transfer = { bank: va.bank };
    } else if (input.method === "gopay") {
      body.payment_type = "gopay";
      body.gopay = { enable_callback: true, callback_url: input.returnUrl };
    } else {
      body.payment_type = "qris";
      body.qris = { acquirer: "gopay" };
    }

    // 200 (paid at once) or 201 (pending) only: a 202 under HTTP 200 is a denied charge.
    const answer = await this.call("POST", "/v2/charge", body);
    const json = accepted(answer, (code) => code === 200 || code === 201);
    const charge = parseAnswer("midtrans", ChargeAnswerSchema, json, "the charge", { status: answer.response.status });
    const expiresAt = fromJakartaTime(charge.expiry_time) ?? input.expiresAt.toISOString();
    return {
      providerRef: charge.transaction_id,
      nextAction: nextActionOf(input.method, charge, expiresAt),
      raw: json,
    };
  }

  /**
   * Midtrans refuses a second charge under an order_id (status_code 406), so a top-up retried
   * after its first call's answer was lost reads the charge back: GET /v2/{order_id}/status
   * carries the same va_numbers / permata_va_number / actions / qr_string as the charge answer
   * (https://docs.midtrans.com/reference/get-transaction-status). 404: never created.
   */
  async resumePayment(input: CreatePaymentInput): Promise<CreatePaymentResult | null> {
    const answer = await this.call("GET", `/v2/${encodeURIComponent(input.paymentId)}/status`, undefined);
    if (answer.code === "404") return null;
    const json = accepted(answer, (code) => code === 200 || code === 201);
    const charge = parseAnswer("midtrans", ChargeAnswerSchema, json, "the charge", { status: answer.response.status });
    const expiresAt = fromJakartaTime(charge.expiry_time) ?? input.expiresAt.toISOString();
    return { providerRef: charge.transaction_id, nextAction: nextActionOf(input.method, charge, expiresAt), raw: json };
  }

  /**
   * GET /v2/{order_id}/status: the transaction as Midtrans has it now, as the event its
   * notification carries (same event id). Midtrans's "404" means it never created the transaction.
   */
  async fetchStatus(payment: PaymentReference): Promise<PaymentStatus> {
    const answer = await this.call("GET", `/v2/${encodeURIComponent(payment.paymentId)}/status`, undefined);
    if (answer.code === "404") return { found: false, reason: "Midtrans has no transaction with this order_id" };
    // The status answer's status_code mirrors the transaction (e.g. 407 for an expired one).
    const json = accepted(answer, (code) => code < 400 || code === 407);
    // A lookup changes nothing at Midtrans, so asking again is always safe.
    const status = parseAnswer("midtrans", StatusAnswerSchema, json, "the status", {
      status: answer.response.status,
      retryable: true,
    });
    if (status.order_id !== payment.paymentId) {
      throw malformedAnswer("midtrans", "the status", `order_id ${status.order_id} is not the one asked for`, {
        retryable: true,
      });
    }
    const made = transactionEvent(
      {
        orderId: status.order_id,
        transactionId: status.transaction_id,
        transactionStatus: status.transaction_status,
        fraudStatus: status.fraud_status,
        grossAmount: status.gross_amount,
        refundAmount: status.refund_amount,
      },
      json,
    );
    if ("reason" in made) {
      throw new GatewayError("midtrans", `Midtrans status not understood: ${made.reason}`, {
        retryable: true,
        gatewayCode: "unknown_status",
      });
    }
    return { found: true, event: made.event };
  }

  /**
   * POST /v2/{order_id}/cancel: a pending VA, GoPay or QRIS transaction can be cancelled until it
   * is paid or expires. Midtrans answers 412 when it can no longer be changed (paid, expired).
   */
  async cancelPayment(payment: PaymentReference): Promise<CancelResult> {
    const answer = await this.call("POST", `/v2/${encodeURIComponent(payment.paymentId)}/cancel`, undefined);
    if (answer.code === "404") return { cancelled: true };
    if (answer.code === "412") {
      return { cancelled: false, reason: str(answer.json?.status_message) ?? "Midtrans cannot change it any more" };
    }
    const json = accepted(answer, (code) => code === 200);
    parseAnswer("midtrans", CancelAnswerSchema, json, "the cancellation", { retryable: true });
    return { cancelled: true };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const key = refundKey(input).replace(/[^A-Za-z0-9_-]/g, "-");
    const body: Record<string, unknown> = { refund_key: key, amount: wholeRupiah(input.amount) };
    if (input.reason) body.reason = input.reason.slice(0, 255);
    const answer = await this.call("POST", `/v2/${encodeURIComponent(input.paymentId)}/refund`, body);
    const json = accepted(answer, (code) => code === 200 || code === 201);
    // The refund_key makes a repeated refund a no-op at Midtrans, so an unreadable answer may be retried.
    const refund = parseAnswer("midtrans", RefundAnswerSchema, json, "the refund", { retryable: true });
    const status = refund.transaction_status;
    return {
      providerRefundRef: refund.refund_key ?? key,
      status: status === "refund" || status === "partial_refund" ? "succeeded" : "pending",
    };
  }

  async verifyWebhook(request: WebhookRequest): Promise<WebhookVerification> {
    // The signed fields live in the body, so it is read first, but nothing in it is used until the
    // signature over order_id, status_code and gross_amount has matched.
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return { ok: false, authentic: false, reason: "body is not JSON" };
    }
    if (!isRecord(body)) return { ok: false, authentic: false, reason: "body is not an object" };
    const { order_id: orderId, status_code: statusCode, gross_amount: grossAmount, signature_key: signature } = body;
    if (
      typeof orderId !== "string" ||
      typeof statusCode !== "string" ||
      typeof grossAmount !== "string" ||
      typeof signature !== "string"
    ) {
      return {
        ok: false,
        authentic: false,
        reason: "notification lacks order_id, status_code, gross_amount or signature_key",
      };
    }
    const expected = await sha512Hex(`${orderId}${statusCode}${grossAmount}${this.config.serverKey}`);
    if (!(await constantTimeEqual(signature.toLowerCase(), expected))) {
      return { ok: false, authentic: false, reason: "signature_key does not match" };
    }

    const transactionStatus = str(body.transaction_status);
    const transactionId = str(body.transaction_id);
    if (!transactionStatus || !transactionId) {
      return { ok: false, authentic: true, reason: "notification lacks transaction_status or transaction_id" };
    }
    if (!outcomeOf(transactionStatus, body.fraud_status))
      return { ok: false, authentic: true, reason: `transaction_status ${transactionStatus} is not acted on` };
    // transaction_status is not covered by the signature; status_code is. So the two must agree:
    // a genuine pending ("201") notification edited to "settlement" or "expire" fails here.
    if (!statusCodeAgrees(transactionStatus, statusCode)) {
      return {
        ok: false,
        authentic: false,
        reason: `transaction_status ${transactionStatus} with status_code ${statusCode}`,
      };
    }
    if (body.currency !== undefined && body.currency !== "IDR") {
      return { ok: false, authentic: true, reason: `unexpected currency ${String(body.currency)}` };
    }
    const made = transactionEvent(
      {
        orderId,
        transactionId,
        transactionStatus,
        fraudStatus: body.fraud_status,
        grossAmount,
        refundAmount: body.refund_amount,
      },
      body,
    );
    return "reason" in made ? { ok: false, authentic: true, reason: made.reason } : { ok: true, event: made.event };
  }

  private async call(method: "GET" | "POST", path: string, body: unknown): Promise<MidtransAnswer> {
    const response = await callProvider(MIDTRANS, this.fetchFn, {
      method,
      url: `${this.base}${path}`,
      headers: { Authorization: this.authorization, Accept: "application/json" },
      json: body,
      timeoutMs: this.options.timeoutMs,
    });
    const json = isRecord(response.json) ? response.json : undefined;
    const code = json ? str(json.status_code) : undefined;
    const effective = code && /^\d{3}$/.test(code) ? Number(code) : response.status;
    return { response, json, code, effective };
  }
}

/** The answer's body when its code is one `ok` accepts; anything else is a GatewayError. */
function accepted(answer: MidtransAnswer, ok: (code: number) => boolean): Record<string, unknown> {
  if (answer.response.ok && answer.json && ok(answer.effective)) return answer.json;
  throw midtransError(answer.response, answer.json, answer.code, answer.effective);
}

function wholeRupiah(m: Money): number {
  if (m.currency !== "IDR" || m.amount % 100 !== 0 || m.amount <= 0) {
    throw new GatewayError("midtrans", `Midtrans takes positive whole rupiah, got ${m.currency} ${m.amount}`, {
      retryable: false,
      gatewayCode: "invalid_amount",
    });
  }
  return toMajorNumber(m);
}

function customerDetails(customer: CreatePaymentInput["customer"]): Record<string, string> | undefined {
  if (!customer) return undefined;
  const details: Record<string, string> = {};
  if (customer.name) details.first_name = customer.name.slice(0, 255);
  if (customer.email) details.email = customer.email;
  if (customer.phone) details.phone = customer.phone;
  return Object.keys(details).length > 0 ? details : undefined;
}
