import { constantTimeEqual, hex, hmacSha256Hex } from "../../platform/crypto";
import { CURRENCIES, type Money, toMajorString } from "../../platform/money";
import { isRegionalMethod, methodInputError, regionalCurrencyAllowed } from "./regional";
import {
  type CancelResult,
  type CreatePaymentInput,
  type CreatePaymentResult,
  GatewayError,
  type NextAction,
  type PaymentGateway,
  type PaymentReference,
  type PaymentStatus,
  type RefundInput,
  type RefundResult,
  type VirtualAccountBank,
  type WebhookOutcome,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { currencyOf, fromMinor, isRecord, parseSignatureHeader, refundKey, requireNonEmpty, str } from "./util";

/** The sandbox's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SANDBOX_SIGNATURE_HEADER = "X-Sandbox-Signature";
const DEFAULT_TOLERANCE_SECONDS = 300;
const OUTCOMES: readonly WebhookOutcome[] = ["succeeded", "failed", "pending", "refunded", "expired"];

/** What the payer did at the sandbox "gateway" to one payment. */
export interface SandboxRecord {
  paymentId: string;
  outcome: "succeeded" | "failed" | "cancelled";
  amount: Money;
}

/**
 * The sandbox's own side, as a real gateway keeps its transactions: the app keeps it in D1 so a
 * status lookup finds a payment whose webhook was lost; without one, a Map per gateway object.
 */
export interface SandboxLedger {
  read(paymentId: string): Promise<SandboxRecord | undefined>;
  /** Records it unless the payment is already settled there (paid or cancelled): answers what stands. */
  settle(record: SandboxRecord): Promise<SandboxRecord>;
}

export interface SandboxConfig {
  /** SANDBOX_WEBHOOK_SECRET: signs and verifies the sandbox's events. */
  webhookSecret: string;
  /** Oldest (or most future) event accepted, in seconds; default 300. */
  toleranceSeconds?: number;
  ledger?: SandboxLedger;
}

/** A ledger in memory, for a gateway object on its own (unit tests). */
export function memorySandboxLedger(): SandboxLedger {
  const records = new Map<string, SandboxRecord>();
  return {
    read: async (paymentId) => records.get(paymentId),
    settle: async (record) => {
      const standing = records.get(record.paymentId);
      if (standing && standing.outcome !== "failed") return standing;
      records.set(record.paymentId, record);
      return record;
    },
  };
}

/** What a sandbox event says; `eventId` defaults to `sandbox:<paymentId>:<outcome>`. */
export interface SandboxEventPayload {
  eventId?: string;
  paymentId: string;
  outcome: WebhookOutcome;
  amount?: Money;
  providerRef?: string;
}

/**
 * Signs a sandbox event the way a real gateway signs its webhooks, so the simulate endpoint can
 * hand the result to `verifyWebhook` and go through exactly the path a real webhook takes.
 */
export async function signSandboxEvent(
  secret: string,
  payload: SandboxEventPayload,
  now: Date = new Date(),
): Promise<{ rawBody: string; headers: Headers }> {
  const body = {
    id: payload.eventId ?? `sandbox:${payload.paymentId}:${payload.outcome}`,
    paymentId: payload.paymentId,
    outcome: payload.outcome,
    ...(payload.amount ? { amount: { amount: payload.amount.amount, currency: payload.amount.currency } } : {}),
    providerRef: payload.providerRef ?? providerRefFor(payload.paymentId),
  };
  const rawBody = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  const signature = await hmacSha256Hex(secret, `${timestamp}.${rawBody}`);
  const headers = new Headers({
    "Content-Type": "application/json",
    [SANDBOX_SIGNATURE_HEADER]: `t=${timestamp},v1=${signature}`,
  });
  return { rawBody, headers };
}

function providerRefFor(paymentId: string): string {
  return `sbx_${paymentId}`;
}

const VA_BANKS: Record<string, VirtualAccountBank> = {
  bca_va: "BCA",
  bni_va: "BNI",
  bri_va: "BRI",
  permata_va: "PERMATA",
  mandiri_va: "MANDIRI",
};

/**
 * The local default gateway: no network at all. Every method in every currency is accepted (but
 * Stripe's regional methods only where Stripe takes them, FPX only with a bank) and answered with
 * a deterministic next action (a QR string for qris/promptpay/paynow, a VA number for VA methods,
 * a redirect back to `returnUrl` otherwise, naming the FPX bank). Its "webhooks" are HMAC-signed JSON bodies.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = "sandbox" as const;
  readonly ledger: SandboxLedger;

  constructor(private readonly config: SandboxConfig) {
    requireNonEmpty("sandbox", { SANDBOX_WEBHOOK_SECRET: config.webhookSecret });
    this.ledger = config.ledger ?? memorySandboxLedger();
  }

  /** Any method in our currencies, except a regional one outside its own (PayNow SGD, FPX MYR...), as at Stripe. */
  supports(method: string, currency: string): boolean {
    if (method.length === 0 || currencyOf(currency) !== currency) return false;
    return !isRegionalMethod(method) || regionalCurrencyAllowed(method, currency);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw new GatewayError("sandbox", `Sandbox cannot take method "${input.method}"`, {
        retryable: false,
        gatewayCode: "unsupported_method",
      });
    }
    const invalid = methodInputError(input.method, input.amount.currency, input.bank);
    if (invalid) throw new GatewayError("sandbox", invalid, { retryable: false, gatewayCode: "invalid_request" });
    const expiresAt = input.expiresAt.toISOString();
    let nextAction: NextAction;
    const bank = VA_BANKS[input.method];
    if (input.method === "qris" || input.method === "promptpay" || input.method === "paynow") {
      nextAction = {
        type: "qr",
        qrString: `SANDBOX|${input.method.toUpperCase()}|${input.paymentId}|${toMajorString(input.amount)}|${input.amount.currency}`,
        expiresAt,
      };
    } else if (bank) {
      nextAction = { type: "virtual_account", bank, accountNumber: await vaNumber(input.paymentId), expiresAt };
    } else {
      const url = new URL(input.returnUrl);
      url.searchParams.set("sandboxPayment", input.paymentId);
      nextAction = input.bank
        ? { type: "redirect", url: url.toString(), bank: input.bank }
        : { type: "redirect", url: url.toString() };
    }
    return { providerRef: providerRefFor(input.paymentId), nextAction };
  }

  async verifyWebhook(request: WebhookRequest, now: Date = new Date()): Promise<WebhookVerification> {
    const header = request.headers.get(SANDBOX_SIGNATURE_HEADER);
    if (!header) return { ok: false, authentic: false, reason: `missing ${SANDBOX_SIGNATURE_HEADER} header` };
    const parsed = parseSignatureHeader(header);
    if (!parsed) return { ok: false, authentic: false, reason: `malformed ${SANDBOX_SIGNATURE_HEADER} header` };
    const tolerance = this.config.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    if (Math.abs(Math.floor(now.getTime() / 1000) - parsed.timestamp) > tolerance) {
      return { ok: false, authentic: false, reason: "timestamp outside the tolerance window" };
    }
    const expected = await hmacSha256Hex(this.config.webhookSecret, `${parsed.timestamp}.${request.rawBody}`);
    let match = false;
    for (const signature of parsed.signatures) {
      if (await constantTimeEqual(signature, expected)) match = true;
    }
    if (!match) return { ok: false, authentic: false, reason: "signature does not match" };

    // Authentic from here on; the body is ours, but is still checked field by field.
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return { ok: false, authentic: true, reason: "body is not JSON" };
    }
    if (!isRecord(body)) return { ok: false, authentic: true, reason: "body is not an object" };
    const eventId = str(body.id);
    const paymentId = str(body.paymentId);
    const outcome = OUTCOMES.find((o) => o === body.outcome);
    if (!eventId || !paymentId || !outcome) {
      return { ok: false, authentic: true, reason: "event lacks id, paymentId or a known outcome" };
    }
    let amount: Money | undefined;
    if (body.amount !== undefined) {
      const a = body.amount;
      const currency = isRecord(a) ? currencyOf(a.currency) : undefined;
      amount = currency && isRecord(a) && a.currency === currency ? fromMinor(a.amount, currency) : undefined;
      if (!amount || amount.amount % CURRENCIES[amount.currency].step !== 0) {
        return { ok: false, authentic: true, reason: "event amount is not valid Money" };
      }
    }
    return {
      ok: true,
      event: { eventId, paymentId, outcome, amount, providerRef: str(body.providerRef), raw: body },
    };
  }

  /**
   * What the ledger says, as the event the simulate endpoint's webhook carries (same event id, so
   * a lookup and a late webhook apply once). Nothing recorded: created and not paid yet.
   */
  async fetchStatus(payment: PaymentReference): Promise<PaymentStatus> {
    const record = await this.ledger.read(payment.paymentId);
    const outcome = record ? (record.outcome === "cancelled" ? "expired" : record.outcome) : "pending";
    return {
      found: true,
      event: {
        eventId: `sandbox:${payment.paymentId}:${outcome}`,
        paymentId: payment.paymentId,
        outcome,
        amount: record?.amount ?? payment.amount,
        providerRef: payment.providerRef ?? providerRefFor(payment.paymentId),
        raw: record ?? null,
      },
    };
  }

  /** Cancelled in the ledger unless it was paid first (then, like a real gateway, it cannot be). */
  async cancelPayment(payment: PaymentReference): Promise<CancelResult> {
    const standing = await this.ledger.settle({
      paymentId: payment.paymentId,
      outcome: "cancelled",
      amount: payment.amount,
    });
    return standing.outcome === "cancelled" ? { cancelled: true } : { cancelled: false, reason: "already paid" };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const key = refundKey(input);
    return { providerRefundRef: `sbx_rf_${key}`, status: "succeeded" };
  }
}

/** A stable 16-digit VA number for a payment id ("8808" + 12 digits of its hash). */
async function vaNumber(paymentId: string): Promise<string> {
  const digest = hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(paymentId)));
  const digits = BigInt(`0x${digest.slice(0, 16)}`)
    .toString()
    .padStart(12, "0")
    .slice(-12);
  return `8808${digits}`;
}
