import { z } from "zod";
import { fromMajor } from "../../platform/money";
import { isRetryableStatus, type ProviderResponse, providerErrorFrom } from "../../platform/provider-http";
import {
  gatewayProvider,
  malformedAnswer,
  type NextAction,
  type VirtualAccountBank,
  type WebhookEvent,
  type WebhookOutcome,
} from "./types";
import { str } from "./util";

// What Midtrans's Core API sends and answers, and how it reads: shared by the gateway's calls and
// its notifications, so a status answer and a notification of the same change are one event.

export const MIDTRANS = gatewayProvider("midtrans", "Midtrans");

/** Core API `bank_transfer` banks by our method; Permata is `bank_transfer` too, answered with `permata_va_number`. */
export const VA_BANKS: Record<string, { bank: string; display: VirtualAccountBank }> = {
  bca_va: { bank: "bca", display: "BCA" },
  bni_va: { bank: "bni", display: "BNI" },
  bri_va: { bank: "bri", display: "BRI" },
  permata_va: { bank: "permata", display: "PERMATA" },
};
export const METHODS = new Set([...Object.keys(VA_BANKS), "gopay", "qris"]);

/** Midtrans times are "yyyy-MM-dd HH:mm:ss" in GMT+7 (Asia/Jakarta, no daylight saving). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export function toJakartaTime(date: Date): string {
  const d = new Date(date.getTime() + JAKARTA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} +0700`;
}

export function fromJakartaTime(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const at = Date.parse(`${m[1]}T${m[2]}+07:00`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

const Decimal = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, "a decimal amount");

/** POST /v2/charge, accepted (200 or 201): the fields each method's next action is read from. */
export const ChargeAnswerSchema = z.object({
  transaction_id: z.string().min(1),
  expiry_time: z.string().optional(),
  va_numbers: z.array(z.object({ bank: z.string(), va_number: z.string().min(1) })).optional(),
  permata_va_number: z.string().min(1).optional(),
  actions: z.array(z.object({ name: z.string(), url: z.string().url() })).optional(),
  qr_string: z.string().min(1).optional(),
});
export type ChargeAnswer = z.infer<typeof ChargeAnswerSchema>;

/** GET /v2/{order_id}/status of a transaction that exists. */
export const StatusAnswerSchema = z.object({
  order_id: z.string().min(1),
  transaction_id: z.string().min(1),
  transaction_status: z.string().min(1),
  fraud_status: z.string().optional(),
  gross_amount: Decimal,
  refund_amount: Decimal.optional(),
  currency: z.literal("IDR").optional(),
});

/** POST /v2/{order_id}/refund. */
export const RefundAnswerSchema = z.object({
  refund_key: z.string().min(1).optional(),
  transaction_status: z.string().optional(),
});

/** POST /v2/{order_id}/cancel. */
export const CancelAnswerSchema = z.object({ transaction_status: z.string().min(1) });

function actionUrl(charge: ChargeAnswer, name: string): string | undefined {
  return charge.actions?.find((a) => a.name === name)?.url;
}

export function nextActionOf(method: string, charge: ChargeAnswer, expiresAt: string): NextAction {
  const va = VA_BANKS[method];
  if (va) {
    const accountNumber =
      va.bank === "permata" ? charge.permata_va_number : charge.va_numbers?.find((v) => v.bank === va.bank)?.va_number;
    if (!accountNumber) throw malformedAnswer("midtrans", "the charge", `no ${va.bank} VA number`);
    return { type: "virtual_account", bank: va.display, accountNumber, expiresAt };
  }
  if (method === "gopay") {
    const deeplink = actionUrl(charge, "deeplink-redirect");
    const qr = actionUrl(charge, "generate-qr-code");
    if (!deeplink && !qr) throw malformedAnswer("midtrans", "the GoPay charge", "no actions");
    return deeplink
      ? { type: "deeplink", url: qr ?? deeplink, mobileUrl: deeplink }
      : { type: "qr", imageUrl: qr, expiresAt };
  }
  const qrString = charge.qr_string;
  const imageUrl = actionUrl(charge, "generate-qr-code");
  if (!qrString && !imageUrl) throw malformedAnswer("midtrans", "the QRIS charge", "no QR");
  return { type: "qr", ...(qrString ? { qrString } : {}), ...(imageUrl ? { imageUrl } : {}), expiresAt };
}

/**
 * Whether a transaction_status fits the signed status_code: money moved ("settlement", "capture",
 * refunds) only with "200", "pending" only with "201", endings (deny, cancel, expire, failure)
 * never with "201".
 */
export function statusCodeAgrees(transactionStatus: string, statusCode: string): boolean {
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
export function outcomeOf(transactionStatus: string, fraudStatus: unknown): WebhookOutcome | undefined {
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

/** The fields of a transaction that make an event, as a notification and a status answer both carry them. */
export interface TransactionFields {
  orderId: string;
  transactionId: string;
  transactionStatus: string;
  fraudStatus: unknown;
  grossAmount: unknown;
  refundAmount: unknown;
}

/**
 * The event of a transaction's state, or why there is none. Midtrans has no event id: the
 * transaction and its status identify a change, plus the refunded total for refunds (two partial
 * refunds share the status "partial_refund").
 */
export function transactionEvent(t: TransactionFields, raw: unknown): { event: WebhookEvent } | { reason: string } {
  const outcome = outcomeOf(t.transactionStatus, t.fraudStatus);
  if (!outcome) return { reason: `transaction_status ${t.transactionStatus} is not acted on` };
  const refunded = outcome === "refunded";
  const amount = fromMajor(refunded ? (t.refundAmount ?? t.grossAmount) : t.grossAmount, "IDR");
  if (!amount) return { reason: `amount ${String(t.grossAmount)} is not a decimal` };
  const eventId = [t.orderId, t.transactionId, t.transactionStatus, ...(refunded ? [String(amount.amount)] : [])].join(
    ":",
  );
  return {
    event: { eventId, paymentId: t.orderId, outcome, amount, providerRef: t.transactionId, raw },
  };
}

/** Midtrans's error body: `{ status_code, status_message, validation_messages? }`. */
export function midtransError(
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
