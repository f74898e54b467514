import type { Locale } from "../../../schemas/platform";
import type { Currency, Money } from "../../platform/money";
import { type Provider, ProviderError } from "../../platform/provider-http";

export type GatewayName = "sandbox" | "stripe" | "midtrans" | "xendit" | "omise";

export const GATEWAY_NAMES: readonly GatewayName[] = ["sandbox", "stripe", "midtrans", "xendit", "omise"];

/**
 * Payment method strings, one vocabulary across gateways. Each gateway supports a subset
 * (`supports(method, currency)`); the sandbox accepts any method.
 */
export const PAYMENT_METHODS = [
  // Cards (Stripe, Omise)
  "card",
  // Thailand: PromptPay QR (Omise)
  "promptpay",
  // Indonesia: bank virtual accounts (Midtrans: bca/bni/bri/permata; Xendit: bca/bni/bri/mandiri/permata)
  "bca_va",
  "bni_va",
  "bri_va",
  "permata_va",
  "mandiri_va",
  // Indonesia: e-wallets and QR
  "gopay",
  "qris",
  "ovo",
  "dana",
  "shopeepay",
  // Philippines e-wallets (Xendit)
  "gcash",
  "grabpay_ph",
  "paymaya",
  "shopeepay_ph",
  // Vietnam e-wallets (Xendit)
  "momo",
  "zalopay",
  "appota",
  "vnptwallet",
  "viettelpay",
  "shopeepay_vn",
  // Singapore and Malaysia through Stripe (regional.ts): PayNow QR (SGD), FPX online banking (MYR),
  // GrabPay (SGD, MYR)
  "paynow",
  "fpx",
  "grabpay",
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** The bank of a virtual account, as shown to the payer. */
export type VirtualAccountBank = "BCA" | "BNI" | "BRI" | "PERMATA" | "MANDIRI";

/**
 * What the client shows next. Times are ISO-8601 UTC strings so a NextAction can be stored and
 * returned as JSON unchanged.
 */
export type NextAction =
  /**
   * Open this URL (3-D Secure, a hosted e-wallet checkout, an FPX bank's page). `bank` is the FPX
   * bank code the redirect leads to, so a request naming another bank is a new payment.
   */
  | { type: "redirect"; url: string; bank?: string }
  /** Transfer exactly the amount to this account before it expires. */
  | { type: "virtual_account"; bank: VirtualAccountBank; accountNumber: string; expiresAt: string }
  /**
   * Show a QR code: `qrString` is the EMV payload to render (QRIS, PromptPay); `imageUrl`, when the
   * gateway gives one, is a ready-made image of it. At least one of the two is present.
   */
  | { type: "qr"; qrString?: string; imageUrl?: string; expiresAt: string }
  /** Open the wallet app: `mobileUrl` is the app deeplink, `url` the page to show elsewhere (e.g. a QR page). */
  | { type: "deeplink"; url: string; mobileUrl?: string }
  /**
   * Nothing to open. `clientSecret` (Stripe) lets the client confirm the payment with Stripe.js;
   * `confirmInApp` names a wallet that has pushed a confirmation request to the payer (e.g. OVO).
   */
  | { type: "none"; clientSecret?: string; confirmInApp?: string };

export interface CreatePaymentInput {
  /** Our payment id: the gateway's order/reference id, so webhooks lead back to it. */
  paymentId: string;
  amount: Money;
  method: string;
  customer?: { email?: string; phone?: string; name?: string };
  description: string;
  /** Where the payer comes back after a redirect or an app. */
  returnUrl: string;
  locale: Locale;
  expiresAt: Date;
  /**
   * A token the client got from the gateway's own SDK, so card data never reaches us:
   * Omise `tokn_...` (Omise.js) or Stripe `pm_...` (Stripe.js). Without it, Stripe returns a
   * client secret for Stripe.js to confirm with; Omise cards require it.
   */
  paymentToken?: string;
  /** FPX: the payer's bank, one of regional.ts FPX_BANKS (required for fpx, refused elsewhere). */
  bank?: string;
}

export interface CreatePaymentResult {
  /** The gateway's id for this payment (PaymentIntent, charge, VA, transaction). */
  providerRef: string;
  nextAction: NextAction;
  raw?: unknown;
}

export interface RefundInput {
  paymentId: string;
  providerRef: string;
  amount: Money;
  reason?: string;
  /**
   * Our id for this refund, used as the gateway's idempotency key / refund key where it has one.
   * Defaults to `<paymentId>-refund-<amount>`: give one explicitly when two partial refunds of the
   * same amount are meant.
   */
  refundId?: string;
}

export interface RefundResult {
  providerRefundRef: string;
  status: "pending" | "succeeded";
}

export type WebhookOutcome = "succeeded" | "failed" | "pending" | "refunded" | "expired";

export interface WebhookEvent {
  /**
   * Dedupe key: the gateway's own event id, or, for gateways without one, a stable id built from
   * the transaction and its status (see each gateway).
   */
  eventId: string;
  /** Our payment id, recovered from what we sent the gateway (metadata, order id, reference id). */
  paymentId: string;
  outcome: WebhookOutcome;
  /** Exactly converted to minor units; for `refunded`, the amount refunded so far. */
  amount?: Money;
  providerRef?: string;
  raw: unknown;
}

export type WebhookVerification =
  | { ok: true; event: WebhookEvent }
  /**
   * Not applied. `authentic: false`: the signature/token is missing or wrong, or the body is not what
   * the gateway sends (answer 401, change nothing). `authentic: true`: a genuine delivery of an event
   * we do not act on (answer 2xx so the gateway stops retrying, change nothing).
   */
  | { ok: false; reason: string; authentic: boolean };

export interface WebhookRequest {
  headers: Headers;
  rawBody: string;
}

/** A payment as the gateway knows it: our id (its order/reference id), its own id once it answered. */
export interface PaymentReference {
  paymentId: string;
  /** The gateway's id from createPayment; undefined when its answer never arrived. */
  providerRef?: string;
  method: string;
  amount: Money;
}

export type PaymentStatus =
  /**
   * The gateway's answer as the event its webhook would have carried (same outcome vocabulary,
   * same event id where the gateway's webhooks have none of their own), so applying it takes the
   * webhook's path and a later webhook for the same change is a no-op.
   */
  | { found: true; event: WebhookEvent }
  /** The gateway has no such payment: it was never created there, so it cannot be paid. */
  | { found: false; reason: string };

export type CancelResult =
  /** The gateway will no longer take money for it. */
  | { cancelled: true }
  /** The gateway's API cannot cancel this kind of payment; it ends by its own expiry. */
  | { cancelled: false; reason: string };

export interface PaymentGateway {
  readonly name: GatewayName;
  supports(method: string, currency: Currency | string): boolean;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  /**
   * The payment an earlier createPayment made under `input.paymentId` whose answer was lost (the
   * request died during the call), as createPayment would have answered; null when the gateway
   * never created it. Only gateways that refuse a second create under the same order id have it
   * (Midtrans): a retry then looks the charge up instead of failing on the duplicate.
   */
  resumePayment?(input: CreatePaymentInput): Promise<CreatePaymentResult | null>;
  /** Verifies first, then parses. `now` is for tests and for gateways with signed timestamps. */
  verifyWebhook(request: WebhookRequest, now?: Date): Promise<WebhookVerification>;
  /**
   * Asks the gateway where a payment stands (a lost webhook must never leave a paid order to
   * expire). Throws a GatewayError when the gateway cannot be reached or answers unreadably.
   */
  fetchStatus(payment: PaymentReference): Promise<PaymentStatus>;
  /** Stops a pending payment at the gateway (it was replaced, or its orders ended). Throws a GatewayError on failure. */
  cancelPayment(payment: PaymentReference): Promise<CancelResult>;
  refund(input: RefundInput): Promise<RefundResult>;
}

/**
 * A gateway refused or failed a call: the platform's ProviderError, named in payments' words.
 * `retryable` says whether the same call may succeed later (rate limits, gateway outages, network
 * failures) or never will (bad credentials, a rejected body, an unsupported method), so callers
 * stop retrying the latter at once. Messages never hold card data, tokens or keys.
 */
export class GatewayError extends ProviderError {
  override name = "GatewayError";
  readonly gateway: GatewayName;
  /** The gateway's own error code, e.g. Stripe `card_declined`, Xendit `API_VALIDATION_ERROR`, Midtrans `406`. */
  readonly gatewayCode: string | undefined;

  constructor(
    gateway: GatewayName,
    message: string,
    details: {
      status?: number;
      retryable: boolean;
      gatewayCode?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    const { gatewayCode, ...rest } = details;
    super(gateway, message, { ...rest, providerCode: gatewayCode });
    this.gateway = gateway;
    this.gatewayCode = gatewayCode;
  }
}

/** GatewayError.gatewayCode of an answer that did not have the documented shape. */
export const MALFORMED_ANSWER = "malformed_answer";

/**
 * A gateway answered, but not in the shape its API documents (zod found `issues`): a fault of the
 * gateway, never of the payer. Not retryable unless the call was idempotent (the gateway may have
 * acted on it).
 */
export function malformedAnswer(
  gateway: GatewayName,
  what: string,
  issues: string,
  { status, retryable = false }: { status?: number; retryable?: boolean } = {},
): GatewayError {
  return new GatewayError(gateway, `${gateway} answered ${what} in an unexpected shape: ${issues}`.slice(0, 300), {
    status,
    retryable,
    gatewayCode: MALFORMED_ANSWER,
  });
}

/** How long a gateway call may take unless GatewayOptions say otherwise (a network failure, so retryable). */
const GATEWAY_TIMEOUT_MS = 15_000;

/** A gateway as the platform's provider call knows it: its errors are GatewayErrors. */
export function gatewayProvider(gateway: GatewayName, label: string): Provider {
  return {
    id: gateway,
    label,
    timeoutMs: GATEWAY_TIMEOUT_MS,
    error: (message, { providerCode, ...details }) =>
      new GatewayError(gateway, message, {
        ...details,
        gatewayCode: providerCode === undefined ? undefined : String(providerCode),
      }),
  };
}

/** Options every gateway takes besides its secrets (tests and regional endpoints). */
export interface GatewayOptions {
  /** API base URL, e.g. a mock; each gateway has its documented default. */
  apiBase?: string;
  /** Give up on a request after this long (a network failure, so retryable); default 15 s. */
  timeoutMs?: number;
  /** The clock, for expiry computations; default `() => new Date()`. */
  now?: () => Date;
}
