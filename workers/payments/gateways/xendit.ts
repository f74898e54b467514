import { constantTimeEqual } from "../../platform/crypto";
import { type Currency, fromMajor, type Money, toMajorNumber } from "../../platform/money";
import {
  basicAuthorization,
  callProvider,
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
import { currencyOf, isRecord, requireNonEmpty, str, unsupported } from "./util";

export interface XenditConfig {
  /** XENDIT_SECRET_KEY (xnd_development_... / xnd_production_...), sent as Basic auth with an empty password. */
  secretKey: string;
  /** XENDIT_CALLBACK_TOKEN: the account's callback verification token, compared with `x-callback-token`. */
  callbackToken: string;
}

const XENDIT = gatewayProvider("xendit", "Xendit");
const DEFAULT_API_BASE = "https://api.xendit.co";

/** Fixed virtual accounts (POST /callback_virtual_accounts): Indonesian banks, IDR. */
const VA_BANKS: Record<string, VirtualAccountBank> = {
  bca_va: "BCA",
  bni_va: "BNI",
  bri_va: "BRI",
  mandiri_va: "MANDIRI",
  permata_va: "PERMATA",
};

type Redirects = "success" | "success_failure" | "success_failure_cancel";

/** E-wallet charges (POST /ewallets/charges): channel code, currency, and what channel_properties it needs. */
const EWALLETS: Record<string, { channel: string; currency: Currency; props: "mobile_number" | Redirects }> = {
  ovo: { channel: "ID_OVO", currency: "IDR", props: "mobile_number" },
  dana: { channel: "ID_DANA", currency: "IDR", props: "success" },
  shopeepay: { channel: "ID_SHOPEEPAY", currency: "IDR", props: "success" },
  gcash: { channel: "PH_GCASH", currency: "PHP", props: "success_failure" },
  grabpay_ph: { channel: "PH_GRABPAY", currency: "PHP", props: "success_failure" },
  paymaya: { channel: "PH_PAYMAYA", currency: "PHP", props: "success_failure_cancel" },
  shopeepay_ph: { channel: "PH_SHOPEEPAY", currency: "PHP", props: "success_failure" },
  momo: { channel: "VN_MOMO", currency: "VND", props: "success_failure" },
  zalopay: { channel: "VN_ZALOPAY", currency: "VND", props: "success_failure" },
  appota: { channel: "VN_APPOTA", currency: "VND", props: "success_failure" },
  vnptwallet: { channel: "VN_VNPTWALLET", currency: "VND", props: "success_failure" },
  viettelpay: { channel: "VN_VIETTELPAY", currency: "VND", props: "success_failure" },
  shopeepay_vn: { channel: "VN_SHOPEEPAY", currency: "VND", props: "success_failure" },
};

const WALLET_NAMES: Record<string, string> = { ID_OVO: "OVO" };

/**
 * Xendit: fixed virtual accounts (BCA, BNI, BRI, Mandiri, Permata; IDR) and e-wallet charges in
 * Indonesia (OVO, DANA, ShopeePay), the Philippines (GCash, GrabPay, Maya, ShopeePay) and Vietnam
 * (MoMo, ZaloPay, Appota, VNPT Wallet, Viettel Money, ShopeePay). Amounts go out and come back in
 * major units. Callbacks are authenticated by the static `x-callback-token`.
 */
export class XenditGateway implements PaymentGateway {
  readonly name = "xendit" as const;
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    private readonly config: XenditConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: GatewayOptions = {},
  ) {
    requireNonEmpty("xendit", { XENDIT_SECRET_KEY: config.secretKey, XENDIT_CALLBACK_TOKEN: config.callbackToken });
    this.base = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "");
    this.authorization = basicAuthorization(config.secretKey, "");
  }

  supports(method: string, currency: string): boolean {
    if (VA_BANKS[method]) return currency === "IDR";
    return EWALLETS[method]?.currency === currency;
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    if (!this.supports(input.method, input.amount.currency)) {
      throw unsupported("xendit", input.method, input.amount.currency);
    }
    if (input.amount.amount <= 0) {
      throw new GatewayError("xendit", "Xendit amounts must be positive", {
        retryable: false,
        gatewayCode: "invalid_amount",
      });
    }
    const bank = VA_BANKS[input.method];
    return bank ? this.createVirtualAccount(input, bank) : this.createEwalletCharge(input);
  }

  private async createVirtualAccount(
    input: CreatePaymentInput,
    bank: VirtualAccountBank,
  ): Promise<CreatePaymentResult> {
    const va = await this.post("/callback_virtual_accounts", {
      external_id: input.paymentId,
      bank_code: bank,
      name: vaName(input.customer?.name),
      // A closed, single-use VA: the bank refuses any other amount, and it closes once paid.
      is_closed: true,
      expected_amount: toMajorNumber(input.amount),
      is_single_use: true,
      expiration_date: input.expiresAt.toISOString(),
      currency: "IDR",
    });
    const id = str(va.id);
    const accountNumber = str(va.account_number);
    if (!id || !accountNumber) {
      throw new GatewayError("xendit", "Xendit answered without a VA id or account number", { retryable: false });
    }
    return {
      providerRef: id,
      nextAction: {
        type: "virtual_account",
        bank,
        accountNumber,
        expiresAt: isoOr(va.expiration_date, input.expiresAt),
      },
      raw: va,
    };
  }

  private async createEwalletCharge(input: CreatePaymentInput): Promise<CreatePaymentResult> {
    const wallet = EWALLETS[input.method];
    const properties: Record<string, string> = {};
    if (wallet.props === "mobile_number") {
      const phone = input.customer?.phone;
      if (!phone || !/^\+[1-9]\d{6,14}$/.test(phone)) {
        throw new GatewayError("xendit", `${wallet.channel} needs the payer's mobile number in E.164`, {
          retryable: false,
          gatewayCode: "missing_mobile_number",
        });
      }
      properties.mobile_number = phone;
    } else {
      properties.success_redirect_url = input.returnUrl;
      if (wallet.props !== "success") properties.failure_redirect_url = input.returnUrl;
      if (wallet.props === "success_failure_cancel") properties.cancel_redirect_url = input.returnUrl;
    }
    const charge = await this.post("/ewallets/charges", {
      reference_id: input.paymentId,
      currency: input.amount.currency,
      amount: toMajorNumber(input.amount),
      checkout_method: "ONE_TIME_PAYMENT",
      channel_code: wallet.channel,
      channel_properties: properties,
      metadata: { paymentId: input.paymentId },
    });
    const id = str(charge.id);
    if (!id) throw new GatewayError("xendit", "Xendit answered without a charge id", { retryable: false });
    return { providerRef: id, nextAction: ewalletAction(wallet.channel, charge, input.expiresAt), raw: charge };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    if (!input.providerRef.startsWith("ewc_")) {
      // Fixed VA payments are bank transfers: Xendit has no API refund for them (pay back by disbursement).
      throw new GatewayError("xendit", "Xendit cannot refund a virtual account payment through its API", {
        retryable: false,
        gatewayCode: "refund_not_supported",
      });
    }
    const body: Record<string, unknown> = { amount: toMajorNumber(input.amount) };
    if (input.reason) body.reason = input.reason.slice(0, 255);
    const refund = await this.post(`/ewallets/charges/${encodeURIComponent(input.providerRef)}/refunds`, body);
    const id = str(refund.id);
    if (!id) throw new GatewayError("xendit", "Xendit answered without a refund id", { retryable: false });
    if (refund.status === "FAILED") {
      throw new GatewayError("xendit", `Xendit refund ${id} failed`, {
        retryable: false,
        gatewayCode: str(refund.failure_code) ?? "FAILED",
      });
    }
    return { providerRefundRef: id, status: refund.status === "SUCCEEDED" ? "succeeded" : "pending" };
  }

  async verifyWebhook(request: WebhookRequest): Promise<WebhookVerification> {
    const token = request.headers.get("x-callback-token");
    if (!token) return { ok: false, authentic: false, reason: "missing x-callback-token header" };
    if (!(await constantTimeEqual(token, this.config.callbackToken))) {
      return { ok: false, authentic: false, reason: "x-callback-token does not match" };
    }
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return { ok: false, authentic: true, reason: "body is not JSON" };
    }
    if (!isRecord(body)) return { ok: false, authentic: true, reason: "body is not an object" };
    if (body.event === "ewallet.capture") return ewalletCallback(body);
    if (str(body.payment_id) && str(body.external_id)) return vaPaidCallback(body);
    return { ok: false, authentic: true, reason: `callback ${str(body.event) ?? "without event"} is not acted on` };
  }

  private async post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await callProvider(XENDIT, this.fetchFn, {
      url: `${this.base}${path}`,
      headers: { Authorization: this.authorization, Accept: "application/json" },
      json: body,
      timeoutMs: this.options.timeoutMs,
    });
    if (response.ok && isRecord(response.json)) return response.json;
    throw xenditError(response);
  }
}

/** The VA name shown at the ATM: Xendit allows letters and spaces only. */
function vaName(name: string | undefined): string {
  const cleaned = (name ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z ]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 50);
  return cleaned.length >= 1 ? cleaned : "Tchat Customer";
}

function isoOr(value: unknown, fallback: Date): string {
  const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? fallback.toISOString() : new Date(at).toISOString();
}

/**
 * The charge's `actions`: an app deeplink (ShopeePay) wins, with a web or QR page for other devices;
 * else a web checkout to redirect to (DANA, GCash, GrabPay, Maya, the VN wallets); else a QR string;
 * else nothing to open (OVO pushes a confirmation to the payer's app).
 */
function ewalletAction(channel: string, charge: Record<string, unknown>, expiresAt: Date): NextAction {
  const actions = isRecord(charge.actions) ? charge.actions : {};
  const deeplink = str(actions.mobile_deeplink_checkout_url);
  const mobileWeb = str(actions.mobile_web_checkout_url);
  const desktopWeb = str(actions.desktop_web_checkout_url);
  const qr = str(actions.qr_checkout_string);
  if (deeplink) return { type: "deeplink", url: mobileWeb ?? desktopWeb ?? deeplink, mobileUrl: deeplink };
  if (mobileWeb || desktopWeb) return { type: "redirect", url: (mobileWeb ?? desktopWeb) as string };
  if (qr) return { type: "qr", qrString: qr, expiresAt: expiresAt.toISOString() };
  return { type: "none", confirmInApp: WALLET_NAMES[channel] ?? channel };
}

const EWALLET_OUTCOMES: Record<string, WebhookOutcome> = {
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  PENDING: "pending",
};

function ewalletCallback(body: Record<string, unknown>): WebhookVerification {
  const data = isRecord(body.data) ? body.data : undefined;
  const chargeId = data ? str(data.id) : undefined;
  const paymentId = data ? str(data.reference_id) : undefined;
  const status = data ? str(data.status) : undefined;
  if (!data || !chargeId || !paymentId || !status) {
    return { ok: false, authentic: true, reason: "ewallet.capture without data.id, reference_id or status" };
  }
  const outcome = EWALLET_OUTCOMES[status];
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

function vaPaidCallback(body: Record<string, unknown>): WebhookVerification {
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
function xenditError(response: ProviderResponse) {
  const json = isRecord(response.json) ? response.json : {};
  // A 2xx without a JSON object: the call may have taken effect, so it is not retried blindly.
  return providerErrorFrom(XENDIT, response, {
    code: str(json.error_code),
    detail: str(json.message) ?? `HTTP ${response.status}`,
  });
}
