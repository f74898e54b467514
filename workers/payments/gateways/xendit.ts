import { constantTimeEqual } from "../../platform/crypto";
import { type Currency, fromMajor, toMajorNumber } from "../../platform/money";
import { basicAuthorization, callProvider, type ProviderResponse } from "../../platform/provider-http";
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
  type VirtualAccountBank,
  type WebhookRequest,
  type WebhookVerification,
} from "./types";
import { currencyOf, isRecord, parseAnswer, refundKey, requireNonEmpty, str, unsupported } from "./util";
import {
  EwalletChargeSchema,
  ewalletAction,
  ewalletCallback,
  ewalletEvent,
  FixedVaSchema,
  isoOr,
  RefundAnswerSchema,
  TransactionsAnswerSchema,
  vaName,
  vaPaidCallback,
  XENDIT,
  xenditError,
} from "./xendit-wire";

export interface XenditConfig {
  /** XENDIT_SECRET_KEY (xnd_development_... / xnd_production_...), sent as Basic auth with an empty password. */
  secretKey: string;
  /** XENDIT_CALLBACK_TOKEN: the account's callback verification token, compared with `x-callback-token`. */
  callbackToken: string;
}

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

  /** What this gateway takes, known without its keys (payment options list it before any is built). */
  static supports(method: string, currency: string): boolean {
    if (VA_BANKS[method]) return currency === "IDR";
    return EWALLETS[method]?.currency === currency;
  }

  supports(method: string, currency: string): boolean {
    return XenditGateway.supports(method, currency);
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
    const answer = await this.post("/callback_virtual_accounts", {
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
    const va = parseAnswer("xendit", FixedVaSchema, answer, "the virtual account");
    return {
      providerRef: va.id,
      nextAction: {
        type: "virtual_account",
        bank,
        accountNumber: va.account_number,
        expiresAt: isoOr(va.expiration_date, input.expiresAt),
      },
      raw: answer,
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
    const answer = await this.post("/ewallets/charges", {
      reference_id: input.paymentId,
      currency: input.amount.currency,
      amount: toMajorNumber(input.amount),
      checkout_method: "ONE_TIME_PAYMENT",
      channel_code: wallet.channel,
      channel_properties: properties,
      metadata: { paymentId: input.paymentId },
    });
    const charge = parseAnswer("xendit", EwalletChargeSchema, answer, "the e-wallet charge");
    return { providerRef: charge.id, nextAction: ewalletAction(wallet.channel, charge, input.expiresAt), raw: answer };
  }

  /**
   * An e-wallet charge: GET /ewallets/charges/{id}, the event its callback carries. A VA (or a
   * charge whose create answer never arrived): the payments made to our reference, through
   * GET /transactions?reference_id= (a fixed VA's own object does not say whether it was paid).
   */
  async fetchStatus(payment: PaymentReference): Promise<PaymentStatus> {
    if (payment.providerRef?.startsWith("ewc_")) {
      const response = await this.request("GET", `/ewallets/charges/${encodeURIComponent(payment.providerRef)}`);
      if (response.status === 404) return { found: false, reason: "Xendit has no such e-wallet charge" };
      const charge = parseAnswer("xendit", EwalletChargeSchema, this.answer(response), "the e-wallet charge", {
        retryable: true,
      });
      const event = charge.reference_id === payment.paymentId ? ewalletEvent(charge, response.json) : undefined;
      if (!event) throw malformedAnswer("xendit", "the e-wallet charge", "another reference or no valid amount");
      return { found: true, event };
    }
    const query = new URLSearchParams({ reference_id: payment.paymentId, types: "PAYMENT", limit: "10" });
    const response = await this.request("GET", `/transactions?${query}`);
    const list = parseAnswer("xendit", TransactionsAnswerSchema, this.answer(response), "the transactions", {
      retryable: true,
    });
    const paid = list.data.find((t) => t.reference_id === payment.paymentId && t.status === "SUCCESS");
    const currency = paid ? currencyOf(paid.currency) : undefined;
    const amount = paid && currency ? fromMajor(paid.amount, currency) : undefined;
    if (paid && !amount) throw malformedAnswer("xendit", "the transactions", `amount ${paid.amount} ${paid.currency}`);
    return {
      found: true,
      event: {
        eventId: paid ? `transaction:${paid.id}` : `transaction:${payment.paymentId}:none`,
        paymentId: payment.paymentId,
        outcome: paid ? "succeeded" : "pending",
        amount: amount ?? payment.amount,
        providerRef: payment.providerRef,
        raw: response.json,
      },
    };
  }

  /**
   * A VA: PATCH /callback_virtual_accounts/{id} with an expiration_date of now, so the bank takes
   * no more transfers. A pending e-wallet charge cannot be cancelled through the API (void applies
   * to paid charges only): it ends at its own expiry.
   */
  async cancelPayment(payment: PaymentReference): Promise<CancelResult> {
    if (!VA_BANKS[payment.method]) {
      return { cancelled: false, reason: "Xendit cannot cancel a pending e-wallet charge; it expires by itself" };
    }
    if (!payment.providerRef) return { cancelled: false, reason: "the VA id never arrived" };
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const response = await this.request(
      "PATCH",
      `/callback_virtual_accounts/${encodeURIComponent(payment.providerRef)}`,
      { expiration_date: now },
    );
    parseAnswer("xendit", FixedVaSchema, this.answer(response), "the expired virtual account", { retryable: true });
    return { cancelled: true };
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
    // X-IDEMPOTENCY-KEY = our refund id: a refund sent again after a crash or a lost answer is the
    // same refund at Xendit, never a second one.
    const answer = await this.post(`/ewallets/charges/${encodeURIComponent(input.providerRef)}/refunds`, body, {
      "X-IDEMPOTENCY-KEY": refundKey(input),
    });
    const refund = parseAnswer("xendit", RefundAnswerSchema, answer, "the refund");
    const id = refund.id;
    if (refund.status === "FAILED") {
      throw new GatewayError("xendit", `Xendit refund ${id} failed`, {
        retryable: false,
        gatewayCode: refund.failure_code ?? "FAILED",
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

  private async post(path: string, body: unknown, headers?: Record<string, string>): Promise<Record<string, unknown>> {
    return this.answer(await this.request("POST", path, body, headers));
  }

  private request(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ProviderResponse> {
    return callProvider(XENDIT, this.fetchFn, {
      method,
      url: `${this.base}${path}`,
      headers: { Authorization: this.authorization, Accept: "application/json", ...headers },
      json: body,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** A 2xx JSON object, else the GatewayError of Xendit's error body. */
  private answer(response: ProviderResponse): Record<string, unknown> {
    if (response.ok && isRecord(response.json)) return response.json;
    throw xenditError(response);
  }
}
