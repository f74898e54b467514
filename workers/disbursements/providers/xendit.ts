import { z } from "zod";
import { constantTimeEqual } from "../../platform/crypto";
import { toMajorNumber } from "../../platform/money";
import {
  basicAuthorization,
  callProvider,
  type ProviderResponse,
  providerErrorFrom,
  unreadableAnswer,
} from "../../platform/provider-http";
import {
  type CreateDisbursementInput,
  type DisbursementOutcome,
  type DisbursementProvider,
  type DisbursementState,
  type DisbursementWebhook,
  disbursementProvider,
  isRecord,
  type ProviderOptions,
  parseJsonObject,
  str,
  type WebhookRequest,
} from "./types";

export interface XenditPayoutsConfig {
  /** XENDIT_SECRET_KEY, sent as Basic auth with an empty password. */
  secretKey: string;
  /** XENDIT_CALLBACK_TOKEN: compared with each webhook's `x-callback-token`. */
  callbackToken: string;
}

const XENDIT = disbursementProvider("xendit", "Xendit Payouts");

/** A payout as POST /v2/payouts and GET /v2/payouts/{id} answer it and its webhook carries it. */
const PayoutSchema = z.object({
  id: z.string().min(1),
  reference_id: z.string().min(1),
  status: z.string().min(1),
  currency: z.string().length(3).optional(),
  amount: z.number().nonnegative().optional(),
  failure_code: z.string().nullable().optional(),
});
type Payout = z.infer<typeof PayoutSchema>;

/**
 * Xendit's payout statuses (docs.xendit.co payout status lifecycle): accepted, under compliance
 * review or sent to the channel are still on their way; SUCCEEDED is money in the account; the
 * rest are final failures (the money comes back to our Xendit balance).
 */
function outcomeOf(status: string): DisbursementOutcome {
  if (status === "SUCCEEDED") return "succeeded";
  if (["FAILED", "CANCELLED", "COMPLIANCE_REJECTED", "EXPIRED", "REVERSED"].includes(status)) return "failed";
  return "pending";
}

function stateOf(p: Payout): DisbursementState {
  const outcome = outcomeOf(p.status);
  return {
    providerRef: p.id,
    outcome,
    ...(outcome === "failed" ? { failureCode: p.failure_code ?? p.status } : {}),
  };
}

/**
 * Xendit Payouts (ID, PH): POST /v2/payouts with our id as `reference_id` and as the
 * `Idempotency-key`, so a request repeated after a lost answer is the same payout. Amounts go out
 * in major units. Webhooks (payout.succeeded, payout.failed, ...) carry the static
 * `x-callback-token` of the account, compared in constant time before anything is read.
 */
export class XenditPayouts implements DisbursementProvider {
  readonly name = "xendit" as const;
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    private readonly config: XenditPayoutsConfig,
    private readonly fetchFn: typeof fetch,
    private readonly options: ProviderOptions = {},
  ) {
    if (!config.secretKey.trim() || !config.callbackToken.trim()) {
      throw new Error("Xendit payouts need XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN");
    }
    this.base = (options.apiBase ?? "https://api.xendit.co").replace(/\/+$/, "");
    this.authorization = basicAuthorization(config.secretKey, "");
  }

  async create(input: CreateDisbursementInput): Promise<DisbursementState> {
    const response = await this.request("POST", "/v2/payouts", {
      body: {
        reference_id: input.id,
        channel_code: input.channel,
        channel_properties: { account_number: input.accountNumber, account_holder_name: input.accountName },
        amount: toMajorNumber(input.amount),
        currency: input.amount.currency,
        description: input.description,
      },
      idempotencyKey: input.id,
    });
    return stateOf(this.payout(response, "the new payout"));
  }

  async fetchStatus(ref: { disbursementId: string; providerRef: string }): Promise<DisbursementState> {
    const response = await this.request("GET", `/v2/payouts/${encodeURIComponent(ref.providerRef)}`);
    return stateOf(this.payout(response, "the payout"));
  }

  async verifyWebhook(request: WebhookRequest): Promise<DisbursementWebhook> {
    const token = request.headers.get("x-callback-token");
    if (!token) return { ok: false, authentic: false, reason: "missing x-callback-token header" };
    if (!(await constantTimeEqual(token, this.config.callbackToken))) {
      return { ok: false, authentic: false, reason: "x-callback-token does not match" };
    }
    const body = parseJsonObject(request.rawBody);
    const event = body ? str(body.event) : undefined;
    if (!body || !event?.startsWith("payout.")) {
      return { ok: false, authentic: true, reason: `callback ${event ?? "without event"} is not acted on` };
    }
    const parsed = PayoutSchema.safeParse(body.data);
    if (!parsed.success)
      return { ok: false, authentic: true, reason: "payout callback without id, reference_id or status" };
    const state = stateOf(parsed.data);
    if (state.outcome === "pending")
      return { ok: false, authentic: true, reason: `payout status ${parsed.data.status} is not final` };
    // Payout callbacks carry no event id of their own: the payout and its status identify one.
    return {
      ok: true,
      event: {
        ...state,
        eventId: `xendit:${parsed.data.id}:${parsed.data.status}`,
        disbursementId: parsed.data.reference_id,
      },
    };
  }

  private request(
    method: "GET" | "POST",
    path: string,
    extra: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<ProviderResponse> {
    return callProvider(XENDIT, this.fetchFn, {
      method,
      url: `${this.base}${path}`,
      // Xendit spells the header `Idempotency-key`; HTTP header names are case-insensitive.
      headers: { Authorization: this.authorization, Accept: "application/json" },
      json: extra.body,
      idempotencyKey: extra.idempotencyKey,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** A 2xx payout in the documented shape, else the ProviderError of Xendit's error body. */
  private payout(response: ProviderResponse, what: string): Payout {
    const json = isRecord(response.json) ? response.json : {};
    if (!response.ok) {
      throw providerErrorFrom(XENDIT, response, {
        code: str(json.error_code),
        detail: str(json.message) ?? `HTTP ${response.status}`,
      });
    }
    const parsed = PayoutSchema.safeParse(response.json);
    if (parsed.success) return parsed.data;
    // The call was idempotent: asking again is safe, so a garbled answer may be retried.
    throw unreadableAnswer(XENDIT, response, `${what} in the documented shape`, { retryable: true });
  }
}
