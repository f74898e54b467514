import { constantTimeEqual, sha512Hex } from "../../platform/crypto";
import { fromMajor, type Money, toMajorNumber } from "../../platform/money";
import {
  basicAuthorization,
  callProvider,
  isRetryableStatus,
  type ProviderResponse,
  providerErrorFrom,
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
  type VirtualAccountBank,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { isRecord, requireNonEmpty, str, unsupported } from "./util";

export interface MidtransConfig {
  /** MIDTRANS_SERVER_KEY (SB-Mid-server-... in sandbox, Mid-server-... in production). */
  serverKey: string;
  /** MIDTRANS_BASE_URL: https://api.sandbox.midtrans.com (default) or https://api.midtrans.com. */
  baseUrl?: string;
}

const MIDTRANS = gatewayProvider("midtrans", "Midtrans");
export const MIDTRANS_SANDBOX_BASE_URL = "https://api.sandbox.midtrans.com";
export const MIDTRANS_PRODUCTION_BASE_URL = "https://api.midtrans.com";

/** Core API `bank_transfer` banks by our method; Permata is `bank_transfer` too, answered with `permata_va_number`. */
const VA_BANKS: Record<string, { bank: string; display: VirtualAccountBank }> = {
  bca_va: { bank: "bca", display: "BCA" },
  bni_va: { bank: "bni", display: "BNI" },
  bri_va: { bank: "bri", display: "BRI" },
  permata_va: { bank: "permata", display: "PERMATA" },
};
const METHODS = new Set([...Object.keys(VA_BANKS), "gopay", "qris"]);

/** Midtrans times are "yyyy-MM-dd HH:mm:ss" in GMT+7 (Asia/Jakarta, no daylight saving). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

function toJakartaTime(date: Date): string {
  const d = new Date(date.getTime() + JAKARTA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} +0700`;
}

function fromJakartaTime(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const at = Date.parse(`${m[1]}T${m[2]}+07:00`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** The status of a transaction as GET /v2/{order_id}/status reports it. */
export interface MidtransStatus {
  orderId: string;
  transactionId: string | undefined;
  transactionStatus: string;
  outcome: WebhookOutcome | undefined;
  amount: Money | undefined;
  raw: unknown;
}

/**
 * Indonesia through the Midtrans Core API: bank transfer VAs (BCA, BNI, BRI, Permata), GoPay
 * (QR + app deeplink) and QRIS, IDR only. `order_id` is our payment id; `gross_amount` is whole
 * rupiah. Notifications carry `signature_key` = SHA-512(order_id + status_code + gross_amount +
 * server key) and no timestamp, so they are deduplicated by event id and can be confirmed with
 * `fetchStatus`.
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

  supports(method: string, currency: string): boolean {
    return currency === "IDR" && METHODS.has(method);
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
    const charge = await this.call("POST", "/v2/charge", body, (code) => code === 200 || code === 201);
    const transactionId = str(charge.transaction_id);
    if (!transactionId)
      throw new GatewayError("midtrans", "Midtrans charge answer has no transaction_id", { retryable: false });
    const expiresAt = fromJakartaTime(charge.expiry_time) ?? input.expiresAt.toISOString();
    return { providerRef: transactionId, nextAction: nextActionOf(input.method, charge, expiresAt), raw: charge };
  }

  /** GET /v2/{order_id}/status: the transaction as Midtrans has it now (to confirm a notification). */
  async fetchStatus(paymentId: string): Promise<MidtransStatus> {
    // The status answer's status_code mirrors the transaction (e.g. 407 for an expired one).
    const status = await this.call(
      "GET",
      `/v2/${encodeURIComponent(paymentId)}/status`,
      undefined,
      (code, json) => typeof json.transaction_status === "string" && (code < 400 || code === 407),
    );
    const transactionStatus = str(status.transaction_status) ?? "unknown";
    return {
      orderId: str(status.order_id) ?? paymentId,
      transactionId: str(status.transaction_id),
      transactionStatus,
      outcome: outcomeOf(transactionStatus, status.fraud_status),
      amount: fromMajor(status.gross_amount, "IDR"),
      raw: status,
    };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const refundKey = (input.refundId ?? `${input.paymentId}-refund-${input.amount.amount}`).replace(
      /[^A-Za-z0-9_-]/g,
      "-",
    );
    const body: Record<string, unknown> = { refund_key: refundKey, amount: wholeRupiah(input.amount) };
    if (input.reason) body.reason = input.reason.slice(0, 255);
    const answer = await this.call(
      "POST",
      `/v2/${encodeURIComponent(input.paymentId)}/refund`,
      body,
      (code) => code === 200 || code === 201,
    );
    const status = str(answer.transaction_status);
    return {
      providerRefundRef: str(answer.refund_key) ?? refundKey,
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
    const outcome = outcomeOf(transactionStatus, body.fraud_status);
    if (!outcome)
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
    const refunded = outcome === "refunded";
    const amount = fromMajor(refunded ? (body.refund_amount ?? grossAmount) : grossAmount, "IDR");
    if (!amount) return { ok: false, authentic: true, reason: `amount ${grossAmount} is not a decimal` };
    // Midtrans has no event id: the transaction and its status identify a notification, plus the
    // refunded total for refunds (two partial refunds share the status "partial_refund").
    const eventId = [orderId, transactionId, transactionStatus, ...(refunded ? [String(amount.amount)] : [])].join(":");
    return { ok: true, event: { eventId, paymentId: orderId, outcome, amount, providerRef: transactionId, raw: body } };
  }

  /**
   * One Core API call. Midtrans reports the result in the body's `status_code` (sometimes under an
   * HTTP 200), so that code decides, through `accepted`; anything else is a GatewayError.
   */
  private async call(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    accepted: (code: number, json: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>> {
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
    if (response.ok && json && accepted(effective, json)) return json;
    throw midtransError(response, json, code, effective);
  }
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

function actionUrl(charge: Record<string, unknown>, name: string): string | undefined {
  if (!Array.isArray(charge.actions)) return undefined;
  for (const action of charge.actions) {
    if (isRecord(action) && action.name === name) return str(action.url);
  }
  return undefined;
}

function nextActionOf(method: string, charge: Record<string, unknown>, expiresAt: string): NextAction {
  const va = VA_BANKS[method];
  if (va) {
    let accountNumber: string | undefined;
    if (va.bank === "permata") accountNumber = str(charge.permata_va_number);
    else if (Array.isArray(charge.va_numbers)) {
      const entry = charge.va_numbers.find((v) => isRecord(v) && v.bank === va.bank);
      accountNumber = isRecord(entry) ? str(entry.va_number) : undefined;
    }
    if (!accountNumber)
      throw new GatewayError("midtrans", "Midtrans answered without a VA number", { retryable: false });
    return { type: "virtual_account", bank: va.display, accountNumber, expiresAt };
  }
  if (method === "gopay") {
    const deeplink = actionUrl(charge, "deeplink-redirect");
    const qr = actionUrl(charge, "generate-qr-code");
    if (!deeplink && !qr)
      throw new GatewayError("midtrans", "Midtrans GoPay answer has no actions", { retryable: false });
    return deeplink
      ? { type: "deeplink", url: qr ?? deeplink, mobileUrl: deeplink }
      : { type: "qr", imageUrl: qr, expiresAt };
  }
  const qrString = str(charge.qr_string);
  const imageUrl = actionUrl(charge, "generate-qr-code");
  if (!qrString && !imageUrl)
    throw new GatewayError("midtrans", "Midtrans QRIS answer has no QR", { retryable: false });
  return { type: "qr", ...(qrString ? { qrString } : {}), ...(imageUrl ? { imageUrl } : {}), expiresAt };
}

/**
 * Whether a transaction_status fits the signed status_code: money moved ("settlement", "capture",
 * refunds) only with "200", "pending" only with "201", endings (deny, cancel, expire, failure)
 * never with "201".
 */
function statusCodeAgrees(transactionStatus: string, statusCode: string): boolean {
  switch (transactionStatus) {
    case "settlement":
    case "capture":
    case "refund":
    case "partial_refund":
      return statusCode === "200";
    case "pending":
      return statusCode === "201";
    case "deny":
    case "cancel":
    case "expire":
    case "failure":
      return statusCode !== "201";
    default:
      return true;
  }
}

/** transaction_status (and fraud_status for card captures) as an outcome; undefined for states we ignore. */
function outcomeOf(transactionStatus: string, fraudStatus: unknown): WebhookOutcome | undefined {
  switch (transactionStatus) {
    case "settlement":
      return "succeeded";
    case "capture":
      return fraudStatus === "challenge" ? "pending" : fraudStatus === "deny" ? "failed" : "succeeded";
    case "pending":
    case "authorize":
      return "pending";
    case "deny":
    case "cancel":
    case "failure":
      return "failed";
    case "expire":
      return "expired";
    case "refund":
    case "partial_refund":
      return "refunded";
    default:
      return undefined;
  }
}

/** Midtrans's error body: `{ status_code, status_message, validation_messages? }`. */
function midtransError(
  response: ProviderResponse,
  json: Record<string, unknown> | undefined,
  code: string | undefined,
  effective: number,
) {
  const messages =
    json && Array.isArray(json.validation_messages)
      ? json.validation_messages.filter((m) => typeof m === "string")
      : [];
  const message =
    [json ? str(json.status_message) : undefined, ...messages].filter(Boolean).join("; ") || `HTTP ${response.status}`;
  return providerErrorFrom(MIDTRANS, response, {
    code,
    reported: code,
    detail: message,
    retryable: isRetryableStatus(effective) || (effective !== response.status && isRetryableStatus(response.status)),
  });
}
