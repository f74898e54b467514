import { z } from "zod";
import { fromMajor, type Money } from "../../platform/money";
import { type ProviderResponse, providerErrorFrom } from "../../platform/provider-http";
import {
  gatewayProvider,
  type NextAction,
  type WebhookEvent,
  type WebhookOutcome,
  type WebhookVerification,
} from "./types";
import { currencyOf, isRecord, str } from "./util";

// What Xendit answers and sends (fixed VAs, e-wallet charges, transactions), checked before use.

export const XENDIT = gatewayProvider("xendit", "Xendit");

const WALLET_NAMES: Record<string, string> = { ID_OVO: "OVO" };

/** POST /callback_virtual_accounts and PATCH /callback_virtual_accounts/{id}: a fixed VA. */
export const FixedVaSchema = z.object({
  id: z.string().min(1),
  account_number: z.string().min(1),
  expiration_date: z.string().optional(),
});

const NullableUrl = z.string().min(1).nullable().optional();

/** An e-wallet charge (POST /ewallets/charges, GET /ewallets/charges/{id}). */
export const EwalletChargeSchema = z.object({
  id: z.string().startsWith("ewc_"),
  reference_id: z.string().min(1),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED", "VOIDED", "REFUNDED"]),
  currency: z.string().length(3),
  charge_amount: z.number().nonnegative(),
  capture_amount: z.number().nonnegative().nullable().optional(),
  actions: z
    .object({
      mobile_deeplink_checkout_url: NullableUrl,
      mobile_web_checkout_url: NullableUrl,
      desktop_web_checkout_url: NullableUrl,
      qr_checkout_string: NullableUrl,
    })
    .nullable()
    .optional(),
});
export type EwalletCharge = z.infer<typeof EwalletChargeSchema>;

/** POST /ewallets/charges/{id}/refunds. */
export const RefundAnswerSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  failure_code: z.string().nullable().optional(),
});

/** GET /transactions: money movements, here the payments made to one of our references. */
export const TransactionsAnswerSchema = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      type: z.string(),
      status: z.string(),
      reference_id: z.string(),
      currency: z.string().length(3),
      amount: z.number().nonnegative(),
    }),
  ),
});

const EWALLET_OUTCOMES: Record<string, WebhookOutcome> = {
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  PENDING: "pending",
  VOIDED: "failed",
  REFUNDED: "refunded",
};

/** An e-wallet charge's state as the event its ewallet.capture callback carries (same event id). */
export function ewalletEvent(charge: EwalletCharge, raw: unknown): WebhookEvent | undefined {
  const currency = currencyOf(charge.currency);
  const amount = currency ? fromMajor(charge.capture_amount ?? charge.charge_amount, currency) : undefined;
  if (!amount) return undefined;
  return {
    eventId: `ewallet.capture:${charge.id}:${charge.status}`,
    paymentId: charge.reference_id,
    outcome: EWALLET_OUTCOMES[charge.status],
    amount,
    providerRef: charge.id,
    raw,
  };
}

/** The VA name shown at the ATM: Xendit allows letters and spaces only. */
export function vaName(name: string | undefined): string {
  const cleaned = (name ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z ]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 50);
  return cleaned.length >= 1 ? cleaned : "Tchat Customer";
}

export function isoOr(value: unknown, fallback: Date): string {
  const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? fallback.toISOString() : new Date(at).toISOString();
}

/**
 * The charge's `actions`: an app deeplink (ShopeePay) wins, with a web or QR page for other devices;
 * else a web checkout to redirect to (DANA, GCash, GrabPay, Maya, the VN wallets); else a QR string;
 * else nothing to open (OVO pushes a confirmation to the payer's app).
 */
export function ewalletAction(channel: string, charge: EwalletCharge, expiresAt: Date): NextAction {
  const actions = charge.actions ?? {};
  const deeplink = actions.mobile_deeplink_checkout_url ?? undefined;
  const mobileWeb = actions.mobile_web_checkout_url ?? undefined;
  const desktopWeb = actions.desktop_web_checkout_url ?? undefined;
  const qr = actions.qr_checkout_string ?? undefined;
  if (deeplink) return { type: "deeplink", url: mobileWeb ?? desktopWeb ?? deeplink, mobileUrl: deeplink };
  if (mobileWeb || desktopWeb) return { type: "redirect", url: (mobileWeb ?? desktopWeb) as string };
  if (qr) return { type: "qr", qrString: qr, expiresAt: expiresAt.toISOString() };
  return { type: "none", confirmInApp: WALLET_NAMES[channel] ?? channel };
}

export function ewalletCallback(body: Record<string, unknown>): WebhookVerification {
  const data = isRecord(body.data) ? body.data : undefined;
  const chargeId = data ? str(data.id) : undefined;
  const paymentId = data ? str(data.reference_id) : undefined;
  const status = data ? str(data.status) : undefined;
  if (!data || !chargeId || !paymentId || !status) {
    return { ok: false, authentic: true, reason: "ewallet.capture without data.id, reference_id or status" };
  }
  // Voids and refunds reach us through our own calls; a callback is acted on for these three.
  const outcome = ["SUCCEEDED", "FAILED", "PENDING"].includes(status) ? EWALLET_OUTCOMES[status] : undefined;
  if (!outcome) return { ok: false, authentic: true, reason: `e-wallet status ${status} is not acted on` };
  const currency = currencyOf(data.currency);
  const amount =
    currency && data.currency === currency ? fromMajor(data.capture_amount ?? data.charge_amount, currency) : undefined;
  if (!amount) return { ok: false, authentic: true, reason: "ewallet.capture without a valid amount and currency" };
  // E-wallet callbacks carry no event id: the charge and its status identify one.
  return {
    ok: true,
    event: {
      eventId: `ewallet.capture:${chargeId}:${status}`,
      paymentId,
      outcome,
      amount,
      providerRef: chargeId,
      raw: body,
    },
  };
}

export function vaPaidCallback(body: Record<string, unknown>): WebhookVerification {
  const paymentId = str(body.external_id) as string;
  const xenditPaymentId = str(body.payment_id) as string;
  const currency = body.currency === undefined ? "IDR" : body.currency;
  if (currency !== "IDR") return { ok: false, authentic: true, reason: `unexpected VA currency ${String(currency)}` };
  const amount: Money | undefined = fromMajor(body.amount, "IDR");
  if (!amount) return { ok: false, authentic: true, reason: "VA payment without a valid amount" };
  return {
    ok: true,
    event: {
      eventId: `va:${xenditPaymentId}`,
      paymentId,
      outcome: "succeeded",
      amount,
      providerRef: str(body.callback_virtual_account_id),
      raw: body,
    },
  };
}

/** Xendit's error body: `{ error_code, message, errors? }`, retried only for 429/5xx. */
export function xenditError(response: ProviderResponse) {
  const json = isRecord(response.json) ? response.json : {};
  // A 2xx without a JSON object: the call may have taken effect, so it is not retried blindly.
  return providerErrorFrom(XENDIT, response, {
    code: str(json.error_code),
    detail: str(json.message) ?? `HTTP ${response.status}`,
  });
}
